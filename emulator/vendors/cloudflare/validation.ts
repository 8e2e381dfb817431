/**
 * Wire-level validation of Cloudflare requests. Field rules come from the vendor's contracts (shared with
 * the provider); this module adds the body shapes and turns each broken rule into a 1001 error
 * carrying the JSON pointer of its field.
 */
import type { z } from "zod";
import { HEX32, groupName, scopeKey, scopeObjectKeys } from "pulumi-resource-groups-contracts/cloudflare";
import { parseJsonObject } from "../../core/json";
import { cloudflareErrors, type BodyProblem } from "./errors";

export interface GroupScope {
  key: string;
  /** The object keys, in the order sent. */
  objects: string[];
}

export interface NewGroup {
  name: string;
  scope: GroupScope;
}

export type GroupUpdate = Partial<NewGroup>;

export interface GroupFilters {
  id?: string;
  name?: string;
}

export const GROUPS_PATH = "/accounts/{account_id}/iam/resource_groups";

/** A malformed path id answers like a route that does not exist (404 7003 + 7000). */
export function parsePathIds(params: Readonly<Record<string, string>>): {
  accountId: string;
  groupId?: string;
} {
  const accountId = params.account_id ?? "";
  const groupId = params.resource_group_id;
  if (!HEX32.test(accountId) || (groupId !== undefined && !HEX32.test(groupId))) {
    const path = `/accounts/${accountId}/iam/resource_groups${groupId === undefined ? "" : `/${groupId}`}`;
    throw cloudflareErrors.noRoute(path);
  }
  return groupId === undefined ? { accountId } : { accountId, groupId };
}

/** `id` and `name` filter by exact match; a given filter, even an empty one, always applies. */
export function parseGroupFilters(query: URLSearchParams): GroupFilters {
  const id = query.get("id");
  const name = query.get("name");
  return { ...(id === null ? {} : { id }), ...(name === null ? {} : { name }) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function jsonObject(raw: string): Record<string, unknown> {
  const bad = (message: string) => cloudflareErrors.badBody([{ message }]);
  return parseJsonObject(raw, {
    empty: () => bad("The request body is empty; send a JSON object"),
    notJson: (reason) => bad(`The request body is not valid JSON: ${reason}`),
    notObject: () => bad("The request body must be a JSON object"),
  });
}

/** Runs a shared rule on one field, recording each issue under the field's pointer. */
function checkField<T>(
  schema: z.ZodType<T>,
  value: unknown,
  pointer: (path: readonly PropertyKey[]) => string,
  problems: BodyProblem[],
): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues)
    problems.push({ message: issue.message, pointer: pointer(issue.path) });
  return undefined;
}

/** The pointer of an issue of scopeObjectKeys: the list itself, or one element's key. */
function objectsPointer(path: readonly PropertyKey[]): string {
  return typeof path[0] === "number" ? `/scope/objects/${path[0]}/key` : "/scope/objects";
}

function parseScope(value: unknown, accountId: string, problems: BodyProblem[]): GroupScope | undefined {
  if (value === undefined) {
    problems.push({ message: "scope is required", pointer: "/scope" });
    return undefined;
  }
  if (!isObject(value)) {
    problems.push({ message: "scope must be an object {key, objects}", pointer: "/scope" });
    return undefined;
  }
  const before = problems.length;
  const key = checkField(scopeKey(accountId), value.key, () => "/scope/key", problems);
  const objects = parseObjects(value.objects, problems);
  if (problems.length > before || key === undefined || objects === undefined) return undefined;
  return { key, objects };
}

function parseObjects(value: unknown, problems: BodyProblem[]): string[] | undefined {
  if (value === undefined) {
    problems.push({ message: "scope objects are required", pointer: "/scope/objects" });
    return undefined;
  }
  if (!Array.isArray(value)) {
    problems.push({ message: "scope objects must be a list of {key}", pointer: "/scope/objects" });
    return undefined;
  }
  const notObjects = new Set<number>();
  value.forEach((item, i) => {
    if (isObject(item)) return;
    notObjects.add(i);
    problems.push({
      message: "each scope object must be an object {key}",
      pointer: `/scope/objects/${i}/key`,
    });
  });
  const keys: unknown[] = value.map((item) => (isObject(item) ? item.key : undefined));
  const issues: BodyProblem[] = [];
  const parsed = checkField(scopeObjectKeys, keys, objectsPointer, issues);
  // An element that is not an object was reported above; its missing key would only repeat that.
  const reported = new Set([...notObjects].map((i) => `/scope/objects/${i}/key`));
  problems.push(...issues.filter((p) => !reported.has(p.pointer ?? "")));
  return parsed;
}

/** `POST` body: `{name, scope: {key, objects: [{key}]}}`, all required. Unknown fields are ignored. */
export function parseCreateGroup(raw: string, accountId: string): NewGroup {
  const body = jsonObject(raw);
  const problems: BodyProblem[] = [];
  const name = checkField(groupName, body.name, () => "/name", problems);
  const scope = parseScope(body.scope, accountId, problems);
  if (problems.length > 0 || name === undefined || scope === undefined)
    throw cloudflareErrors.badBody(problems);
  return { name, scope };
}

/** `PUT` body: `{name?, scope?}`, at least one of them. Unknown fields are ignored. */
export function parseUpdateGroup(raw: string, accountId: string): GroupUpdate {
  const body = jsonObject(raw);
  if (body.name === undefined && body.scope === undefined) {
    throw cloudflareErrors.badBody([{ message: "The update must change name, scope or both" }]);
  }
  const problems: BodyProblem[] = [];
  const update: GroupUpdate = {};
  if (body.name !== undefined) {
    const name = checkField(groupName, body.name, () => "/name", problems);
    if (name !== undefined) update.name = name;
  }
  if (body.scope !== undefined) {
    const scope = parseScope(body.scope, accountId, problems);
    if (scope !== undefined) update.scope = scope;
  }
  if (problems.length > 0) throw cloudflareErrors.badBody(problems);
  return update;
}

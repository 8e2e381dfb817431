/**
 * Wire-level validation for CES requests. Every field rule comes from the vendor's contracts, so the
 * provider and the emulator agree on what is valid; this module only adds the body shapes, the type-dependent
 * rules and the URL/query rules, and turns failures into CES errors.
 */
import { z } from "zod";
import {
  CES_LIMITS,
  ENTERPRISE_PROJECT_ID,
  GROUP_ID,
  GROUP_TYPES,
  PROJECT_ID,
  TYPE_LISTS,
  dimensionName,
  dimensions,
  enterpriseProjectId,
  groupName,
  groupType,
  namespace,
  tagKey,
  tagValue,
  typeListProblem,
  type GroupChange,
  type GroupSpec,
  type GroupType,
  type Member,
  type Tag,
} from "pulumi-resource-groups-contracts/ces";
import { parseJsonObject } from "../../core/json";
import { cesErrors } from "./errors";

function list<T extends z.ZodType>(item: T, field: string, min: number, max: number) {
  const got = (input: unknown): string => (Array.isArray(input) ? ` (got ${input.length})` : "");
  return z
    .array(item, { error: `${field} must be a list` })
    .min(min, {
      error: (issue) => `${field} must have at least ${min} item${min === 1 ? "" : "s"}${got(issue.input)}`,
    })
    .max(max, { error: (issue) => `${field} must have at most ${max} items${got(issue.input)}` });
}

const tag = z.strictObject(
  { key: tagKey, value: tagValue.optional() },
  { error: "each tag must be {key, value}" },
);
const tags = list(tag, "tags", 1, CES_LIMITS.tagsMax);
const resource = z.strictObject(
  { namespace, dimensions },
  { error: "each resource must be {namespace, dimensions}" },
);

export const createGroupBody = z.strictObject({
  group_name: groupName,
  type: groupType.optional(),
  tags: tags.optional(),
  association_ep_ids: list(
    enterpriseProjectId,
    "association_ep_ids",
    1,
    CES_LIMITS.associationEpIdsMax,
  ).optional(),
  enterprise_project_id: enterpriseProjectId.optional(),
});

export const updateGroupBody = z.strictObject({ group_name: groupName, tags: tags.optional() });

export const batchDeleteGroupsBody = z.strictObject({
  group_ids: list(
    z.string({ error: "each group id must be a string" }),
    "group_ids",
    1,
    CES_LIMITS.batchDeleteGroupsMax,
  ),
});

export const membersBody = z.strictObject({
  resources: list(resource, "resources", 1, CES_LIMITS.membersPerBatchMax),
});

/** Fields fixed at creation: the update body may not carry them. */
const IMMUTABLE_FIELDS = ["type", "association_ep_ids", "enterprise_project_id"] as const;

type Issue = z.ZodError["issues"][number];

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === "number") return `${text}[${part}]`;
    return text === "" ? String(part) : `${text}.${String(part)}`;
  }, "");
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const part of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function describeIssue(issue: Issue, body: unknown): string {
  const path = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => `unknown field '${path ? `${path}.${key}` : key}'`).join("; ");
  }
  if (issue.code === "invalid_type" && valueAt(body, issue.path) === undefined) return `${path} is required`;
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Empty body -> ces.0001; anything but a JSON object -> ces.0014. */
function jsonObject(raw: string): Record<string, unknown> {
  return parseJsonObject(raw, {
    empty: cesErrors.emptyBody,
    notJson: (reason) => cesErrors.badBody(`The request body is not valid JSON: ${reason}`),
    notObject: () => cesErrors.badBody("The request body must be a JSON object"),
  });
}

function parseWith<T>(schema: z.ZodType<T>, body: Record<string, unknown>): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw cesErrors.badBody(result.error.issues.map((issue) => describeIssue(issue, body)).join("; "));
}

export function parseCreateGroup(raw: string): GroupSpec {
  const body = parseWith(createGroupBody, jsonObject(raw));
  const type = body.type ?? "Manual";
  // The list rules above bound each list's length; a list sent for another type is dropped below.
  for (const [list, items] of [
    ["tags", body.tags],
    ["associationEpIds", body.association_ep_ids],
  ] as const) {
    if (typeListProblem(type, list, items)?.kind === "missing") {
      const { wireField, max } = TYPE_LISTS[list];
      throw cesErrors.badBody(`${wireField} is required when type is ${type} (1-${max} items)`);
    }
  }
  return {
    name: body.group_name,
    type,
    enterpriseProjectId: body.enterprise_project_id ?? "0",
    tags: type === TYPE_LISTS.tags.type ? normalizeTags(body.tags ?? []) : [],
    associationEpIds: type === TYPE_LISTS.associationEpIds.type ? (body.association_ep_ids ?? []) : [],
  };
}

export function parseUpdateGroup(raw: string): GroupChange {
  const json = jsonObject(raw);
  const immutable = IMMUTABLE_FIELDS.filter((field) => field in json);
  if (immutable.length > 0) {
    throw cesErrors.badBody(
      `${immutable.join(", ")} cannot be changed on an existing resource group; create a new group instead`,
    );
  }
  const body = parseWith(updateGroupBody, json);
  return { name: body.group_name, ...(body.tags ? { tags: normalizeTags(body.tags) } : {}) };
}

export function parseBatchDeleteGroups(raw: string): string[] {
  return parseWith(batchDeleteGroupsBody, jsonObject(raw)).group_ids;
}

export function parseMembers(raw: string): Member[] {
  return parseWith(membersBody, jsonObject(raw)).resources;
}

/** A tag sent without a value is stored and shown with value "". */
function normalizeTags(input: readonly { key: string; value?: string | undefined }[]): Tag[] {
  return input.map((t) => ({ key: t.key, value: t.value ?? "" }));
}

// ---- URL parameters and query strings ----

export function parseProjectId(value: string | undefined): string {
  if (value === undefined || !PROJECT_ID.test(value)) {
    throw cesErrors.badUrlParameter(
      `project_id must be 1-${CES_LIMITS.projectIdMax} letters, digits or '-' (got '${value ?? ""}')`,
    );
  }
  return value;
}

export function parseGroupId(value: string | undefined, field = "group_id"): string {
  if (value === undefined || !GROUP_ID.test(value)) {
    throw cesErrors.badUrlParameter(
      `${field} must be 'rg' followed by 22 letters or digits (got '${value ?? ""}')`,
    );
  }
  return value;
}

/** Applies a shared field rule to a URL or query parameter; failures are ces.0013. */
function urlParameter(schema: z.ZodType<string>, name: string, value: string | undefined): string {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const reason = result.error.issues[0]?.message ?? "is not valid";
  throw cesErrors.badUrlParameter(`${name}: ${reason} (got '${value ?? ""}')`);
}

export function parseService(value: string | undefined): string {
  return urlParameter(namespace, "service", value);
}

export interface Paging {
  offset: number;
  limit: number;
}

function pagingParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw cesErrors.badPaging(`${name} must be an integer from ${min} to ${max} (got '${raw}')`);
  }
  return value;
}

export function parsePaging(query: URLSearchParams): Paging {
  return {
    offset: pagingParam(query, "offset", 0, 0, CES_LIMITS.listOffsetMax),
    limit: pagingParam(query, "limit", CES_LIMITS.listLimitMax, 1, CES_LIMITS.listLimitMax),
  };
}

export interface GroupFilters {
  groupName?: string;
  groupId?: string;
  type?: GroupType;
  enterpriseProjectId?: string;
}

/** A filter given with an empty value counts as not given. */
function filterParam(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === "" ? undefined : value;
}

export function parseGroupFilters(query: URLSearchParams): GroupFilters {
  const filters: GroupFilters = {};
  const name = filterParam(query, "group_name");
  if (name !== undefined) filters.groupName = name;
  const id = filterParam(query, "group_id");
  if (id !== undefined) filters.groupId = parseGroupId(id);
  const type = filterParam(query, "type");
  if (type !== undefined) {
    const known = GROUP_TYPES.find((t) => t === type);
    if (!known)
      throw cesErrors.badUrlParameter(`type must be one of ${GROUP_TYPES.join(", ")} (got '${type}')`);
    filters.type = known;
  }
  const ep = filterParam(query, "enterprise_project_id");
  // "all_granted_eps" is Huawei's spelling of "any enterprise project".
  if (ep !== undefined && ep !== "all_granted_eps") {
    if (!ENTERPRISE_PROJECT_ID.test(ep)) {
      throw cesErrors.badUrlParameter(
        `enterprise_project_id must be a lowercase UUID, "0" or "all_granted_eps" (got '${ep}')`,
      );
    }
    filters.enterpriseProjectId = ep;
  }
  return filters;
}

export interface MemberFilters {
  dimName?: string;
  dimValue?: string;
}

export function parseMemberFilters(query: URLSearchParams): MemberFilters {
  const dimName = filterParam(query, "dim_name");
  const dimValue = filterParam(query, "dim_value");
  if (dimName !== undefined) urlParameter(dimensionName, "dim_name", dimName);
  if (dimValue !== undefined && dimName === undefined) {
    throw cesErrors.badUrlParameter("dim_value can only be used together with dim_name");
  }
  return {
    ...(dimName !== undefined ? { dimName } : {}),
    ...(dimValue !== undefined ? { dimValue } : {}),
  };
}

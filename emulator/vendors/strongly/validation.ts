/**
 * Wire-level validation of Strongly requests. The field rules come from the vendor's contracts (shared
 * with the provider); this module reads bodies and query strings and turns failures into 400
 * `validation-error` answers whose message names the field.
 */
import type { z } from "zod";
import {
  DEFAULT_SORT,
  MEMBER_TYPES,
  STRONGLY_LIMITS,
  createGroupBody,
  listLimit,
  listOffset,
  memberBody,
  sort,
  updateGroupBody,
  type GroupUpdate,
  type Member,
  type MemberType,
  type NewGroup,
  type SortSpec,
} from "pulumi-resource-groups-contracts/strongly";
import { parseJsonObject } from "../../core/json";
import { stronglyErrors } from "./errors";

type Issue = z.ZodError["issues"][number];

function describeIssue(issue: Issue, body: Record<string, unknown>): string {
  const field = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") return issue.keys.map((key) => `unknown field '${key}'`).join("; ");
  if (field !== "" && issue.code === "invalid_type" && body[field] === undefined)
    return `${field} is required`;
  // Field rules already start with the field's name; the prefix is kept only where they do not.
  return field === "" || issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`;
}

function jsonObject(raw: string): Record<string, unknown> {
  return parseJsonObject(raw, {
    empty: () => stronglyErrors.validation("The request body must be a JSON object"),
    notJson: (reason) => stronglyErrors.validation(`The request body is not valid JSON: ${reason}`),
    notObject: () => stronglyErrors.validation("The request body must be a JSON object"),
  });
}

function parseBody<T>(schema: z.ZodType<T>, raw: string): T {
  const body = jsonObject(raw);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw stronglyErrors.validation(result.error.issues.map((issue) => describeIssue(issue, body)).join("; "));
}

export const parseCreateGroup = (raw: string): NewGroup => parseBody(createGroupBody, raw);
export const parseUpdateGroup = (raw: string): GroupUpdate => parseBody(updateGroupBody, raw);
export const parseMember = (raw: string): Member => parseBody(memberBody, raw);

export interface ListQuery {
  /** Lower-cased search term, matched as a substring of the lower-cased name or description. */
  search?: string;
  status?: string;
  limit: number;
  offset: number;
  sort: SortSpec;
}

/** A query parameter sent empty counts as not sent. */
function param(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === "" ? undefined : value;
}

function parseParam<T>(schema: z.ZodType<T>, value: string | undefined, fallback: T): T {
  if (value === undefined) return fallback;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw stronglyErrors.validation(result.error.issues[0]?.message ?? "invalid query parameter");
}

export function parseListQuery(query: URLSearchParams): ListQuery {
  const search = param(query, "search");
  const status = param(query, "status");
  return {
    ...(search !== undefined ? { search: search.toLowerCase() } : {}),
    ...(status !== undefined ? { status } : {}),
    limit: parseParam(listLimit, param(query, "limit"), STRONGLY_LIMITS.listLimitDefault),
    offset: parseParam(listOffset, param(query, "offset"), 0),
    sort: parseParam(sort, param(query, "sort"), DEFAULT_SORT),
  };
}

/** The `resourceType` query of a member removal: required, one of the eight member types. */
export function parseResourceType(query: URLSearchParams): MemberType {
  const value = query.get("resourceType");
  if (value === null || value === "") {
    throw stronglyErrors.validation(
      `resourceType is required: the query parameter naming the member's type (${MEMBER_TYPES.join(", ")})`,
    );
  }
  const type = MEMBER_TYPES.find((t) => t === value);
  if (!type)
    throw stronglyErrors.validation(
      `resourceType must be one of ${MEMBER_TYPES.join(", ")} (got '${value}')`,
    );
  return type;
}

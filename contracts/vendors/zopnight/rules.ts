/**
 * Field rules of the ZopNight resource-group API, as docs/vendors/zopnight.md describes it. The
 * provider's check(), the emulator's request validation and the policy pack are all built from these, so
 * they can never disagree about what a valid name, tier or order is. Messages name the wire field, because
 * ZopNight's error body is a bare string that must say which field broke which rule.
 */
import { z } from "zod";
import { CLOUD_PROVIDERS, GROUP_ID, RESOURCE_ID, TIER_PATTERN, ZOPNIGHT_LIMITS } from "./constants";
import { charLength } from "../../core/text";

/** "name is required" for a missing field, "name must be a string" for a wrong type. */
function typed(field: string, what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `${field} is required`
      : `${field} must be ${what} (got ${issue.input === null ? "null" : typeof issue.input})`;
}

/** Group names: 1-100 characters once trimmed; the trimmed value is what is stored and compared. */
export const groupName = z
  .string({ error: typed("name", "a string") })
  .trim()
  .refine((v) => v.length > 0, { error: "name must not be empty (after trimming)" })
  .refine((v) => charLength(v) <= ZOPNIGHT_LIMITS.nameMax, {
    error: (issue) =>
      `name must have at most ${ZOPNIGHT_LIMITS.nameMax} characters after trimming (got ${charLength(String(issue.input))})`,
  });

export const groupDescription = z
  .string({ error: typed("description", "a string") })
  .refine((v) => charLength(v) <= ZOPNIGHT_LIMITS.descriptionMax, {
    error: (issue) =>
      `description must have at most ${ZOPNIGHT_LIMITS.descriptionMax} characters (got ${charLength(String(issue.input))})`,
  });

export const groupId = z
  .string({ error: typed("groupId", "a string") })
  .regex(GROUP_ID, { error: "groupId must be 'grp_' followed by 12 lowercase letters or digits" });

export const resourceId = z
  .string({ error: typed("resourceID", "a string") })
  .regex(RESOURCE_ID, { error: "resourceID must be 'res_' followed by letters or digits" });

export const executionTier = z.string({ error: typed("executionTier", "a string") }).regex(TIER_PATTERN, {
  error: (issue) => `executionTier must be one of tier-1 to tier-10 (got '${String(issue.input)}')`,
});

export const executionOrder = z
  .number({ error: typed("executionOrder", "a JSON integer") })
  .int({ error: (issue) => `executionOrder must be an integer (got ${String(issue.input)})` })
  .min(ZOPNIGHT_LIMITS.orderMin, {
    error: (issue) =>
      `executionOrder must be at least ${ZOPNIGHT_LIMITS.orderMin} (got ${String(issue.input)})`,
  })
  .max(ZOPNIGHT_LIMITS.orderMax, {
    error: (issue) =>
      `executionOrder must be at most ${ZOPNIGHT_LIMITS.orderMax} (got ${String(issue.input)})`,
  });

export const cloudProvider = z.enum(CLOUD_PROVIDERS, {
  error: (issue) =>
    issue.input === undefined
      ? "provider is required"
      : `provider must be one of ${CLOUD_PROVIDERS.join(", ")} (got ${JSON.stringify(issue.input)})`,
});

/** A required, non-empty text field of an inventory resource. */
function inventoryText(field: string) {
  return z
    .string({ error: typed(field, "a string") })
    .refine((v) => v.trim().length > 0, { error: `${field} must not be empty` });
}

// Bodies of the API calls. Unknown fields are ignored, as JSON APIs commonly do.

export const createGroupBody = z.object({
  name: groupName,
  description: groupDescription.default(""),
});

export const updateGroupBody = z
  .object({ name: groupName.optional(), description: groupDescription.optional() })
  .refine((body) => body.name !== undefined || body.description !== undefined, {
    error: "at least one of name or description is required",
  });

export const sequenceBody = z.object({ executionTier, executionOrder });

/** A resource of the inventory (what members point at), as the emulator's admin route takes it. */
export const inventoryResource = z.object({
  id: resourceId.optional(),
  uid: inventoryText("uid"),
  name: inventoryText("name"),
  type: inventoryText("type"),
  provider: cloudProvider,
  cloudAccountID: inventoryText("cloudAccountID"),
  region: inventoryText("region"),
});

export type CreateGroupBody = z.output<typeof createGroupBody>;
export type UpdateGroupBody = z.output<typeof updateGroupBody>;
export type SequenceBody = z.output<typeof sequenceBody>;
export type InventoryResourceInput = z.output<typeof inventoryResource>;

/** Query paging of the group and inventory lists: `page` >= 1 (default 1), `limit` 1-100 (default 20). */
export interface Paging {
  page: number;
  limit: number;
}

const DECIMAL = /^\d+$/;

/** Parses `page` and `limit` from a query; the error names the parameter and its rule. */
export function parsePaging(query: { get(name: string): string | null }): Paging | { error: string } {
  const pageText = query.get("page");
  const limitText = query.get("limit");
  const page =
    pageText === null ? ZOPNIGHT_LIMITS.listPageDefault : DECIMAL.test(pageText) ? Number(pageText) : NaN;
  if (!(page >= 1)) return { error: `page must be an integer of at least 1 (got '${pageText ?? ""}')` };
  const limit =
    limitText === null ? ZOPNIGHT_LIMITS.listLimitDefault : DECIMAL.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= ZOPNIGHT_LIMITS.listLimitMax)) {
    return {
      error: `limit must be an integer from 1 to ${ZOPNIGHT_LIMITS.listLimitMax} (got '${limitText ?? ""}')`,
    };
  }
  return { page, limit };
}

export { charLength };

export * from "./constants";

/**
 * Field rules of the Strongly FinOps resource-group API, as docs/vendors/strongly.md describes it.
 * The provider's check(), the emulator's request validation and the policy pack are all built from
 * these, so they can never disagree about what a valid name, member or list query is.
 *
 * Messages name the rule; the object that contains a field sets its path.
 */
import { z } from "zod";
import {
  GROUP_ID,
  MEMBER_TYPES,
  RESOURCE_ID,
  SORT_FIELDS,
  STRONGLY_LIMITS,
  type SortSpec,
} from "./constants";
import { charLength } from "../../core/text";

const got = (value: unknown) => ` (got ${charLength(String(value))})`;

/** `name` of a group: trimmed, then 1-100 characters. The output is the trimmed name the API stores. */
export const groupName = z
  .string({ error: "name must be a string" })
  .trim()
  .refine((v) => v.length > 0, { error: "name must not be empty after trimming" })
  .refine((v) => charLength(v) <= STRONGLY_LIMITS.groupNameMax, {
    error: (issue) =>
      `name must have at most ${STRONGLY_LIMITS.groupNameMax} characters after trimming${got(issue.input)}`,
  });

export const description = z
  .string({ error: "description must be a string" })
  .refine((v) => charLength(v) <= STRONGLY_LIMITS.descriptionMax, {
    error: (issue) =>
      `description must have at most ${STRONGLY_LIMITS.descriptionMax} characters${got(issue.input)}`,
  });

export const memberType = z.enum(MEMBER_TYPES, { error: `type must be one of ${MEMBER_TYPES.join(", ")}` });

export const resourceId = z
  .string({ error: "resourceId must be a string" })
  .refine((v) => v.length > 0, { error: "resourceId must not be empty" })
  .refine((v) => v.length <= STRONGLY_LIMITS.resourceIdMax, {
    error: (issue) =>
      `resourceId must have at most ${STRONGLY_LIMITS.resourceIdMax} characters${got(issue.input)}`,
  })
  .refine((v) => RESOURCE_ID.test(v), { error: "resourceId may contain only letters, digits, '_' and '-'" });

export const memberName = z
  .string({ error: "name must be a string" })
  .refine((v) => v.length > 0, { error: "name must not be empty" })
  .refine((v) => charLength(v) <= STRONGLY_LIMITS.memberNameMax, {
    error: (issue) => `name must have at most ${STRONGLY_LIMITS.memberNameMax} characters${got(issue.input)}`,
  });

export const groupId = z
  .string({ error: "groupId must be a string" })
  .regex(GROUP_ID, { error: "groupId must be 'rg_' followed by 16 lowercase letters or digits" });

/** Bodies of the write calls. Unknown fields are refused, so a misspelt field never passes silently. */
export const createGroupBody = z.strictObject({ name: groupName, description: description.optional() });

export const updateGroupBody = z
  .strictObject({ name: groupName.optional(), description: description.optional() })
  .refine((body) => body.name !== undefined || body.description !== undefined, {
    error: "the update must set at least one of name and description",
  });

export const memberBody = z.strictObject({ type: memberType, resourceId, name: memberName });

export type NewGroup = z.output<typeof createGroupBody>;
export type GroupUpdate = z.output<typeof updateGroupBody>;
export type Member = z.output<typeof memberBody>;

// ---- List query ----

/** `sort` is a field with an optional leading `-` for descending: `name`, `-createdAt`. */
export const sort = z.string({ error: "sort must be a string" }).transform((value, ctx): SortSpec => {
  const descending = value.startsWith("-");
  const field = SORT_FIELDS.find((f) => f === (descending ? value.slice(1) : value));
  if (field) return { field, descending };
  ctx.addIssue({
    code: "custom",
    message: `sort must be one of ${SORT_FIELDS.join(", ")}, optionally preceded by '-' for descending (got '${value}')`,
  });
  return z.NEVER;
});

/** Query parameters arrive as text: only plain decimal integers count. */
function integerParam(name: string, min: number, max?: number) {
  const range = max === undefined ? `at least ${min}` : `from ${min} to ${max}`;
  return z.string().transform((value, ctx) => {
    const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    if (n >= min && (max === undefined || n <= max)) return n;
    ctx.addIssue({ code: "custom", message: `${name} must be an integer ${range} (got '${value}')` });
    return z.NEVER;
  });
}

export const listLimit = integerParam("limit", 1, STRONGLY_LIMITS.listLimitMax);
export const listOffset = integerParam("offset", 0);

export { charLength };

export * from "./constants";

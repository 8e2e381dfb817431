/**
 * Field rules of the Huawei Cloud Eye (CES) v2 resource-group API, as docs/vendors/ces.md
 * describes it. Both the provider's argument schemas and the emulator's request validation are built from
 * these, so the two can never disagree about what a valid name or tag is.
 */
import { z } from "zod";
import {
  CES_LIMITS,
  DIMENSION_NAME,
  ENTERPRISE_PROJECT_ID,
  GROUP_TYPES,
  NAMESPACE,
  NAME_CHARSET,
  NAME_CHARSET_RULE,
  type GroupType,
} from "./constants";
import { charLength } from "../../core/text";

function boundedText(what: string, min: 0 | 1, max: number) {
  const text = z.string({ error: `${what} must be a string` });
  return (min === 1 ? text.refine((v) => v.length > 0, { error: `${what} must not be empty` }) : text)
    .refine((v) => charLength(v) <= max, {
      error: (issue) =>
        `${what} must have at most ${max} characters (got ${charLength(String(issue.input))})`,
    })
    .refine((v) => NAME_CHARSET.test(v), { error: `${what} may contain ${NAME_CHARSET_RULE}` });
}

export const groupName = boundedText("group name", 1, CES_LIMITS.groupNameMax);
export const tagKey = boundedText("tag key", 1, CES_LIMITS.tagKeyMax);
export const tagValue = boundedText("tag value", 0, CES_LIMITS.tagValueMax);
export const groupType = z.enum(GROUP_TYPES, { error: `type must be one of ${GROUP_TYPES.join(", ")}` });

export const enterpriseProjectId = z
  .string({ error: "enterprise project id must be a string" })
  .regex(ENTERPRISE_PROJECT_ID, {
    error: 'enterprise project id must be a lowercase UUID (8-4-4-4-12 of a-z and 0-9) or "0"',
  });

export const namespace = z
  .string({ error: "namespace must be a string" })
  .min(CES_LIMITS.namespaceMin, {
    error: `namespace must have at least ${CES_LIMITS.namespaceMin} characters`,
  })
  .max(CES_LIMITS.namespaceMax, {
    error: `namespace must have at most ${CES_LIMITS.namespaceMax} characters`,
  })
  .regex(NAMESPACE, {
    error:
      "namespace must look like 'service.item' (e.g. SYS.ECS): each part a letter, then letters, digits or '_'",
  });

export const dimensionName = z
  .string({ error: "dimension name must be a string" })
  .min(1, { error: "dimension name must not be empty" })
  .max(CES_LIMITS.dimensionNameMax, {
    error: `dimension name must have at most ${CES_LIMITS.dimensionNameMax} characters`,
  })
  .regex(DIMENSION_NAME, {
    error: "dimension name must start with a letter, then letters, digits, '_' or '-'",
  });

export const dimensionValue = z
  .string({ error: "dimension value must be a string" })
  .min(1, { error: "dimension value must not be empty" })
  .refine((v) => charLength(v) <= CES_LIMITS.dimensionValueMax, {
    error: `dimension value must have at most ${CES_LIMITS.dimensionValueMax} characters`,
  });

export const dimension = z.strictObject({ name: dimensionName, value: dimensionValue });

export const dimensions = z
  .array(dimension, { error: "dimensions must be a list of {name, value}" })
  .min(1, { error: "dimensions must have at least 1 item" })
  .max(CES_LIMITS.dimensionsMax, { error: `dimensions must have at most ${CES_LIMITS.dimensionsMax} items` });

/**
 * The list each group type is made from: a TAG group matches resources by its tags, an EPS group takes
 * the resources of its enterprise projects (a Manual group has neither). The type needs its list, with
 * 1 to `max` items; to a group of another type the list means nothing. The provider refuses each of
 * these mistakes; the API refuses the first two and drops a list sent for another type.
 */
export const TYPE_LISTS = {
  tags: { type: "TAG", wireField: "tags", max: CES_LIMITS.tagsMax },
  associationEpIds: { type: "EPS", wireField: "association_ep_ids", max: CES_LIMITS.associationEpIdsMax },
} as const satisfies Record<string, { type: GroupType; wireField: string; max: number }>;

export type TypeList = keyof typeof TYPE_LISTS;

export interface TypeListProblem {
  list: TypeList;
  /** The group's type needs the list and it is not there, has too few or too many items, or is not the type's. */
  kind: "missing" | "count" | "other-type";
  /** How many items were given; 0 when the list is missing. */
  count: number;
}

/** What is wrong with one of a group's lists for the group's type, if anything. */
export function typeListProblem(
  type: GroupType,
  list: TypeList,
  items: readonly unknown[] | undefined,
): TypeListProblem | undefined {
  const rule = TYPE_LISTS[list];
  const count = items?.length ?? 0;
  if (type !== rule.type) return count > 0 ? { list, kind: "other-type", count } : undefined;
  if (items === undefined) return { list, kind: "missing", count };
  return count < 1 || count > rule.max ? { list, kind: "count", count } : undefined;
}

export { charLength };

export * from "./constants";

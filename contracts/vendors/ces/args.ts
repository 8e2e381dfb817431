/** Rules for the arguments of the CES resources; check() applies them before any API call. */
import { z } from "zod";
import { repeatedMembers } from "../../core/members";
import { UNKNOWN, withOutputs } from "../../core/arguments";
import {
  GROUP_ID,
  PROJECT_ID,
  TYPE_LISTS,
  dimensions,
  enterpriseProjectId,
  groupName,
  groupType,
  namespace,
  tagKey,
  tagValue,
  typeListProblem,
  type GroupType,
  type TypeList,
  type TypeListProblem,
} from "./rules";
import { memberKey } from "./members";
import type { Member } from "./model";

export const tag = z.strictObject({ key: tagKey, value: tagValue.optional() });

/** The project of the resource, when it is not the configured one. */
const projectId = z
  .string({ error: "projectId must be a string" })
  .regex(PROJECT_ID, { error: "projectId must be 1-64 letters, digits or '-'" })
  .optional()
  .describe(
    "The CES project, when not the configured resourcegroups:projectId; a member or rule gives its group's. Changing it replaces the resource.",
  );

export const groupId = z
  .string({ error: "groupId must be a string" })
  .regex(GROUP_ID, { error: "groupId must be 'rg' followed by 22 letters or digits" });

export const resourceGroupArgs = withOutputs(
  z
    .object({
      name: groupName.describe(
        "Group name, unique in the project: 1-128 characters of CJK, letters, digits, '_' and '-'. The resource class defaults it to the resource's name.",
      ),
      type: groupType
        .default("Manual")
        .describe(
          "How the group gets its members: Manual (one by one), TAG (resources matching tags) or EPS (resources of the enterprise projects associationEpIds). Changing it replaces the group.",
        ),
      tags: z
        .array(tag, { error: "tags must be a list of {key, value}" })
        .optional()
        .describe("TAG groups only, and required for them: 1-10 tag rules, counting those of TagRules."),
      associationEpIds: z
        .array(enterpriseProjectId, { error: "associationEpIds must be a list of enterprise project ids" })
        .optional()
        .describe(
          "EPS groups only, and required for them: 1-10 enterprise project ids. Changing them replaces the group.",
        ),
      enterpriseProjectId: enterpriseProjectId
        .default("0")
        .describe(
          'The enterprise project the group belongs to: a lowercase UUID or "0". Changing it replaces the group.',
        ),
      adopt: z
        .boolean({ error: "adopt must be true or false" })
        .default(false)
        .describe("Take over an existing group of the same name instead of failing."),
      projectId,
    })
    .superRefine((args, ctx) => {
      const check = (list: TypeList) => {
        const problem = typeListProblem(args.type, list, args[list]);
        if (problem)
          ctx.addIssue({ code: "custom", path: [list], message: typeListMessage(problem, args.type) });
      };
      check("tags");
      if (args.type === "TAG") refuseRepeatedTags(args.tags ?? [], ctx);
      check("associationEpIds");
    }),
  ["groupId", "createTime"],
);

export type ResourceGroupInputs = z.output<typeof resourceGroupArgs>;

/** The provider's words for a list problem, naming the argument; a missing list reads as an empty one. */
function typeListMessage(problem: TypeListProblem, type: GroupType): string {
  const { list, count } = problem;
  const rule = TYPE_LISTS[list];
  return problem.kind === "other-type"
    ? `${list} are only allowed when type is ${rule.type} (type is ${type})`
    : `${list} must have 1 to ${rule.max} items when type is ${rule.type} (got ${count})`;
}

/** A tag rule is its key and value: the same pair twice is one rule written twice. */
function refuseRepeatedTags(tags: readonly { key: string; value?: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  tags.forEach((t, i) => {
    const id = `${t.key}=${t.value ?? ""}`;
    if (seen.has(id))
      ctx.addIssue({ code: "custom", path: ["tags", i], message: `tags must not repeat ${id}` });
    seen.add(id);
  });
}

/** The dimension names of one member are unique; a repeat is reported at its own position. */
function refuseRepeatedDimensionNames(args: { dimensions: { name: string }[] }, ctx: z.RefinementCtx): void {
  const names = new Set<string>();
  args.dimensions.forEach((d, i) => {
    if (names.has(d.name)) {
      ctx.addIssue({
        code: "custom",
        path: ["dimensions", i, "name"],
        message: `dimension names must be unique within a member ('${d.name}' repeats)`,
      });
    }
    names.add(d.name);
  });
}

export const groupMemberArgs = z
  .object({
    groupId: groupId.describe("groupId of a Manual CES group. Changing it replaces the member."),
    namespace: namespace.describe(
      "Service namespace service.item, e.g. SYS.ECS: each part a letter, then letters, digits or '_'.",
    ),
    dimensions: dimensions.describe(
      "1-4 dimensions {name, value} that, with the namespace, identify the member; names unique, in any order.",
    ),
    projectId,
  })
  .superRefine(refuseRepeatedDimensionNames);

export type GroupMemberInputs = z.output<typeof groupMemberArgs>;

/** One member of a `GroupMembers` list: the fields and rules of a `GroupMember`, without its group. */
const listedMember = z
  .strictObject(
    { namespace, dimensions },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `a member takes only namespace and dimensions (unknown: ${issue.keys.join(", ")})`
          : "a member must be {namespace, dimensions}",
    },
  )
  .superRefine(refuseRepeatedDimensionNames);

/**
 * Whether a listed member passed its own rules and is wholly known, so that its identity can be
 * compared: during a preview, members whose values are not known yet all look alike.
 */
function hasIdentity(value: unknown): value is Member {
  return listedMember.safeParse(value).success && !JSON.stringify(value).includes(UNKNOWN);
}

export const groupMembersArgs = withOutputs(
  z
    .object({
      groupId: groupId.describe("groupId of a Manual CES group. Changing it replaces the resource."),
      members: z
        .array(listedMember, { error: "members must be a list of {namespace, dimensions}" })
        .describe(
          "Every member of the group, each once (namespace and set of dimensions), in any order; [] means none.",
        ),
      projectId,
    })
    .superRefine((args, ctx) => {
      // Other rules may have failed already (zod goes on): only members with an identity can repeat.
      const positions = args.members.flatMap((m, i) => (hasIdentity(m) ? [i] : []));
      const members = positions.map((i) => args.members[i] as Member);
      for (const [repeat, first] of repeatedMembers(members, memberKey)) {
        const at = positions[repeat] as number;
        const firstAt = positions[first] as number;
        ctx.addIssue({
          code: "custom",
          path: ["members", at],
          message:
            `members[${at}] repeats members[${firstAt}] (${memberKey(members[repeat] as Member)}): ` +
            "a member is its namespace plus its set of dimensions, whatever their order",
        });
      }
    }),
  ["declaredMembers"],
);

export type GroupMembersInputs = z.output<typeof groupMembersArgs>;

export const tagRuleArgs = z.object({
  groupId: groupId.describe("groupId of a TAG CES group. Changing it replaces the rule."),
  key: tagKey.describe("Tag key: 1-36 characters of CJK, letters, digits, '_' and '-'."),
  value: tagValue
    .default("")
    .describe("Tag value: 0-43 characters of the same set; empty matches any value of the key."),
  projectId,
});

export type TagRuleInputs = z.output<typeof tagRuleArgs>;

/** Rules for the arguments of the ZopNight resources, built from the vendor's contracts. */
import { z } from "zod";
import { repeatedMembers } from "../../core/members";
import { UNKNOWN, withOutputs } from "../../core/arguments";
import { resourceRefProblem } from "./constants";
import { DEFAULT_TIER, executionOrder, executionTier, groupDescription, groupId, groupName } from "./rules";

export const resourceGroupArgs = withOutputs(
  z.object({
    name: groupName.describe(
      "Group name, unique in the organization ignoring case: 1-100 characters after trimming. The resource class defaults it to the resource's name.",
    ),
    description: groupDescription.default("").describe("At most 500 characters."),
    adopt: z
      .boolean({ error: "adopt must be true or false" })
      .default(false)
      .describe("Take over an existing group of the same name (trimmed, ignoring case) instead of failing."),
  }),
  ["groupId", "createdBy", "createdAt", "updatedAt", "schedules"],
);

export type ResourceGroupInputs = z.output<typeof resourceGroupArgs>;

/** A ZopNight resource id (`res_...`) or a cloud UID, resolved through the inventory on create. */
export const resourceRef = z
  .string({ error: (issue) => resourceRefProblem(issue.input) })
  .superRefine((value, ctx) => {
    const problem = resourceRefProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const groupMemberArgs = withOutputs(
  z.object({
    groupId: groupId.describe("groupId of a ZopNight group. Changing it replaces the member."),
    resource: resourceRef.describe(
      "The resource's ZopNight id (res_...) or its cloud UID as the inventory lists it. Changing it replaces the member.",
    ),
    executionTier: executionTier
      .default(DEFAULT_TIER)
      .describe("The tier the resource starts in, tier-1 (first) to tier-10."),
    executionOrder: executionOrder.default(1).describe("Start order within the tier: an integer 1-1000."),
  }),
  [
    "resourceId",
    "memberId",
    "resourceUID",
    "resourceName",
    "resourceType",
    "cloudProvider",
    "cloudAccountID",
    "region",
  ],
);

export type GroupMemberInputs = z.output<typeof groupMemberArgs>;

/** One entry of a `GroupMembers` list: the fields, rules and defaults of a `GroupMember`, without its group. */
const listedMember = z.strictObject(
  {
    resource: resourceRef,
    executionTier: executionTier.default(DEFAULT_TIER),
    executionOrder: executionOrder.default(1),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `a member takes only resource, executionTier and executionOrder (unknown: ${issue.keys.join(", ")})`
        : "a member must be {resource, executionTier?, executionOrder?}",
  },
);

export type ListedMember = z.output<typeof listedMember>;

export const groupMembersArgs = withOutputs(
  z
    .object({
      groupId: groupId.describe("groupId of a ZopNight group. Changing it replaces the resource."),
      members: z
        .array(listedMember, {
          error: "members must be a list of {resource, executionTier?, executionOrder?}",
        })
        .describe(
          "Every member of the group with its tier and order, each resource once, in any order; [] means none.",
        ),
    })
    .superRefine((args, ctx) => {
      // Only entries whose resource passed its rules and is known can repeat (zod goes on after a
      // failure, and during a preview unknown values all look alike). A resource named once by its id
      // and once by its UID is caught after resolving, at create or update.
      const positions = args.members.flatMap((m, i) =>
        resourceRef.safeParse(m?.resource).success && m.resource !== UNKNOWN ? [i] : [],
      );
      const members = positions.map((i) => args.members[i] as ListedMember);
      for (const [repeat, first] of repeatedMembers(members, (m) => m.resource)) {
        const at = positions[repeat] as number;
        ctx.addIssue({
          code: "custom",
          path: ["members", at],
          message:
            `members[${at}] repeats members[${positions[first]}] ('${members[repeat]?.resource}'): ` +
            "a resource is in a group once",
        });
      }
    }),
  ["declaredMembers"],
);

export type GroupMembersInputs = z.output<typeof groupMembersArgs>;

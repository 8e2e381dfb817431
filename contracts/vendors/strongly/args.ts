/** Rules for the arguments of the Strongly resources, built from the vendor's contracts. */
import { z } from "zod";
import { repeatedMembers } from "../../core/members";
import { memberIdentity } from "./constants";
import { UNKNOWN, withOutputs } from "../../core/arguments";
import {
  STRONGLY_LIMITS,
  description,
  groupId,
  groupName,
  memberName,
  memberType,
  resourceId,
} from "./rules";

export const resourceGroupArgs = withOutputs(
  z.object({
    name: groupName.describe(
      "Group name, unique in the organization ignoring case: 1-100 characters after trimming. The resource class defaults it to the resource's name.",
    ),
    // The API shows an unset description as "", so "" is what the state holds too.
    description: description
      .default("")
      .describe("At most 500 characters: whose costs these are, for the readers of cost reports."),
    adopt: z
      .boolean({ error: "adopt must be true or false" })
      .default(false)
      .describe("Take over an existing group of the same name (trimmed, ignoring case) instead of failing."),
  }),
  ["groupId", "status", "ownerId", "organizationId", "createdAt", "updatedAt"],
);

export type ResourceGroupInputs = z.output<typeof resourceGroupArgs>;

const groupIdOf = (what: string) =>
  groupId.describe(`groupId of a Strongly group. Changing it replaces the ${what}.`);

export const groupMemberArgs = z.object({
  groupId: groupIdOf("member"),
  type: memberType.describe("The kind of platform resource. Changing it replaces the member."),
  resourceId: resourceId.describe(
    "The platform resource's id: 1-128 letters, digits, '_' and '-'. Changing it replaces the member.",
  ),
  name: memberName.describe("1-200 characters: the name cost reports show."),
});

export type GroupMemberInputs = z.output<typeof groupMemberArgs>;

// Strict, as a misspelt field in one member must be refused by name rather than dropped.
const listedMember = z.strictObject(
  { type: memberType, resourceId, name: memberName },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `a member takes only type, resourceId and name (unknown: ${issue.keys.join(", ")})`
        : "a member must be {type, resourceId, name}",
  },
);

/**
 * Whether a listed member passed its own rules and is wholly known, so that its identity can be
 * compared: during a preview, members whose values are not known yet all look alike.
 */
const hasIdentity = (m: unknown): m is GroupMemberInputs =>
  listedMember.safeParse(m).success && !JSON.stringify(m).includes(UNKNOWN);

export const groupMembersArgs = withOutputs(
  z
    .object({
      groupId: groupIdOf("resource"),
      members: z
        .array(listedMember, { error: "members must be a list of {type, resourceId, name}" })
        .max(STRONGLY_LIMITS.membersPerGroupMax, {
          error: `members: a group holds at most ${STRONGLY_LIMITS.membersPerGroupMax} members`,
        })
        .describe(
          "Every member of the group, each (type, resourceId) once, at most 500, in any order; [] means none.",
        ),
    })
    .check(
      z.superRefine(
        (args: { members: unknown }, ctx) => {
          if (!Array.isArray(args.members)) return;
          const list = args.members as unknown[];
          const positions = list.flatMap((m, i) => (hasIdentity(m) ? [i] : []));
          const members = positions.map((i) => list[i] as GroupMemberInputs);
          for (const [repeat, first] of repeatedMembers(members, memberIdentity)) {
            const at = positions[repeat] as number;
            ctx.addIssue({
              code: "custom",
              path: ["members", at],
              message:
                `members[${at}] repeats members[${positions[first]}] (${memberIdentity(members[repeat] as GroupMemberInputs)}): ` +
                "a member is its type plus its resourceId",
            });
          }
        },
        // Also when other members broke their own rules: every failure is reported at once.
        { when: () => true },
      ),
    ),
  ["declaredMembers"],
);

export type GroupMembersInputs = z.output<typeof groupMembersArgs>;

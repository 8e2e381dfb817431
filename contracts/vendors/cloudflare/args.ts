/** Rules for the arguments of the Cloudflare resources, built from the vendor's contracts. */
import { z } from "zod";
import { repeatedMembers } from "../../core/members";
import { UNKNOWN, withOutputs } from "../../core/arguments";
import { CLOUDFLARE_LIMITS, accountId, accountKey, groupId, groupName, zoneId } from "./rules";

const flag = (what: string) => z.boolean({ error: `${what} must be true or false` }).default(false);

const account = accountId
  .optional()
  .describe(
    "The account: 32 lowercase hexadecimal characters. Defaults to the resourcegroups:cloudflareAccountId setting. Changing it replaces the resource.",
  );

const memberGroupId = (what: string) =>
  groupId.describe(
    `groupId of a Cloudflare group that is neither exclusive nor account-wide. Changing it replaces the ${what}.`,
  );

export const resourceGroupArgs = withOutputs(
  z
    .object({
      accountId: account,
      name: groupName.describe(
        "Group name, unique in the account: 1-255 characters, no control characters, no space at either end. The resource class defaults it to the resource's name.",
      ),
      zones: z
        .array(zoneId, { error: "zones must be a list of zone ids" })
        .optional()
        .describe("The zones the group scopes, by zone id: 1-100, distinct, unless wholeAccount is true."),
      wholeAccount: flag("wholeAccount").describe("Scope the whole account (*) instead of single zones."),
      exclusive: flag("exclusive").describe(
        "Make the declared zones the whole scope: zones added outside Pulumi are removed.",
      ),
      adopt: flag("adopt").describe("Take over an existing group of the same name instead of failing."),
    })
    .superRefine((args, ctx) => {
      const zones = args.zones ?? [];
      const max = CLOUDFLARE_LIMITS.scopeObjectsMax;
      if (args.wholeAccount && zones.length > 0) {
        ctx.addIssue({
          code: "custom",
          path: ["zones"],
          message:
            "zones must be empty when wholeAccount is true: the whole account cannot stand beside single zones",
        });
      } else if (!args.wholeAccount && (zones.length < 1 || zones.length > max)) {
        ctx.addIssue({
          code: "custom",
          path: ["zones"],
          message: `zones must have 1 to ${max} zone ids unless wholeAccount is true (got ${zones.length})`,
        });
      }
      const seen = new Set<string>();
      zones.forEach((zone, i) => {
        if (seen.has(zone)) {
          ctx.addIssue({ code: "custom", path: ["zones", i], message: `zones must not repeat ${zone}` });
        }
        seen.add(zone);
      });
      if (args.accountId !== undefined && args.name === accountKey(args.accountId)) {
        ctx.addIssue({
          code: "custom",
          path: ["name"],
          message:
            "name is the account's built-in resource group, which Cloudflare manages: it cannot be created, adopted or changed",
        });
      }
    }),
  ["groupId", "meta"],
);

export type ResourceGroupInputs = z.output<typeof resourceGroupArgs>;

export const groupMemberArgs = z.object({
  accountId: account,
  groupId: memberGroupId("member"),
  zoneId: zoneId.describe("The zone to add to the group's scope: 32 lowercase hexadecimal characters."),
});

export type GroupMemberInputs = z.output<typeof groupMemberArgs>;

const { scopeObjectsMax } = CLOUDFLARE_LIMITS;

export const groupMembersArgs = withOutputs(
  z
    .object({
      accountId: account,
      groupId: memberGroupId("resource"),
      zoneIds: z
        .array(zoneId, { error: "zoneIds must be a list of zone ids" })
        // A scope holds at least one object: Cloudflare has no empty group.
        .min(1, { error: "zoneIds must have at least 1 zone id (a scope cannot be empty)" })
        .max(scopeObjectsMax, {
          error: (issue) =>
            `zoneIds must have at most ${scopeObjectsMax} zone ids, the Cloudflare scope limit (got ${
              Array.isArray(issue.input) ? issue.input.length : "?"
            })`,
        })
        .describe("Every zone of the group's scope: 1-100 distinct zone ids, in any order."),
    })
    .superRefine((args, ctx) => {
      // Other rules may have failed already (zod goes on): only strings can repeat, and only known ones.
      const known = (zone: unknown) => typeof zone === "string" && zone !== UNKNOWN;
      const positions = args.zoneIds.flatMap((zone, i) => (known(zone) ? [i] : []));
      const zones = positions.map((i) => args.zoneIds[i] as string);
      for (const [repeat, first] of repeatedMembers(zones, (zone) => zone)) {
        const at = positions[repeat] as number;
        ctx.addIssue({
          code: "custom",
          path: ["zoneIds", at],
          message: `zoneIds[${at}] repeats zoneIds[${positions[first] as number}] (${zones[repeat] as string})`,
        });
      }
    }),
  ["declaredZoneIds"],
);

export type GroupMembersInputs = z.output<typeof groupMembersArgs>;

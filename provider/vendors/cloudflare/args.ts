/** Rules for the arguments of the Cloudflare resources, built from the vendor's contracts. */
import { z } from "zod";
import { withOutputs } from "../../core/validate";
import { CLOUDFLARE_LIMITS, accountId, accountKey, groupId, groupName, zoneId } from "./contracts";

const flag = (what: string) => z.boolean({ error: `${what} must be true or false` }).default(false);

export const resourceGroupArgs = withOutputs(
  z
    .object({
      accountId: accountId.optional(),
      name: groupName,
      zones: z.array(zoneId, { error: "zones must be a list of zone ids" }).optional(),
      wholeAccount: flag("wholeAccount"),
      exclusive: flag("exclusive"),
      adopt: flag("adopt"),
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

export const groupMemberArgs = z.object({ accountId: accountId.optional(), groupId, zoneId });

export type GroupMemberInputs = z.output<typeof groupMemberArgs>;

/** Rules for a ResourceGroup's arguments; check() applies them before any API call. */
import { z } from "zod";
import { CES_LIMITS, enterpriseProjectId, groupName, groupType, tagKey, tagValue } from "./ces/fields";

export const tag = z.strictObject({ key: tagKey, value: tagValue.optional() });

export const resourceGroupArgs = z
  .object({
    name: groupName,
    type: groupType.default("Manual"),
    tags: z.array(tag, { error: "tags must be a list of {key, value}" }).optional(),
    associationEpIds: z
      .array(enterpriseProjectId, { error: "associationEpIds must be a list of enterprise project ids" })
      .optional(),
    enterpriseProjectId: enterpriseProjectId.default("0"),
    adopt: z.boolean({ error: "adopt must be true or false" }).default(false),
  })
  .superRefine((args, ctx) => {
    const tags = args.tags ?? [];
    const eps = args.associationEpIds ?? [];
    if (args.type === "TAG") {
      if (tags.length < 1 || tags.length > CES_LIMITS.tagsMax) {
        ctx.addIssue({
          code: "custom",
          path: ["tags"],
          message: `tags must have 1 to ${CES_LIMITS.tagsMax} items when type is TAG (got ${tags.length})`,
        });
      }
      const seen = new Set<string>();
      tags.forEach((t, i) => {
        const id = `${t.key}=${t.value ?? ""}`;
        if (seen.has(id)) {
          ctx.addIssue({ code: "custom", path: ["tags", i], message: `tags must not repeat ${id}` });
        }
        seen.add(id);
      });
    } else if (tags.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["tags"],
        message: `tags are only allowed when type is TAG (type is ${args.type})`,
      });
    }
    if (args.type === "EPS") {
      if (eps.length < 1 || eps.length > CES_LIMITS.associationEpIdsMax) {
        ctx.addIssue({
          code: "custom",
          path: ["associationEpIds"],
          message: `associationEpIds must have 1 to ${CES_LIMITS.associationEpIdsMax} items when type is EPS (got ${eps.length})`,
        });
      }
    } else if (eps.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["associationEpIds"],
        message: `associationEpIds are only allowed when type is EPS (type is ${args.type})`,
      });
    }
  });

export type ResourceGroupInputs = z.output<typeof resourceGroupArgs>;

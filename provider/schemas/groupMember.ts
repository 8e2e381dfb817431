/** Rules for a GroupMember's arguments. */
import { z } from "zod";
import { GROUP_ID, dimensions, namespace } from "./ces/fields";

export const groupId = z
  .string({ error: "groupId must be a string" })
  .regex(GROUP_ID, { error: "groupId must be 'rg' followed by 22 letters or digits" });

export const groupMemberArgs = z.object({ groupId, namespace, dimensions }).superRefine((args, ctx) => {
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
});

export type GroupMemberInputs = z.output<typeof groupMemberArgs>;

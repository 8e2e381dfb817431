/** Rules for the arguments of the Strongly resources, built from the vendor's contracts. */
import { z } from "zod";
import { withOutputs } from "../../core/validate";
import { description, groupId, groupName, memberName, memberType, resourceId } from "./contracts";

export const resourceGroupArgs = withOutputs(
  z.object({
    name: groupName,
    // The API shows an unset description as "", so "" is what the state holds too.
    description: description.default(""),
    adopt: z.boolean({ error: "adopt must be true or false" }).default(false),
  }),
  ["groupId", "status", "ownerId", "organizationId", "createdAt", "updatedAt"],
);

export type ResourceGroupInputs = z.output<typeof resourceGroupArgs>;

export const groupMemberArgs = z.object({ groupId, type: memberType, resourceId, name: memberName });

export type GroupMemberInputs = z.output<typeof groupMemberArgs>;

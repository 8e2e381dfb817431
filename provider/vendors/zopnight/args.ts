/** Rules for the arguments of the ZopNight resources, built from the vendor's contracts. */
import { z } from "zod";
import { withOutputs } from "../../core/validate";
import {
  DEFAULT_TIER,
  executionOrder,
  executionTier,
  groupDescription,
  groupId,
  groupName,
} from "./contracts";

export const resourceGroupArgs = withOutputs(
  z.object({
    name: groupName,
    description: groupDescription.default(""),
    adopt: z.boolean({ error: "adopt must be true or false" }).default(false),
  }),
  ["groupId", "createdBy", "createdAt", "updatedAt", "schedules"],
);

export type ResourceGroupInputs = z.output<typeof resourceGroupArgs>;

/** A ZopNight resource id (`res_...`) or a cloud UID, resolved through the inventory on create. */
export const resourceRef = z
  .string({
    error: (issue) => (issue.input === undefined ? "resource is required" : "resource must be a string"),
  })
  .refine((v) => v.trim().length > 0, { error: "resource must not be empty" })
  .refine((v) => v.trim() === v, { error: "resource must not start or end with spaces" });

export const groupMemberArgs = withOutputs(
  z.object({
    groupId,
    resource: resourceRef,
    executionTier: executionTier.default(DEFAULT_TIER),
    executionOrder: executionOrder.default(1),
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

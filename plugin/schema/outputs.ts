/**
 * What each kind's state holds beyond its arguments (the contracts' `kindOutputs`), with a type and a
 * description for the package schema. The zod schemas describe arguments only, so these are written
 * here; test/unit/schema.test.ts fails when a kind gains an output this table does not describe.
 */
import type { PropertySpec } from "./types";

/** Outputs by name; `sameAs` reuses the spec of one of the kind's own arguments. */
export type OutputSpec = PropertySpec | { sameAs: string; description: string };

const text = (description: string): PropertySpec => ({ type: "string", description });

export const OUTPUTS: Record<string, OutputSpec> = {
  groupId: text("The group's id at the vendor."),
  createTime: { type: "number", description: "When CES created the group, in milliseconds since 1970." },
  declaredMembers: {
    sameAs: "members",
    description:
      "The members this resource last wrote, to tell a write left half-done from a change made outside.",
  },
  declaredZoneIds: {
    sameAs: "zoneIds",
    description:
      "The zones this resource last wrote, to tell a write left half-done from a change made outside.",
  },
  meta: { $ref: "pulumi.json#/Any", description: "Cloudflare's meta of the group (editable or not)." },
  status: text("The group's status at Strongly."),
  ownerId: text("The Strongly user who owns the group."),
  organizationId: text("The Strongly organization of the group."),
  createdAt: text("When the vendor created the group (ISO 8601)."),
  updatedAt: text("When the vendor last changed the group (ISO 8601)."),
  createdBy: text("The ZopNight user who created the group."),
  schedules: { $ref: "pulumi.json#/Any", description: "The ZopNight schedules attached to the group." },
  resourceId: text("The resource's ZopNight id (res_...)."),
  memberId: text("The membership's ZopNight id."),
  resourceUID: text("The resource's cloud UID as ZopNight's inventory lists it."),
  resourceName: text("The resource's name in ZopNight's inventory."),
  resourceType: text("The resource's type in ZopNight's inventory."),
  cloudProvider: text("The cloud the resource runs in."),
  cloudAccountID: text("The cloud account the resource belongs to."),
  region: text("The cloud region of the resource."),
};

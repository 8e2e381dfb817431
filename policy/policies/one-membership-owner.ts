/**
 * resource-groups-one-membership-owner (stack policy, mandatory, every vendor): a group whose membership
 * a GroupMembers declares has no other GroupMembers and no GroupMember. A GroupMembers owns the whole
 * membership of its group: an `up` removes what its list does not name, so beside it a GroupMember (or a
 * second list) would have its members removed, and would add them back at its next write.
 *
 * Resources are matched to groups like the other stack policies (see core/targets.ts): groups of the
 * stack by `groupId` output or `propertyDependencies.groupId`, and a group managed elsewhere by a known
 * `groupId` two resources share. A resource whose group cannot be told (unknown and not computed from one
 * group of the stack) is left out, so an unknown value never makes a violation.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { list, quote } from "../core/messages";
import { StackGroups } from "../core/targets";
import type { StackResource } from "../core/targets";
import type { VendorMembership } from "../core/vendor";
import { CES_VENDOR } from "../vendors/ces/resource-types";
import { CLOUDFLARE_VENDOR } from "../vendors/cloudflare/resource-types";
import { STRONGLY_VENDOR } from "../vendors/strongly/resource-types";
import { ZOPNIGHT_VENDOR } from "../vendors/zopnight/resource-types";

export const ONE_MEMBERSHIP_OWNER = "resource-groups-one-membership-owner";

/** Every vendor's members, checked vendor by vendor: another vendor's group is never the same group. */
export const MEMBERSHIPS: readonly VendorMembership<unknown>[] = [
  CES_VENDOR,
  CLOUDFLARE_VENDOR,
  STRONGLY_VENDOR,
  ZOPNIGHT_VENDOR,
];

export interface OwnerConflict {
  /** How messages name the group, e.g. `Cloudflare ResourceGroup 'edge'`. */
  group: string;
  /** Every resource declaring members of the group, each with its label, in stack order. */
  declaring: { resource: StackResource; label: string }[];
}

/** The groups of one vendor with a GroupMembers and any other resource declaring their members. */
function vendorConflicts(
  resources: readonly StackResource[],
  vendor: VendorMembership<unknown>,
): OwnerConflict[] {
  const stack = new StackGroups(resources, vendor.groups);
  const byGroup = new Map<string, OwnerConflict>();
  for (const resource of resources) {
    const owns = vendor.isMembers(resource);
    if (!owns && !vendor.isMember(resource)) {
      continue;
    }
    const target = stack.targetOf(resource);
    const group =
      target.kind === "group"
        ? {
            key: target.group.resource.urn,
            name: `${vendor.labels.group} ${quote(target.group.resource.name)}`,
          }
        : target.kind === "external"
          ? { key: target.groupId, name: `group ${quote(target.groupId)} (not managed by this stack)` }
          : undefined; // several candidate groups, or not known: no group to count it in
    if (group === undefined) {
      continue;
    }
    const conflict = byGroup.get(group.key) ?? { group: group.name, declaring: [] };
    conflict.declaring.push({ resource, label: owns ? vendor.labels.members : vendor.labels.member });
    byGroup.set(group.key, conflict);
  }
  return [...byGroup.values()].filter(
    ({ declaring }) => declaring.length > 1 && declaring.some(({ resource }) => vendor.isMembers(resource)),
  );
}

/** Every group of the stack whose membership a GroupMembers shares with another resource. */
export function ownerConflicts(resources: readonly StackResource[]): OwnerConflict[] {
  return MEMBERSHIPS.flatMap((vendor) => vendorConflicts(resources, vendor));
}

export const oneMembershipOwner: StackValidationPolicy = {
  name: ONE_MEMBERSHIP_OWNER,
  description:
    "A group whose membership a GroupMembers declares must have no other GroupMembers and no GroupMember: each would remove the other's members.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Declare every member of the group in one GroupMembers and delete the group's other GroupMembers and GroupMember resources, or use GroupMember resources only.",
  configSchema: { properties: {} },
  validateStack: (args, reportViolation) => {
    if (!args.resources.some((resource) => MEMBERSHIPS.some((vendor) => vendor.isMembers(resource)))) {
      args.notApplicable("no GroupMembers resources in the stack");
    }
    for (const { group, declaring } of ownerConflicts(args.resources)) {
      for (const { resource, label } of declaring) {
        const others = declaring
          .filter((other) => other.resource !== resource)
          .map((other) => `${other.label} ${quote(other.resource.name)}`);
        reportViolation(
          `${label} ${quote(resource.name)} field groupId targets ${group}, whose members are also declared by ` +
            `${list(others)}: a GroupMembers declares the whole membership of its group, so each would remove ` +
            "the other's members. Declare them all in one GroupMembers, or use GroupMember resources only.",
          resource.urn,
        );
      }
    }
  },
};

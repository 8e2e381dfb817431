/** What the vendor-neutral policies need to know about one vendor's resource groups. */
import { kindFor, type KindName, type Role, type Vendor } from "pulumi-resource-groups-contracts/kinds";
import { groupKind, isKind, type WithGroupId } from "./kinds";
import type { FieldRule } from "./rules";
import type { GroupKind } from "./targets";

export interface VendorGroup {
  /** The group's type token, from the contracts' table of kinds. */
  type: string;
  /** How messages name this kind of group, e.g. `Cloudflare ResourceGroup`. */
  label: string;
  /** The vendor's rule for a group name, from the contracts. */
  nameRule: FieldRule;
}

/** One vendor's groups and the two ways to declare their members: one GroupMember each, or a GroupMembers. */
export interface VendorMembership<View> {
  /** How messages name each kind, e.g. `Cloudflare ResourceGroup`, `Cloudflare GroupMember`. */
  labels: { group: string; member: string; members: string };
  groups: GroupKind<View>;
  /** One member per resource. */
  isMember(resource: { type: string }): boolean;
  /** The whole membership of a group as one resource. */
  isMembers(resource: { type: string }): boolean;
}

/** One vendor as the pack sees it: its groups, their names, and the kinds that target them. */
export interface PolicyVendor<View> extends VendorGroup, VendorMembership<View> {}

/**
 * A vendor's {@link PolicyVendor}. Messages name each kind by its class name after `labelPrefix`
 * (`Cloudflare `, say; CES, the first vendor, has none). `readGroup` reads a group (its view's `groupId`
 * is the group's output); `targeting` reads, for each kind that targets a group, its `groupId` input.
 */
export function policyVendor<View extends WithGroupId>(
  vendor: Vendor,
  spec: {
    labelPrefix: string;
    nameRule: FieldRule;
    readGroup: (props: object) => View;
    targeting: Partial<Record<KindName, (props: object) => WithGroupId>>;
  },
): PolicyVendor<View> {
  const label = (role: Role) => `${spec.labelPrefix}${kindFor(vendor, role).type}`;
  const group = kindFor(vendor, "group");
  return {
    type: group.token,
    label: label("group"),
    nameRule: spec.nameRule,
    labels: { group: label("group"), member: label("member"), members: label("members") },
    groups: groupKind(group.kind, spec.readGroup, spec.targeting),
    isMember: isKind(kindFor(vendor, "member").kind),
    isMembers: isKind(kindFor(vendor, "members").kind),
  };
}

/** What the vendor-neutral policies need to know about one vendor's resource groups. */
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

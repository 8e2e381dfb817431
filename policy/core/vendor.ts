/** What the vendor-neutral policies need to know about one vendor's resource groups. */
import type { FieldRule } from "./rules";

export interface VendorGroup {
  /** The group's type token, e.g. `pulumi-nodejs:dynamic/resourcegroups/cloudflare:ResourceGroup`. */
  type: string;
  /** How messages name this kind of group, e.g. `Cloudflare ResourceGroup`. */
  label: string;
  /** The vendor's rule for a group name, from the contracts. */
  nameRule: FieldRule;
}

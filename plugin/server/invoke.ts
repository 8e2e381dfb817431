/**
 * The plugin's functions: each `resourcegroups:<vendor>:getResourceGroup` runs the look-up of the
 * TypeScript package. A look-up reads its settings from the stack config through `pulumi.Config`; in
 * the plugin that config holds the provider's own configuration (see ./resourceProvider configure),
 * so the look-up sees the endpoints and credentials of the provider it is invoked on.
 */
import * as groups from "pulumi-resource-groups";
import type { Vendor } from "pulumi-resource-groups-contracts/kinds";
import { vendorOfLookupToken } from "../schema/functions";
import { PACKAGE } from "../schema/packageSchema";

type Props = Record<string, unknown>;

const LOOKUPS: Record<Vendor, (args: Props) => Promise<object>> = {
  ces: (args) => groups.ces.getResourceGroup(args),
  cloudflare: (args) => groups.cloudflare.getResourceGroup(args),
  strongly: (args) => groups.strongly.getResourceGroup(args),
  zopnight: (args) => groups.zopnight.getResourceGroup(args),
};

/** The answer of the function `token` for `args`; fails for a token this plugin does not serve. */
export async function invoke(token: string, args: Props): Promise<Props> {
  const vendor = vendorOfLookupToken(PACKAGE, token);
  if (vendor === undefined)
    throw new Error(`unknown function ${token}: this plugin serves resourcegroups:<vendor>:getResourceGroup`);
  return { ...(await LOOKUPS[vendor](args)) };
}

/**
 * What check() proves about a vendor's settings before a preview says a resource can be created: every
 * setting its calls will need is there and well-formed (the same read, and so the same message, as the
 * create's), and, with `resourcegroups:verifyCredentials`, that the credential works, by one read call
 * per vendor and connection. Each vendor's code is loaded only when one of its resources is checked.
 */
import type { Vendor } from "pulumi-resource-groups-contracts/kinds";
import { UNKNOWN } from "pulumi-resource-groups-contracts/constants";
import { currentConnection } from "../core/connections";
import { flagSetting, onSettingsReset, settingSpec } from "../core/settings";

type Inputs = Record<string, unknown>;

/** A value the resource gives itself, unless it is not known yet. */
function own(inputs: Inputs, name: string): string | undefined {
  const value = inputs[name];
  return typeof value === "string" && value !== UNKNOWN ? value : undefined;
}

/** Reads every setting a resource of the vendor needs; throws the read's own error when one is wrong. */
const requireSettings: Record<Vendor, (inputs: Inputs) => Promise<void>> = {
  async ces(inputs) {
    const { resolveCesSettings } = await import("../vendors/ces/settings");
    // A project the resource names but that is not known yet stands in for the configured one.
    resolveCesSettings(own(inputs, "projectId") ?? (inputs.projectId === UNKNOWN ? UNKNOWN : undefined));
  },
  async cloudflare() {
    const { resolveCloudflareSettings } = await import("../vendors/cloudflare/settings");
    resolveCloudflareSettings();
  },
  async strongly() {
    const { resolveStronglySettings } = await import("../vendors/strongly/settings");
    resolveStronglySettings();
  },
  async zopnight() {
    const { resolveZopNightSettings } = await import("../vendors/zopnight/settings");
    resolveZopNightSettings();
  },
};

/**
 * One authenticated read per vendor: of a group id that is well-formed but cannot exist, so a working
 * credential gets "not found" and a bad one its 401 or 403.
 */
const readOnce: Record<Vendor, (inputs: Inputs) => Promise<unknown>> = {
  async ces(inputs) {
    const { cesApi } = await import("../vendors/ces/settings");
    return cesApi(own(inputs, "projectId")).getGroup(`rg${"0".repeat(22)}`);
  },
  async cloudflare(inputs) {
    const { cloudflareApi, defaultAccountId } = await import("../vendors/cloudflare/settings");
    return cloudflareApi().getGroup(own(inputs, "accountId") ?? defaultAccountId(), "0".repeat(32));
  },
  async strongly() {
    const { stronglyApi } = await import("../vendors/strongly/settings");
    return stronglyApi().getGroup(`rg_${"0".repeat(16)}`);
  },
  async zopnight() {
    const { zopnightApi } = await import("../vendors/zopnight/settings");
    return zopnightApi().getGroup(`grp_${"0".repeat(12)}`);
  },
};

const VERIFY_CREDENTIALS = settingSpec("verifyCredentials");

// One proof per vendor, connection and location for the whole run, shared by every resource checked.
const verified = new Map<string, Promise<unknown>>();
onSettingsReset(() => verified.clear());

/**
 * Fails as the resource's create would when a setting it needs is missing or malformed, and, when
 * asked to, when its credential does not work.
 */
export async function checkVendorSettings(vendor: Vendor, inputs: Inputs): Promise<void> {
  await requireSettings[vendor](inputs);
  if (!flagSetting(VERIFY_CREDENTIALS)) return;
  const key = JSON.stringify([
    vendor,
    currentConnection() ?? "",
    own(inputs, "projectId"),
    own(inputs, "accountId"),
  ]);
  let proof = verified.get(key);
  if (proof === undefined) {
    proof = readOnce[vendor](inputs);
    verified.set(key, proof);
    // A failed proof is not kept: the next check tries again.
    proof.catch(() => verified.delete(key));
  }
  await proof;
}

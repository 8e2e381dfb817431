/**
 * resource-groups-cloudflare-account-wide-scope (resource policy, advisory): a Cloudflare group with
 * `wholeAccount: true` scopes every zone of the account, present and future; every permission granted on
 * it reaches them all. Advisory by default because some groups are meant to be account-wide: name those in
 * `allowedGroups`, or raise the policy to mandatory to require exactly that.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { stringListConfig } from "../../core/config";
import { UNKNOWN } from "../../core/known";
import { list, quote } from "../../core/messages";
import { isCloudflareGroup, readCloudflareGroup } from "./resource-types";

export const CLOUDFLARE_ACCOUNT_WIDE_SCOPE = "resource-groups-cloudflare-account-wide-scope";

const CONFIG = stringListConfig(
  CLOUDFLARE_ACCOUNT_WIDE_SCOPE,
  "allowedGroups",
  "Names (the 'name' field) of Cloudflare groups that may scope the whole account.",
);

export const parseAccountWideScopeConfig = CONFIG.parse;

export const cloudflareAccountWideScope: ResourceValidationPolicy = {
  name: CLOUDFLARE_ACCOUNT_WIDE_SCOPE,
  description:
    "Cloudflare resource groups should scope named zones, not the whole account (wholeAccount: true).",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps:
    "List the group's zones in 'zones' instead of setting 'wholeAccount', or add the group's name to this policy's allowedGroups.",
  configSchema: CONFIG.schema,
  validateResource: (args, reportViolation) => {
    if (!isCloudflareGroup(args)) {
      args.notApplicable("applies to Cloudflare ResourceGroup resources only");
    }
    const { allowedGroups } = parseAccountWideScopeConfig(args.getConfig());
    const { name, wholeAccount } = readCloudflareGroup(args.props);
    if (wholeAccount !== true) {
      return; // not account-wide, or not known yet (checked again when known)
    }
    if (name === UNKNOWN && allowedGroups.length > 0) {
      return; // may be an allowed group: decided when the name is known
    }
    if (typeof name === "string" && allowedGroups.includes(name)) {
      return;
    }
    const named = typeof name === "string" ? ` (name ${quote(name)})` : "";
    reportViolation(
      `Cloudflare ResourceGroup '${args.name}'${named} field wholeAccount is true: it scopes every zone of ` +
        `the account, including zones added later (config allowedGroups: ${list(allowedGroups)}).`,
    );
  },
};

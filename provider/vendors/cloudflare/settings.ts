/**
 * Settings of the Cloudflare vendor. The token and account also honour the variables Cloudflare's own
 * tools read (`CLOUDFLARE_API_TOKEN`, `CLOUDFLARE_ACCOUNT_ID`), after ours.
 */
import { ConfigurationError } from "../../core/errors";
import { httpUrl, matching, nonEmpty } from "../../core/settingRules";
import { rawSetting, where } from "../../core/settings";
import { vendorSettings } from "../../core/vendorSettings";
import { CloudflareApi } from "./api";
import { HEX32 } from "pulumi-resource-groups-contracts/cloudflare/plain";

const accountIdRule = matching(HEX32, "cloudflareAccountId must be 32 lowercase hexadecimal characters");

const settings = vendorSettings("Cloudflare", {
  cloudflareEndpoint: {
    rule: httpUrl("cloudflareEndpoint"),
  },
  cloudflareApiToken: {
    rule: nonEmpty("cloudflareApiToken"),
  },
  // A resource may name its own account instead.
  cloudflareAccountId: {
    optional: true,
    rule: accountIdRule,
  },
});

export const CLOUDFLARE_SETTINGS = settings.specs;

export type CloudflareSettings = ReturnType<typeof settings.read>;

export const resolveCloudflareSettings = (env?: NodeJS.ProcessEnv): CloudflareSettings => settings.read(env);

/**
 * The account of a resource that names none: the configured one. Read without the token, so check()
 * can fill it in during a preview that has no credentials.
 */
export function defaultAccountId(): string {
  const value = rawSetting(CLOUDFLARE_SETTINGS.cloudflareAccountId);
  if (value === undefined) {
    throw new ConfigurationError(
      `accountId: give the resource an accountId, or set ${where(CLOUDFLARE_SETTINGS.cloudflareAccountId)}`,
    );
  }
  const checked = accountIdRule(value);
  if ("problem" in checked) {
    throw new ConfigurationError(
      `${checked.problem} (from ${where(CLOUDFLARE_SETTINGS.cloudflareAccountId)})`,
    );
  }
  return checked.value;
}

/** One client per configuration; every account of it shares the client (resources name their own). */
export const cloudflareApi = settings.client(
  "cloudflareApiToken",
  (s, options) =>
    new CloudflareApi({ ...options, endpoint: s.cloudflareEndpoint, token: s.cloudflareApiToken }),
  (s) => JSON.stringify({ ...s, cloudflareAccountId: undefined }),
);

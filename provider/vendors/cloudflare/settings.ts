/**
 * Settings of the Cloudflare vendor. The token and account also honour the variables Cloudflare's own
 * tools read (`CLOUDFLARE_API_TOKEN`, `CLOUDFLARE_ACCOUNT_ID`), after ours.
 */
import { z } from "zod";
import { ConfigurationError } from "../../core/errors";
import { DEFAULT_RETRY } from "../../core/http/retry";
import {
  COMMON_SETTINGS,
  commonSettings,
  httpUrl,
  perSettings,
  rawSetting,
  readSettings,
  where,
  type SettingSpec,
} from "../../core/settings";
import { CloudflareApi } from "./api";
import { HEX32 } from "pulumi-resource-groups-contracts/cloudflare";

export const CLOUDFLARE_SETTINGS = {
  cloudflareEndpoint: {
    key: "cloudflareEndpoint",
    env: ["RESOURCEGROUPS_CLOUDFLARE_ENDPOINT"],
    default: "https://api.cloudflare.com/client/v4",
  },
  cloudflareApiToken: {
    key: "cloudflareApiToken",
    env: ["RESOURCEGROUPS_CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_TOKEN"],
    secret: true,
  },
  // A resource may name its own account instead.
  cloudflareAccountId: {
    key: "cloudflareAccountId",
    env: ["RESOURCEGROUPS_CLOUDFLARE_ACCOUNT_ID", "CLOUDFLARE_ACCOUNT_ID"],
    optional: true,
  },
  ...COMMON_SETTINGS,
} satisfies Record<string, SettingSpec>;

const ACCOUNT_RULE = "cloudflareAccountId must be 32 lowercase hexadecimal characters";

const schema = z.object({
  cloudflareEndpoint: httpUrl("cloudflareEndpoint"),
  cloudflareApiToken: z.string().min(1, { error: "cloudflareApiToken must not be empty" }),
  cloudflareAccountId: z.string().regex(HEX32, { error: ACCOUNT_RULE }).optional(),
  ...commonSettings.shape,
});

export type CloudflareSettings = z.output<typeof schema>;

export function resolveCloudflareSettings(env: NodeJS.ProcessEnv = process.env): CloudflareSettings {
  return readSettings("Cloudflare", CLOUDFLARE_SETTINGS, schema, env);
}

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
  if (!HEX32.test(value)) {
    throw new ConfigurationError(`${ACCOUNT_RULE} (from ${where(CLOUDFLARE_SETTINGS.cloudflareAccountId)})`);
  }
  return value;
}

const clients = perSettings<CloudflareApi>();

export function cloudflareApi(): CloudflareApi {
  const settings = resolveCloudflareSettings();
  const key = JSON.stringify({ ...settings, cloudflareAccountId: undefined });
  return clients(key, () => {
    return new CloudflareApi({
      endpoint: settings.cloudflareEndpoint,
      token: settings.cloudflareApiToken,
      requestTimeoutMs: settings.requestTimeoutMs,
      retry: { ...DEFAULT_RETRY, maxRetries: settings.maxRetries },
      credentialHint: where(CLOUDFLARE_SETTINGS.cloudflareApiToken),
    });
  });
}

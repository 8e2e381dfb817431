/**
 * Settings of the Strongly vendor: the instance URL and an API key with the scopes `finops:read` and
 * `finops:write`, from the stack config namespace `resourcegroups` or the environment.
 */
import { z } from "zod";
import { DEFAULT_RETRY } from "../../core/http/retry";
import {
  COMMON_SETTINGS,
  commonSettings,
  httpUrl,
  perSettings,
  readSettings,
  where,
  type SettingSpec,
} from "../../core/settings";
import { StronglyApi } from "./api";

export const STRONGLY_SETTINGS = {
  stronglyEndpoint: { key: "stronglyEndpoint", env: ["RESOURCEGROUPS_STRONGLY_ENDPOINT"] },
  stronglyApiKey: { key: "stronglyApiKey", env: ["RESOURCEGROUPS_STRONGLY_API_KEY"], secret: true },
  ...COMMON_SETTINGS,
} satisfies Record<string, SettingSpec>;

const schema = commonSettings.extend({
  stronglyEndpoint: httpUrl("stronglyEndpoint"),
  stronglyApiKey: z.string().min(1, { error: "stronglyApiKey must not be empty" }),
});

export type StronglySettings = z.output<typeof schema>;

export function resolveStronglySettings(env: NodeJS.ProcessEnv = process.env): StronglySettings {
  return readSettings("Strongly", STRONGLY_SETTINGS, schema, env);
}

const clients = perSettings<StronglyApi>();

/** One client, and so one connection pool, per distinct configuration. */
export function stronglyApi(): StronglyApi {
  const settings = resolveStronglySettings();
  return clients(JSON.stringify(settings), () => {
    return new StronglyApi({
      endpoint: settings.stronglyEndpoint.replace(/\/+$/, ""),
      apiKey: settings.stronglyApiKey,
      requestTimeoutMs: settings.requestTimeoutMs,
      retry: { ...DEFAULT_RETRY, maxRetries: settings.maxRetries },
      credentialHint: where(STRONGLY_SETTINGS.stronglyApiKey),
    });
  });
}

/**
 * Settings of the ZopNight vendor: the API's base URL and a bearer token (a secret), from the stack
 * config namespace `resourcegroups` or the environment.
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
import { ZopNightApi } from "./api";

export const ZOPNIGHT_SETTINGS = {
  zopnightEndpoint: {
    key: "zopnightEndpoint",
    env: ["RESOURCEGROUPS_ZOPNIGHT_ENDPOINT"],
    default: "https://zopnight.com/api",
  },
  zopnightToken: { key: "zopnightToken", env: ["RESOURCEGROUPS_ZOPNIGHT_TOKEN"], secret: true },
  ...COMMON_SETTINGS,
} satisfies Record<string, SettingSpec>;

const schema = commonSettings.extend({
  zopnightEndpoint: httpUrl("zopnightEndpoint"),
  zopnightToken: z.string().min(1, { error: "zopnightToken must not be empty" }),
});

export type ZopNightSettings = z.output<typeof schema>;

export function resolveZopNightSettings(env: NodeJS.ProcessEnv = process.env): ZopNightSettings {
  return readSettings("ZopNight", ZOPNIGHT_SETTINGS, schema, env);
}

const clients = perSettings<ZopNightApi>();

/** The client for the current settings, shared by every resource of the run. */
export function zopnightApi(): ZopNightApi {
  const settings = resolveZopNightSettings();
  return clients(JSON.stringify(settings), () => {
    return new ZopNightApi({
      endpoint: settings.zopnightEndpoint,
      token: settings.zopnightToken,
      requestTimeoutMs: settings.requestTimeoutMs,
      retry: { ...DEFAULT_RETRY, maxRetries: settings.maxRetries },
      credentialHint: where(ZOPNIGHT_SETTINGS.zopnightToken),
    });
  });
}

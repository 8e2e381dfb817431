/**
 * Settings of the ZopNight vendor: the API's base URL and a bearer token (a secret), from the stack
 * config namespace `resourcegroups` or the environment.
 */
import { httpUrl, nonEmpty } from "../../core/settingRules";
import { vendorSettings } from "../../core/vendorSettings";
import { ZopNightApi } from "./api";

const settings = vendorSettings("ZopNight", {
  zopnightEndpoint: {
    rule: httpUrl("zopnightEndpoint"),
  },
  zopnightToken: { rule: nonEmpty("zopnightToken") },
});

export const ZOPNIGHT_SETTINGS = settings.specs;

export type ZopNightSettings = ReturnType<typeof settings.read>;

export const resolveZopNightSettings = (env?: NodeJS.ProcessEnv): ZopNightSettings => settings.read(env);

/** The client for the current settings, shared by every resource of the run. */
export const zopnightApi = settings.client(
  "zopnightToken",
  (s, options) => new ZopNightApi({ ...options, endpoint: s.zopnightEndpoint, token: s.zopnightToken }),
);

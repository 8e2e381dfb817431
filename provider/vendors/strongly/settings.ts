/**
 * Settings of the Strongly vendor: the instance URL and an API key with the scopes `finops:read` and
 * `finops:write`, from the stack config namespace `resourcegroups` or the environment.
 */
import { httpUrl, nonEmpty } from "../../core/settingRules";
import { vendorSettings } from "../../core/vendorSettings";
import { StronglyApi } from "./api";

const settings = vendorSettings("Strongly", {
  stronglyEndpoint: { rule: httpUrl("stronglyEndpoint") },
  stronglyApiKey: {
    rule: nonEmpty("stronglyApiKey"),
  },
});

export const STRONGLY_SETTINGS = settings.specs;

export type StronglySettings = ReturnType<typeof settings.read>;

export const resolveStronglySettings = (env?: NodeJS.ProcessEnv): StronglySettings => settings.read(env);

/** One client, and so one connection pool, per distinct configuration. */
export const stronglyApi = settings.client(
  "stronglyApiKey",
  (s, options) =>
    new StronglyApi({
      ...options,
      endpoint: s.stronglyEndpoint.replace(/\/+$/, ""),
      apiKey: s.stronglyApiKey,
    }),
);

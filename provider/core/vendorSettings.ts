/**
 * One vendor's settings and the API client made from them. Every vendor reads its own settings plus the
 * common HTTP ones, and keeps one client per distinct configuration; only what the vendor declares
 * (its keys, their rules, how its client is built) differs.
 */
import type { ClientOptions } from "./http/client";
import { DEFAULT_RETRY } from "./http/retry";
import type { SettingKey } from "pulumi-resource-groups-contracts/settings";
import type { RuleValue, SettingRule } from "./settingRules";
import {
  COMMON_RULES,
  COMMON_SETTINGS,
  perSettings,
  readSettings,
  settingSpec,
  where,
  type SettingSpec,
  type SettingValues,
} from "./settings";

/**
 * One setting of a vendor: its rule, and whether it may be missing. Where it is read from (config key,
 * environment variables, default) is the contracts' table of settings, by its name.
 */
export interface VendorSetting {
  rule: SettingRule<unknown>;
  /** Missing is fine: the vendor falls back to a per-resource argument or does without. */
  optional?: boolean;
}

/**
 * A vendor's own settings, followed by the common ones. `read` fails, naming the config key and the
 * environment variables, when one is missing or malformed; it takes other specs for one read when a
 * setting is optional only as long as a resource gives its own value.
 */
export function vendorSettings<Declared extends Record<string, VendorSetting>>(
  vendor: string,
  // Only settings of the contracts' table.
  declared: Declared & { [K in Exclude<keyof Declared, SettingKey>]: never },
) {
  const own = {} as Record<keyof Declared, SettingSpec>;
  const ownRules = {} as { [K in keyof Declared]: Declared[K]["rule"] };
  for (const [key, { rule, optional }] of Object.entries(declared) as [
    keyof Declared & SettingKey,
    VendorSetting,
  ][]) {
    own[key] = settingSpec(key, optional);
    ownRules[key] = rule;
  }
  const specs = { ...own, ...COMMON_SETTINGS };
  const rules = { ...ownRules, ...COMMON_RULES };
  type Settings = VendorSettings<Declared>;
  const read = (env: NodeJS.ProcessEnv = process.env, readWith: Record<string, SettingSpec> = specs) =>
    readSettings(vendor, readWith, rules, env) as Settings;
  return {
    specs,
    read,
    /** The vendor's client for the current settings (see {@link clientPerSettings}). */
    client<T>(
      credential: keyof Declared,
      make: (settings: Settings, options: ClientOptions) => T,
      key?: (settings: Settings) => string,
    ): () => T {
      const clientFor = clientPerSettings<Settings, T>(own[credential], make, key);
      return () => clientFor(read());
    },
  };
}

type CommonSettings = SettingValues<typeof COMMON_RULES>;

/**
 * A vendor's settings as read: each declared one by its rule's value (possibly undefined when it may
 * be missing), then the common ones.
 */
export type VendorSettings<Declared extends Record<string, VendorSetting>> = {
  [K in keyof Declared]: Declared[K]["optional"] extends true
    ? RuleValue<Declared[K]["rule"]> | undefined
    : RuleValue<Declared[K]["rule"]>;
} & CommonSettings;

/**
 * One client per distinct configuration (by `key`, all of the settings unless told otherwise), kept
 * until the settings are reset, so every resource of a run shares its connections and caches. `make`
 * receives the common client options: the timeout, the retry budget and where the credential is set.
 */
export function clientPerSettings<S extends CommonSettings, T>(
  credential: SettingSpec,
  make: (settings: S, options: ClientOptions) => T,
  key: (settings: S) => string = (settings) => JSON.stringify(settings),
): (settings: S) => T {
  const clients = perSettings<T>();
  return (settings) =>
    clients(key(settings), () =>
      make(settings, {
        requestTimeoutMs: settings.requestTimeoutMs,
        retry: { ...DEFAULT_RETRY, maxRetries: settings.maxRetries },
        credentialHint: where(credential),
      }),
    );
}

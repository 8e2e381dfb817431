/**
 * One vendor's settings and the API client made from them. Every vendor reads its own settings plus the
 * common HTTP ones, and keeps one client per distinct configuration; only what the vendor declares
 * (its keys, their rules, how its client is built) differs.
 */
import { z } from "zod";
import type { ClientOptions } from "./http/client";
import { DEFAULT_RETRY } from "./http/retry";
import type { SettingKey } from "pulumi-resource-groups-contracts/settings";
import {
  COMMON_SETTINGS,
  commonSettings,
  perSettings,
  readSettings,
  settingSpec,
  where,
  type SettingSpec,
} from "./settings";

/**
 * One setting of a vendor: its rule, and whether it may be missing. Where it is read from (config key,
 * environment variables, default) is the contracts' table of settings, by its name.
 */
export interface VendorSetting {
  rule: z.ZodType;
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
  const shape = {} as { [K in keyof Declared]: Declared[K]["rule"] };
  for (const [key, { rule, optional }] of Object.entries(declared) as [
    keyof Declared & SettingKey,
    VendorSetting,
  ][]) {
    own[key] = settingSpec(key, optional);
    shape[key] = rule;
  }
  const specs = { ...own, ...COMMON_SETTINGS };
  const schema = z.object(shape).extend(commonSettings.shape);
  type Settings = z.output<typeof schema>;
  const read = (env: NodeJS.ProcessEnv = process.env, readWith: Record<string, SettingSpec> = specs) =>
    readSettings(vendor, readWith, schema, env);
  return {
    specs,
    schema,
    read,
    /** The vendor's client for the current settings (see {@link clientPerSettings}). */
    client<T>(
      credential: keyof Declared,
      make: (settings: Settings, options: ClientOptions) => T,
      key?: (settings: Settings) => string,
    ): () => T {
      const clientFor = clientPerSettings<Settings & CommonSettings, T>(own[credential], make, key);
      // The schema extends commonSettings; the generic hides that from the compiler.
      return () => clientFor(read() as Settings & CommonSettings);
    },
  };
}

type CommonSettings = z.output<typeof commonSettings>;

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

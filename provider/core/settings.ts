/**
 * Provider settings: stack config (handed to configure()) first, then the environment, then a default.
 * Settings are read when a handler runs, never captured, so no credential reaches the serialized
 * provider. Each vendor declares its own settings with `SettingSpec`s and reads them with
 * `readSettings` only when one of its resources is used, so a program needs only the settings of the
 * vendors it uses.
 */
import { SETTINGS, type SettingContract, type SettingKey } from "pulumi-resource-groups-contracts/settings";
import { connectionSetting, currentConnection } from "./connections";
import { ConfigurationError } from "./errors";
import { wholeNumber, type RuleValue, type SettingRule } from "./settingRules";
import { CONFIG_NAMESPACE, onSettingsReset, stackConfigValue } from "./stackConfig";

export {
  CONFIG_NAMESPACE,
  configure,
  onSettingsReset,
  resetSettings,
  type ConfigSource,
} from "./stackConfig";

export interface SettingSpec {
  /** Key in the stack config namespace `resourcegroups`. */
  key: string;
  /** Environment variables, in the order they are tried (ours first, then a vendor's conventional one). */
  env: readonly string[];
  default?: string;
  secret?: boolean;
  /** Missing is fine: the vendor falls back to a per-resource argument or does without. */
  optional?: boolean;
}

/** The spec of a setting of the contracts' table, read as it says (optional when it may be missing). */
export function settingSpec(key: SettingKey, optional?: boolean): SettingSpec {
  const { env, secret, default: defaultValue } = SETTINGS[key] as SettingContract;
  return {
    key,
    env,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    ...(secret ? { secret } : {}),
    ...(optional ? { optional } : {}),
  };
}

/**
 * Where the user sets a setting, for messages: in the connection of the resource being served, if it
 * has one, else (or for what the connection leaves out) the default settings.
 */
export function where(spec: SettingSpec): string {
  const set = spec.secret ? "pulumi config set --secret" : "pulumi config set";
  const envs = spec.env.join(" or ");
  const plain = `stack config '${CONFIG_NAMESPACE}:${spec.key}' (${set} ${CONFIG_NAMESPACE}:${spec.key} <value>) or environment variable ${envs}`;
  const connection = currentConnection();
  if (connection === undefined) return plain;
  const path = `${CONFIG_NAMESPACE}:connections.${connection}.${spec.key}`;
  const setPath = spec.secret ? "pulumi config set --path --secret" : "pulumi config set --path";
  return `connection '${connection}' (${setPath} '${path}' <value>), else the default: ${plain}`;
}

/**
 * The raw value of one setting: from the connection of the resource being served, then the stack
 * config, the environment and the default. An empty value counts as unset (CI systems export unset
 * variables as "").
 */
export function rawSetting(spec: SettingSpec, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = stackConfigValue(spec.key);
  const candidates = [
    connectionSetting(spec.key, env),
    typeof configured === "string"
      ? configured
      : configured === undefined
        ? undefined
        : JSON.stringify(configured),
    ...spec.env.map((e) => env[e]),
  ];
  return [...candidates, spec.default].find((v) => v !== undefined && v !== "");
}

/** The values a group of rules gives, by setting (vendorSettings adds `undefined` for optional ones). */
export type SettingValues<R extends Record<string, SettingRule<unknown>>> = {
  [K in keyof R]: RuleValue<R[K]>;
};

/**
 * Reads a group of settings and checks each with its rule. A missing or malformed one fails with a
 * message that names both its config key and its environment variables.
 */
export function readSettings<R extends Record<string, SettingRule<unknown>>>(
  vendor: string,
  specs: Record<string, SettingSpec>,
  rules: R,
  env: NodeJS.ProcessEnv = process.env,
): SettingValues<R> {
  const raw: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const value = rawSetting(spec, env);
    if (value !== undefined) raw[name] = value;
    else if (!spec.optional) missing.push(`${name}: set ${where(spec)}`);
  }
  if (missing.length > 0) {
    throw new ConfigurationError(`Missing ${vendor} provider setting(s): ${missing.join("; ")}`);
  }
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, text] of Object.entries(raw)) {
    const rule = rules[name];
    if (rule === undefined) continue;
    const result = rule(text);
    if ("problem" in result) problems.push(`${result.problem} (from ${where(specs[name] as SettingSpec)})`);
    else values[name] = result.value;
  }
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid ${vendor} provider setting(s): ${problems.join("; ")}`);
  }
  refuseCleartextCredentials(vendor, specs, raw, env);
  return values as SettingValues<R>;
}

/** Hosts a plain-http request never leaves this machine for. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A true-or-false setting, false when unset; anything but true or false is a mistake. */
export function flagSetting(spec: SettingSpec, env: NodeJS.ProcessEnv = process.env): boolean {
  const value = rawSetting(spec, env);
  if (value === undefined || /^(false|0|no)$/i.test(value)) return false;
  if (/^(true|1|yes)$/i.test(value)) return true;
  throw new ConfigurationError(`${spec.key} must be true or false (got '${value}'; from ${where(spec)})`);
}

/** Whether the user allowed plain http:// to other hosts. */
export function insecureHttpAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return flagSetting(ALLOW_INSECURE_HTTP, env);
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * A credential goes over plain `http://` only to this machine (the emulator, a local proxy), unless
 * the user allows it with `allowInsecureHttp`: anywhere else, anyone on the path could read it.
 */
function refuseCleartextCredentials(
  vendor: string,
  specs: Record<string, SettingSpec>,
  raw: Record<string, string>,
  env: NodeJS.ProcessEnv,
): void {
  const sendsCredential = Object.entries(specs).some(
    ([name, spec]) => spec.secret && raw[name] !== undefined,
  );
  if (!sendsCredential || insecureHttpAllowed(env)) return;
  for (const [name, spec] of Object.entries(specs)) {
    const value = raw[name];
    if (spec.secret || value === undefined || !/^http:\/\//i.test(value)) continue;
    const url = parseUrl(value);
    if (url === undefined || isLoopbackHost(url.hostname)) continue;
    throw new ConfigurationError(
      `${name} '${value}' is plain http:// to ${url.hostname}, which is not this machine: the ${vendor} ` +
        `credential would cross the network unencrypted. Use an https:// endpoint, or, on a network you ` +
        `trust, allow it with ${where(ALLOW_INSECURE_HTTP)} set to true`,
    );
  }
}

/** Lets credentials go over plain http:// to hosts other than loopback; off unless set to true. */
export const ALLOW_INSECURE_HTTP = settingSpec("allowInsecureHttp", true);

/** Settings every vendor's HTTP client shares. */
export const COMMON_SETTINGS = {
  requestTimeoutMs: settingSpec("requestTimeoutMs"),
  maxRetries: settingSpec("maxRetries"),
} satisfies Record<string, SettingSpec>;

export const COMMON_RULES = {
  requestTimeoutMs: wholeNumber("requestTimeoutMs", 100, 600_000),
  maxRetries: wholeNumber("maxRetries", 0, 10),
};

/**
 * One value (a client, usually) per distinct key, kept until the settings are reset: all resources of
 * a run share it, and with it the HTTP connections and any per-run cache it holds.
 */
export function perSettings<T>(): (key: string, make: () => T) => T {
  const cache = new Map<string, T>();
  onSettingsReset(() => cache.clear());
  return (key, make) => {
    let found = cache.get(key);
    if (found === undefined) {
      found = make();
      cache.set(key, found);
    }
    return found;
  };
}

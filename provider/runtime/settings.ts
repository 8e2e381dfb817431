/**
 * Resolves the provider settings: stack config (passed to configure()) first, then the environment.
 * Settings are read at call time, never captured, so no credential reaches the serialized provider.
 */
import { CesBackend } from "../backends/ces/cesBackend";
import type { ResourceGroupBackend } from "../backends/backend";
import { ConfigurationError } from "../http/errors";
import { DEFAULT_RETRY } from "../http/retry";
import {
  CONFIG_NAMESPACE,
  SETTINGS,
  providerSettings,
  type ProviderSettings,
  type SettingName,
} from "../schemas/config";

export interface ConfigSource {
  get(key: string): string | undefined;
}

let stackConfig: ConfigSource | undefined;
const backends = new Map<string, ResourceGroupBackend>();

/** Called by the dynamic-provider host with the stack's configuration. */
export function configure(request: { config: ConfigSource }): Promise<void> {
  stackConfig = request.config;
  return Promise.resolve();
}

/** Forgets the stack config and cached backends (tests switch endpoints between suites). */
export function resetSettings(): void {
  stackConfig = undefined;
  backends.clear();
}

function where(name: SettingName): string {
  const spec = SETTINGS[name];
  const set = "secret" in spec && spec.secret ? "pulumi config set --secret" : "pulumi config set";
  return `stack config '${CONFIG_NAMESPACE}:${spec.key}' (${set} ${CONFIG_NAMESPACE}:${spec.key} <value>) or environment variable ${spec.env}`;
}

export function credentialHint(): string {
  return where("token");
}

export function resolveSettings(env: NodeJS.ProcessEnv = process.env): ProviderSettings {
  const raw: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const spec: { key: string; env: string; default?: string } = SETTINGS[name];
    // An empty value counts as unset: CI systems export undefined variables as "".
    const value = [stackConfig?.get(`${CONFIG_NAMESPACE}:${spec.key}`), env[spec.env], spec.default].find(
      (v) => v !== undefined && v !== "",
    );
    if (value === undefined) missing.push(`${name}: set ${where(name)}`);
    else raw[name] = value;
  }
  if (missing.length > 0) {
    throw new ConfigurationError(`Missing provider setting(s): ${missing.join("; ")}`);
  }
  const parsed = providerSettings.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const name = String(i.path[0]) as SettingName;
      return `${i.message} (from ${where(name)})`;
    });
    throw new ConfigurationError(`Invalid provider setting(s): ${problems.join("; ")}`);
  }
  return parsed.data;
}

/** One backend, and so one HTTP client, per distinct configuration. */
export function backend(): ResourceGroupBackend {
  const settings = resolveSettings();
  const key = JSON.stringify(settings);
  let found = backends.get(key);
  if (!found) {
    found = new CesBackend({
      endpoint: settings.endpoint,
      projectId: settings.projectId,
      token: settings.token,
      requestTimeoutMs: settings.requestTimeoutMs,
      retry: { ...DEFAULT_RETRY, maxRetries: settings.maxRetries },
      credentialHint: credentialHint(),
    });
    backends.set(key, found);
  }
  return found;
}

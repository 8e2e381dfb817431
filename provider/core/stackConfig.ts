/**
 * The stack's configuration as the engine hands it to the provider, and the caches that depend on it.
 * Kept apart from the settings that read it so named connections (./connections) can read it too.
 */

export const CONFIG_NAMESPACE = "resourcegroups";

/** A value is a string, or, for a structured setting such as `connections`, an object or its JSON. */
export interface ConfigSource {
  get(key: string): unknown;
}

let stackConfig: ConfigSource | undefined;
const resetHooks: (() => void)[] = [];

/** Called by the dynamic-provider host with the stack's configuration. */
export function configure(request: { config: ConfigSource }): Promise<void> {
  stackConfig = request.config;
  return Promise.resolve();
}

/** The stack config value of `resourcegroups:<key>`, if the stack sets it. */
export function stackConfigValue(key: string): unknown {
  return stackConfig?.get(`${CONFIG_NAMESPACE}:${key}`);
}

/** Registers a cache to clear when the settings are reset. */
export function onSettingsReset(hook: () => void): void {
  resetHooks.push(hook);
}

/** Forgets the stack config and every cached client (tests switch endpoints between suites). */
export function resetSettings(): void {
  stackConfig = undefined;
  for (const hook of resetHooks) hook();
}

/**
 * Named connections: several accounts, regions or instances of a vendor in one program. A connection
 * is a named set of settings (stack config `resourcegroups:connections`, or the environment variable
 * `RESOURCEGROUPS_CONNECTIONS` holding the same object as JSON); a resource chooses one with its
 * `connection` argument. Settings a connection does not give come from the default settings.
 *
 * The provider serves every resource of a run in one process, so the connection of the resource being
 * served travels with its handler call (AsyncLocalStorage), and every setting read below that call,
 * however deep, sees it: clients, caches and locks follow the settings they are made from.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import {
  CONNECTIONS_SETTING,
  CONNECTION_KEYS,
  CONNECTION_NAME,
  CONNECTION_NAME_RULE,
} from "pulumi-resource-groups-contracts/settings";
import { ConfigurationError } from "./errors";
import { CONFIG_NAMESPACE, stackConfigValue } from "./stackConfig";

const served = new AsyncLocalStorage<string | undefined>();

/** Runs `work` for a resource of connection `name` (undefined: the default settings). */
export function runInConnection<T>(name: string | undefined, work: () => T): T {
  return served.run(name, work);
}

/** The connection of the resource being served; undefined for the default settings. */
export function currentConnection(): string | undefined {
  return served.getStore();
}

type Connections = Map<string, Map<string, string>>;

/** Where connections are set, for messages. */
const CONNECTIONS_WHERE =
  `stack config '${CONFIG_NAMESPACE}:${CONNECTIONS_SETTING.key}' ` +
  `(pulumi config set --path --secret '${CONFIG_NAMESPACE}:${CONNECTIONS_SETTING.key}.<name>.<setting>' <value>) ` +
  `or environment variable ${CONNECTIONS_SETTING.env} (the same object as JSON)`;

/**
 * Every connection defined, by name, with its settings. The stack config wins over the environment for
 * each setting of a connection, as it does for the default settings.
 */
export function definedConnections(env: NodeJS.ProcessEnv = process.env): Connections {
  const merged: Connections = new Map();
  const sources: [unknown, string][] = [
    [
      stackConfigValue(CONNECTIONS_SETTING.key),
      `stack config '${CONFIG_NAMESPACE}:${CONNECTIONS_SETTING.key}'`,
    ],
    [env[CONNECTIONS_SETTING.env], `environment variable ${CONNECTIONS_SETTING.env}`],
  ];
  for (const [raw, source] of sources) {
    for (const [name, settings] of parseConnections(raw, source)) {
      const into = merged.get(name) ?? new Map<string, string>();
      for (const [key, value] of settings) if (!into.has(key)) into.set(key, value);
      merged.set(name, into);
    }
  }
  return merged;
}

/** Fails, naming the connections there are, unless `name` is one of them. */
export function requireConnection(name: string, env: NodeJS.ProcessEnv = process.env): Map<string, string> {
  const connections = definedConnections(env);
  const found = connections.get(name);
  if (found) return found;
  const known = [...connections.keys()];
  throw new ConfigurationError(
    `connection '${name}' is not defined: ` +
      (known.length > 0
        ? `the connections are ${known.map((k) => `'${k}'`).join(", ")}`
        : "no connection is") +
      `; define it in ${CONNECTIONS_WHERE}`,
  );
}

/** The value the current resource's connection gives setting `key`, if it is served in one that sets it. */
export function connectionSetting(key: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const name = currentConnection();
  return name === undefined ? undefined : requireConnection(name, env).get(key);
}

// The engine hands secret config values to the provider wrapped in this shape.
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

function unwrapSecret(value: unknown): unknown {
  if (value !== null && typeof value === "object" && SECRET_SIG in value && "value" in value) {
    return unwrapSecret((value as { value: unknown }).value);
  }
  return value;
}

function parseConnections(raw: unknown, source: string): Connections {
  let value = unwrapSecret(raw);
  if (value === undefined || value === "") return new Map();
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      throw new ConfigurationError(`${source} must be a JSON object of connections (it is not JSON)`);
    }
  }
  if (!isObject(value)) {
    throw new ConfigurationError(`${source} must be an object from connection name to settings`);
  }
  const connections: Connections = new Map();
  for (const [name, rawSettings] of Object.entries(value)) {
    if (!CONNECTION_NAME.test(name)) {
      throw new ConfigurationError(`${source}: connection name '${name}' must be ${CONNECTION_NAME_RULE}`);
    }
    const settings = unwrapSecret(rawSettings);
    if (!isObject(settings)) {
      throw new ConfigurationError(`${source}: connection '${name}' must be an object of settings`);
    }
    connections.set(name, connectionEntries(name, settings, source));
  }
  return connections;
}

function connectionEntries(
  name: string,
  settings: Record<string, unknown>,
  source: string,
): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, rawValue] of Object.entries(settings)) {
    if (!(CONNECTION_KEYS as readonly string[]).includes(key)) {
      throw new ConfigurationError(
        `${source}: connection '${name}' sets '${key}', which is not a setting a connection takes ` +
          `(one of: ${CONNECTION_KEYS.join(", ")})`,
      );
    }
    const value = unwrapSecret(rawValue);
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new ConfigurationError(`${source}: connection '${name}' setting '${key}' must be a string`);
    }
    entries.set(key, String(value));
  }
  return entries;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Helpers to read a policy's configuration.
 *
 * The Pulumi CLI validates `--policy-pack-config` against each policy's `configSchema`, but a policy can
 * still receive `{}` (`getConfig()` returns `{}` when the pack gets no config for it), so every policy
 * parses its config with these helpers, applying the same defaults its schema declares. A config that
 * cannot be used (e.g. a regex that does not compile) throws {@link PolicyConfigError}: the engine then
 * fails the preview with that message instead of silently checking nothing.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { list } from "./messages";

export class PolicyConfigError extends Error {
  constructor(policyName: string, message: string) {
    super(`invalid config for policy '${policyName}': ${message}`);
    this.name = "PolicyConfigError";
  }
}

export type ConfigObject = Record<string, unknown>;

export function configObject(policyName: string, raw: unknown): ConfigObject {
  if (raw === undefined || raw === null) {
    return {};
  }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new PolicyConfigError(policyName, "expected an object");
  }
  return raw as ConfigObject;
}

export function stringArray(
  policyName: string,
  field: string,
  raw: unknown,
  fallback: readonly string[],
): string[] {
  if (raw === undefined || raw === null) {
    return [...fallback];
  }
  if (!Array.isArray(raw) || !raw.every((item): item is string => typeof item === "string")) {
    throw new PolicyConfigError(policyName, `'${field}' must be an array of strings`);
  }
  return [...new Set(raw)];
}

/** The schema of a {@link chosenFrom} field: distinct values of `known`, all of them by default. */
export function choiceListField(description: string, known: readonly string[]): ConfigFieldSchema {
  return stringListField(description, known, { enum: [...known] });
}

/**
 * A list of distinct values, each one of `known` (all of them when not set); `what` names one value in
 * the message that refuses the others.
 */
export function chosenFrom<T extends string>(
  policyName: string,
  field: string,
  raw: unknown,
  known: readonly T[],
  what: string,
): T[] {
  const chosen = stringArray(policyName, field, raw, known);
  const unknown = chosen.filter((value) => !(known as readonly string[]).includes(value));
  if (unknown.length > 0) {
    throw new PolicyConfigError(
      policyName,
      `'${field}' has unknown ${what}(s) ${list(unknown)} (${what}s: ${list(known)})`,
    );
  }
  return chosen as T[];
}

export function optionalString(policyName: string, field: string, raw: unknown): string | undefined {
  if (raw === undefined || raw === null) {
    return undefined;
  }
  if (typeof raw !== "string") {
    throw new PolicyConfigError(policyName, `'${field}' must be a string`);
  }
  return raw;
}

export function booleanFlag(policyName: string, field: string, raw: unknown, fallback: boolean): boolean {
  if (raw === undefined || raw === null) {
    return fallback;
  }
  if (typeof raw !== "boolean") {
    throw new PolicyConfigError(policyName, `'${field}' must be true or false`);
  }
  return raw;
}

/** Compiles a JavaScript regular expression (no flags) from config. */
export function compilePattern(policyName: string, field: string, source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PolicyConfigError(policyName, `'${field}' is not a valid regular expression (${reason})`);
  }
}

/** The JSON schema of one config field. */
export type ConfigFieldSchema = PolicyConfigSchema["properties"][string];

/**
 * The schema of a config field holding distinct strings (each also matching `item`), which the CLI
 * checks `--policy-pack-config` against; `fallback` is its default, as {@link stringArray} applies it.
 */
export function stringListField(
  description: string,
  fallback: readonly string[],
  item: ConfigFieldSchema = {},
): ConfigFieldSchema {
  return {
    description,
    type: "array",
    items: { type: "string", ...item },
    uniqueItems: true,
    default: [...fallback],
  };
}

/**
 * The config of a policy whose one setting is a list of distinct strings, `field`: the schema the CLI
 * checks, and the parser the policy runs, which falls back to the default the schema declares.
 */
export function stringListConfig<F extends string>(
  policyName: string,
  field: F,
  description: string,
  fallback: readonly string[] = [],
  item?: ConfigFieldSchema,
) {
  return {
    schema: { properties: { [field]: stringListField(description, fallback, item) } } as PolicyConfigSchema,
    parse: (raw: unknown): Record<F, string[]> => {
      const config = configObject(policyName, raw);
      return { [field]: stringArray(policyName, field, config[field], fallback) } as Record<F, string[]>;
    },
  };
}

/**
 * Reading resource properties the way the engine hands them over.
 *
 * `@pulumi/policy` wraps every `props` object in an "unknown-checking" proxy: reading a value that is not
 * known yet (during `pulumi preview`, e.g. the `groupId` of a group that does not exist yet) throws an
 * `UnknownValueError`. Left uncaught, that error makes the engine skip the WHOLE policy with an advisory
 * "can't run during preview" note - for a stack policy, one new group would switch the policy off for
 * every resource. So the pack never reads `props` directly: it copies the fields it needs into plain
 * data with {@link readField}, turning unknown values into the {@link UNKNOWN} marker that the policies
 * handle explicitly.
 */
import * as policySdk from "@pulumi/policy";

/** Stands for a value the engine does not know yet (only during preview). */
export const UNKNOWN: unique symbol = Symbol.for("pulumi-resource-groups-policy.unknown");
export type Unknown = typeof UNKNOWN;
/** A value that may still be unknown during preview. */
export type Maybe<T> = T | Unknown;

/** Plain data copied out of `props`. */
export type Plain = null | boolean | number | string | Unknown | Plain[] | { [key: string]: Plain };

/**
 * The engine's sentinels for unknown values (the same strings in the Go engine, `@pulumi/pulumi` and
 * `@pulumi/policy`). Values normally arrive behind the proxy, which throws instead; this set catches
 * the raw form too (e.g. values handed over without a proxy).
 */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
  "030794c1-ac77-496b-92df-f27374a8bd58", // asset
  "e48ece36-62e2-4504-bad9-02848725956a", // archive
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * `@pulumi/policy` exports `UnknownValueError` at run time, but its published typings drop it (the
 * declaration file of its `proxy` module is stripped as internal), hence the lookup by key.
 */
const unknownValueErrorClass: ErrorClass | undefined = (() => {
  const candidate: unknown = (policySdk as unknown as Record<string, unknown>)["UnknownValueError"];
  return typeof candidate === "function" ? (candidate as ErrorClass) : undefined;
})();

export function isUnknownValueError(error: unknown): boolean {
  if (unknownValueErrorClass !== undefined && error instanceof unknownValueErrorClass) {
    return true;
  }
  // A second copy of @pulumi/policy (another node_modules) has its own class: compare by name.
  return error instanceof Error && error.constructor.name === "UnknownValueError";
}

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN || (typeof value === "string" && UNKNOWN_SENTINELS.has(value));
}

/** Reads `container[key]`, returning {@link UNKNOWN} where the engine's proxy reports an unknown value. */
function get(container: object, key: string | number): unknown {
  try {
    return (container as Record<string | number, unknown>)[key];
  } catch (error) {
    if (isUnknownValueError(error)) {
      return UNKNOWN;
    }
    throw error;
  }
}

/**
 * Deep plain copy of a property value: unknowns become {@link UNKNOWN}, `Secret` wrappers (seen by
 * remediations) their plain value, `undefined` stays `undefined` (an absent property).
 */
export function toPlain(value: unknown, depth = 0): Plain | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (isUnknown(value)) {
    return UNKNOWN;
  }
  if (
    value === null ||
    typeof value === "boolean" ||
    typeof value === "number" ||
    typeof value === "string"
  ) {
    return value;
  }
  if (depth > 32 || typeof value !== "object") {
    return undefined; // functions, symbols or absurd nesting: nothing a policy here looks at
  }
  if (value instanceof policySdk.Secret) {
    return toPlain(value.value as unknown, depth + 1);
  }
  if (Array.isArray(value)) {
    const items: Plain[] = [];
    for (let i = 0; i < value.length; i++) {
      items.push(toPlain(get(value, i), depth + 1) ?? null);
    }
    return items;
  }
  const copy: { [key: string]: Plain } = {};
  for (const key of Object.keys(value)) {
    const item = toPlain(get(value, key), depth + 1);
    if (item !== undefined) {
      copy[key] = item;
    }
  }
  return copy;
}

/** Plain copy of one field of `props` (absent: `undefined`; not known yet: {@link UNKNOWN}). */
export function readField(props: object, key: string): Plain | undefined {
  return toPlain(get(props, key));
}

export function isPlainObject(value: Plain | undefined): value is { [key: string]: Plain } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string, {@link UNKNOWN}, or `undefined` for an absent or non-string value. */
export function asString(value: Plain | undefined): Maybe<string> | undefined {
  return typeof value === "string" || value === UNKNOWN ? value : undefined;
}

/** The fields `keys` of `props`, each read with {@link asString}. */
export function readStrings<K extends string>(
  props: object,
  keys: readonly K[],
): Record<K, Maybe<string> | undefined> {
  const fields = {} as Record<K, Maybe<string> | undefined>;
  for (const key of keys) fields[key] = asString(readField(props, key));
  return fields;
}

/** A boolean, {@link UNKNOWN}, or `undefined` for an absent or non-boolean value. */
export function asBoolean(value: Plain | undefined): Maybe<boolean> | undefined {
  return typeof value === "boolean" || value === UNKNOWN ? value : undefined;
}

/** A number, {@link UNKNOWN}, or `undefined` for an absent or non-number value. */
export function asNumber(value: Plain | undefined): Maybe<number> | undefined {
  return typeof value === "number" || value === UNKNOWN ? value : undefined;
}

/** An item read from a list field, with its position in the list for messages. */
export type Listed<T> = T & { index: number };

/**
 * The objects of a list field (e.g. a GroupMembers' `members`), each read by `read` and given its
 * position for messages: {@link UNKNOWN} while the whole list is not known yet, `unknownItem` for an item
 * not known yet, `undefined` when the field is not a list. Items that are not objects are left out (the
 * provider refuses them).
 */
export function readListed<T extends object>(
  value: Plain | undefined,
  read: (item: { [key: string]: Plain }) => T,
  unknownItem: T,
): Maybe<Listed<T>[]> | undefined {
  if (value === UNKNOWN) {
    return UNKNOWN;
  }
  if (!Array.isArray(value)) {
    return undefined;
  }
  const items: Listed<T>[] = [];
  value.forEach((item, index) => {
    if (item === UNKNOWN) {
      items.push({ ...unknownItem, index });
    } else if (isPlainObject(item)) {
      items.push({ ...read(item), index });
    }
  });
  return items;
}

/** A GroupMembers resource as the pack sees it: the group it fills, and that group's whole membership. */
export interface MembersListView<T> {
  groupId: Maybe<string> | undefined;
  /** UNKNOWN while the list is computed from values not known yet. */
  members: Maybe<Listed<T>[]> | undefined;
}

/** Reads a GroupMembers' `groupId` and its `members`, each item as {@link readListed} reads it. */
export function readMembersList<T extends object>(
  props: object,
  read: (item: { [key: string]: Plain }) => T,
  unknownItem: T,
): MembersListView<T> {
  return {
    groupId: asString(readField(props, "groupId")),
    members: readListed(readField(props, "members"), read, unknownItem),
  };
}

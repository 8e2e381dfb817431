/**
 * The property-level diff the engine shows for a change: each argument that differs between the state
 * and the checked inputs, marked as a replacement when the handler's decision replaces on it. The
 * handler alone decides whether anything changed; this only says where.
 */

/** The engine's kinds of property change (pulumirpc.PropertyDiff.Kind). */
export const PROPERTY_DIFF = {
  ADD: 0,
  ADD_REPLACE: 1,
  DELETE: 2,
  DELETE_REPLACE: 3,
  UPDATE: 4,
  UPDATE_REPLACE: 5,
} as const;

export type PropertyDiffKind = (typeof PROPERTY_DIFF)[keyof typeof PROPERTY_DIFF];

/** A value in a form where lists compare as sets (the handlers treat every list of arguments so). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/**
 * The detailed diff of `argumentNames` between `olds` (the state) and `news` (the checked inputs),
 * with `replaces` (the handler's) marked as replacements. A replaced argument the comparison finds
 * equal (the handler knows a default the state leaves out, say) is still listed.
 */
export function detailedDiff(
  argumentNames: readonly string[],
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  replaces: readonly string[],
): Record<string, PropertyDiffKind> {
  const diff: Record<string, PropertyDiffKind> = {};
  for (const name of argumentNames) {
    const before = olds[name];
    const after = news[name];
    if (canonical(before) === canonical(after)) continue;
    const replace = replaces.includes(name);
    if (before === undefined) diff[name] = replace ? PROPERTY_DIFF.ADD_REPLACE : PROPERTY_DIFF.ADD;
    else if (after === undefined) diff[name] = replace ? PROPERTY_DIFF.DELETE_REPLACE : PROPERTY_DIFF.DELETE;
    else diff[name] = replace ? PROPERTY_DIFF.UPDATE_REPLACE : PROPERTY_DIFF.UPDATE;
  }
  for (const name of replaces) diff[name] ??= PROPERTY_DIFF.UPDATE_REPLACE;
  return diff;
}

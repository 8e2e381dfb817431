/**
 * Turns zod results into the failures Pulumi's check() reports, one per broken rule, each naming the
 * field. Values not known yet during a preview are skipped: they are checked once they are known.
 * Arguments the resource does not take are refused with the names it does take, so a misspelt
 * argument (`tag` for `tags`) in a JavaScript or YAML program is never dropped silently.
 */
import type { z } from "zod";
import { UNKNOWN, argumentNames, outputsOf } from "pulumi-resource-groups-contracts/arguments";

export { UNKNOWN };

/** Keys Pulumi itself adds to a dynamic resource's inputs. */
const ENGINE_KEYS: readonly string[] = ["__provider"];

export interface CheckFailure {
  property: string;
  reason: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; failures: CheckFailure[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === "number") return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, "");
}

function unknownPaths(value: unknown, path: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  if (value === UNKNOWN) out.push(path);
  else if (Array.isArray(value)) value.forEach((v, i) => unknownPaths(v, [...path, i], out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) unknownPaths(v, [...path, k], out);
  }
  return out;
}

const startsWith = (path: readonly PropertyKey[], prefix: PropertyKey[]) =>
  prefix.every((part, i) => path[i] === part);

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The allowed name a typo most likely meant: same letters ignoring case, or at most two edits away. */
function closest(name: string, allowed: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const scored = allowed
    .map((candidate) => ({ candidate, distance: editDistance(lower, candidate.toLowerCase()) }))
    .filter(({ distance }) => distance <= Math.min(2, Math.floor(name.length / 2)))
    .sort((a, b) => a.distance - b.distance);
  return scored[0]?.candidate;
}

/**
 * One failure per argument the schema does not take. Keys whose value is undefined (nothing to drop)
 * and declared outputs pass; everything else is named with the list of allowed arguments.
 */
export function unknownArguments(schema: z.ZodType, props: Record<string, unknown>): CheckFailure[] {
  const allowed = argumentNames(schema);
  if (allowed.length === 0) return [];
  const outputs = outputsOf(schema);
  return Object.entries(props)
    .filter(([key, value]) => value !== undefined && !allowed.includes(key) && !outputs.includes(key))
    .map(([key]) => {
      const guess = closest(key, allowed);
      const hint = guess === undefined ? "" : ` (did you mean '${guess}'?)`;
      return { property: key, reason: `${key}: unknown argument${hint}; allowed: ${allowed.join(", ")}` };
    });
}

export function validate<S extends z.ZodType>(
  schema: S,
  input: Record<string, unknown>,
): Validated<z.output<S>> {
  const props = Object.fromEntries(Object.entries(input).filter(([key]) => !ENGINE_KEYS.includes(key)));
  const unknownArgs = unknownArguments(schema, props);
  const result = schema.safeParse(props);
  if (result.success && unknownArgs.length === 0) return { ok: true, value: result.data };
  const unknowns = unknownPaths(props);
  const failures = (result.success ? [] : result.error.issues)
    .filter((issue) => !unknowns.some((u) => startsWith(issue.path, u)))
    .map((issue) => failureAt(issue.path, issue.message));
  return { ok: false, failures: [...unknownArgs, ...failures] };
}

/**
 * A failure as the CLI can show it: under the top-level argument, whose value the CLI looks up by that
 * name (it finds no value for `zones[2]`), with the whole path in the reason (`zones[2]: ...`). A rule
 * of no one argument is the resource's own failure (no property).
 */
export function failureAt(path: readonly PropertyKey[], message: string): CheckFailure {
  const [argument] = path;
  if (argument === undefined) return { property: "", reason: message };
  const where = formatPath(path);
  // "zoneIds[2] repeats zoneIds[0]" names its entry already.
  const named =
    path.length === 1 || (message.startsWith(where) && /^(?:[ :]|$)/.test(message.slice(where.length)));
  return { property: String(argument), reason: named ? message : `${where}: ${message}` };
}

/**
 * Turns zod results into the failures Pulumi's check() reports, one per broken rule, each naming the
 * field. Values not known yet during a preview are skipped: they are checked once they are known.
 */
import type { z } from "zod";

export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

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

export function validate<S extends z.ZodType>(
  schema: S,
  input: Record<string, unknown>,
): Validated<z.output<S>> {
  const { __provider: _provider, ...props } = input;
  const result = schema.safeParse(props);
  if (result.success) return { ok: true, value: result.data };
  const unknowns = unknownPaths(props);
  const failures = result.error.issues
    .filter((issue) => !unknowns.some((u) => startsWith(issue.path, u)))
    .map((issue) => ({ property: formatPath(issue.path) || "(inputs)", reason: issue.message }));
  return { ok: false, failures };
}

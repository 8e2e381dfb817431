/** Equality as the diff needs it: lists compare as sets, absent and default values are the same. */
export function sameSet(a: unknown, b: unknown): boolean {
  const asList = (v: unknown): unknown[] | undefined =>
    Array.isArray(v) ? (v as unknown[]) : v === undefined ? [] : undefined;
  const left = asList(a);
  const right = asList(b);
  if (!left || !right || left.length !== right.length) return false;
  return JSON.stringify([...left].map(String).sort()) === JSON.stringify([...right].map(String).sort());
}

/** Which of `fields` differ between the old and the new inputs, compared as they are. */
export function changedFields<S, K extends keyof S & string>(
  olds: S,
  news: S,
  fields: readonly K[],
): Record<K, boolean> {
  const changed = {} as Record<K, boolean>;
  for (const field of fields) changed[field] = olds[field] !== news[field];
  return changed;
}

export interface DiffDecision {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace?: boolean;
}

/** Collects which changed fields can be updated and which force a replacement. */
export function decide(changed: Record<string, boolean>, replaceOn: readonly string[], deleteFirst: boolean) {
  const fields = Object.keys(changed).filter((k) => changed[k]);
  const replaces = fields.filter((f) => replaceOn.includes(f));
  const decision: DiffDecision = { changes: fields.length > 0, replaces };
  if (replaces.length > 0 && deleteFirst) decision.deleteBeforeReplace = true;
  return decision;
}

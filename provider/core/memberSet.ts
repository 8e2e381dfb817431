/**
 * What the `GroupMembers` resources of every vendor share: a group's whole membership declared as one
 * list, compared by each vendor's notion of member identity. An update writes only the difference, so
 * the vendor never sees the group emptied and filled again.
 */
export { repeatedMembers } from "pulumi-resource-groups-contracts";

/** How one list of members differs from another, by identity (`key`). */
export interface MemberSetChange<T> {
  /** In `next` but not in `previous`: to add. */
  added: T[];
  /** In `previous` but not in `next`: to remove. */
  removed: T[];
  /** In both, as `next` has them (their other fields may have changed). */
  kept: { previous: T; next: T }[];
}

export function diffMemberSets<T>(previous: readonly T[], next: readonly T[], key: (m: T) => string) {
  const before = new Map(previous.map((m) => [key(m), m]));
  const after = new Map(next.map((m) => [key(m), m]));
  const change: MemberSetChange<T> = { added: [], removed: [], kept: [] };
  for (const [k, m] of after) {
    const old = before.get(k);
    if (old === undefined) change.added.push(m);
    else change.kept.push({ previous: old, next: m });
  }
  for (const [k, m] of before) if (!after.has(k)) change.removed.push(m);
  return change;
}

/** Splits `items` into runs of at most `size`, for APIs that take a bounded batch per call. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  // A size below 1 would never advance.
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a whole number >= 1 (got ${size})`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** True when both lists hold the same members by identity, whatever their order. */
export function sameMemberSet<T>(a: readonly T[], b: readonly T[], key: (m: T) => string): boolean {
  // Compared as sets: a repeat in one list must neither hide a member missing from it nor count twice.
  const left = new Set(a.map(key));
  const right = new Set(b.map(key));
  return left.size === right.size && [...right].every((k) => left.has(k));
}

/**
 * What the `GroupMembers` resources of every vendor share: a group's whole membership declared as one
 * list, compared by each vendor's notion of member identity. An update writes only the difference, so
 * the vendor never sees the group emptied and filled again.
 */
export { repeatedMembers } from "pulumi-resource-groups-contracts/constants";

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

/**
 * The operations a GroupMembers handler needs on lists of members, comparing members by `key`, their
 * identity at the vendor.
 */
export function membersBy<T>(key: (m: T) => string) {
  const except = <M extends T>(members: readonly M[], without: readonly T[]): M[] => {
    const gone = new Set(without.map(key));
    return members.filter((m) => !gone.has(key(m)));
  };
  return {
    /** `members` without those in `without`. */
    except,
    /** `a`, then the members of `b` not in it. */
    union: <M extends T>(a: readonly M[], b: readonly M[]): M[] => [...a, ...except(b, a)],
    /**
     * The members the last declaration named that were neither seen since nor are wanted now, e.g. an
     * add whose answer never came: an update removes them, since removing one that is not there is a
     * no-op and leaving one there would orphan it.
     */
    stale: <M extends T>(lastDeclared: readonly M[], seen: readonly T[], wanted: readonly T[]): M[] =>
      except(except(lastDeclared, seen), wanted),
    /**
     * The members a group holds (`held`, by identity), those `declared` names first in its order, then
     * the others in the order the group lists them: a refresh keeps the program's order and shows what
     * was added elsewhere after it. `spell` chooses what a declared member that is held looks like
     * (the group's copy unless told otherwise).
     */
    declaredFirst<H>(
      held: ReadonlyMap<string, H>,
      declared: readonly T[],
      spell: (held: H, declared: T) => H = (h) => h,
    ): H[] {
      const rest = new Map(held);
      const first = declared.flatMap((m) => {
        const found = rest.get(key(m));
        rest.delete(key(m));
        return found === undefined ? [] : [spell(found, m)];
      });
      return [...first, ...rest.values()];
    },
  };
}

/**
 * Whether a GroupMembers' declared list (`wanted`) changes its state: it differs, order aside, from the
 * members last seen or from the list last declared (a write left half-done, or a group changed
 * elsewhere). A list a preview does not know yet always differs.
 */
export function memberListChanged<T>(
  wanted: unknown,
  seen: readonly T[] | undefined,
  lastDeclared: readonly T[] | undefined,
  key: (m: T) => string,
): boolean {
  const list = Array.isArray(wanted) ? (wanted as T[]) : undefined;
  const differs = (state: readonly T[] | undefined) =>
    state !== undefined && (list === undefined || !sameMemberSet(state, list, key));
  return differs(seen ?? []) || differs(lastDeclared);
}

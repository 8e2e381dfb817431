/**
 * Members that a `GroupMembers` resource declared during this run, by group. When a program renames such
 * a resource (a new name without `aliases`), the engine creates the new one and deletes the old one in
 * the same run, creates first; the old one's delete must then leave the members its successor has just
 * declared, or the group would end up without them. One provider process serves every resource of a
 * run, so this record sees both.
 *
 * Group keys name the vendor and location as lock keys do (see locks.ts): ids of different vendors or
 * accounts may coincide.
 */
import { onSettingsReset } from "./settings";

const claims = new Map<string, Set<string>>();
// Tests run many programs' worth of resources in one process, resetting the settings between them.
onSettingsReset(() => claims.clear());

/** Records that a resource of this run declares `memberKeys` in the group `groupKey`. */
export function claimMembers(groupKey: string, memberKeys: Iterable<string>): void {
  let claimed = claims.get(groupKey);
  if (!claimed) claims.set(groupKey, (claimed = new Set()));
  for (const key of memberKeys) claimed.add(key);
}

/** The members of `members` that no resource of this run has declared in the group. */
export function unclaimedMembers<T>(groupKey: string, members: readonly T[], key: (m: T) => string): T[] {
  const claimed = claims.get(groupKey);
  return claimed ? members.filter((m) => !claimed.has(key(m))) : [...members];
}

/** Forgets every claim, as a new run starts with none (tests run several runs in one process). */
export function forgetMemberClaims(): void {
  claims.clear();
}

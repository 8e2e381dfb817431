import type { Tag } from "pulumi-resource-groups-contracts/ces";

export const sameTag = (a: Tag, b: Tag): boolean => a.key === b.key && a.value === b.value;

export const hasTag = (tags: Tag[], tag: Tag): boolean => tags.some((t) => sameTag(t, tag));

/**
 * The tags a group should hold after one owner changes its share: what the owner gave up is removed,
 * what it declares is added, and every tag that other owners put there stays.
 */
export function replaceOwnedTags(current: Tag[], ownedBefore: Tag[], ownedNow: Tag[]): Tag[] {
  const kept = current.filter((t) => !hasTag(ownedBefore, t) || hasTag(ownedNow, t));
  return [...kept, ...ownedNow.filter((t) => !hasTag(kept, t))];
}

/** Sorted copy, so two tag lists compare equal whatever their order. */
export function sortedTags(tags: Tag[]): Tag[] {
  return [...tags].sort((a, b) => a.key.localeCompare(b.key) || a.value.localeCompare(b.value));
}

export function sameTags(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return JSON.stringify(sortedTags(a as Tag[])) === JSON.stringify(sortedTags(b as Tag[]));
}

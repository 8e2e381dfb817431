/** What a group's scope should hold, given what it holds now and what its declaration owns. */
import { ConflictError } from "../../../core/errors";
import { ALL_OBJECTS, CLOUDFLARE_LIMITS, zoneKey } from "pulumi-resource-groups-contracts/cloudflare";

export interface DeclaredScope {
  name: string;
  zones: string[];
  wholeAccount: boolean;
  exclusive: boolean;
}

/**
 * The declaration's objects replace the ones it owned before; zones added by GroupMembers or outside
 * Pulumi stay, unless the declaration is exclusive. `*` stands alone, so it goes whenever zones come.
 */
export function desiredObjects(
  current: readonly string[],
  before: DeclaredScope | undefined,
  after: DeclaredScope,
): string[] {
  if (after.wholeAccount) return [ALL_OBJECTS];
  const wanted = after.zones.map(zoneKey);
  if (after.exclusive) return wanted;
  const ownedBefore = new Set((before?.zones ?? []).map(zoneKey));
  const kept = current.filter(
    (key) => key !== ALL_OBJECTS && (!ownedBefore.has(key) || wanted.includes(key)),
  );
  const objects = [...kept, ...wanted.filter((key) => !kept.includes(key))];
  if (objects.length > CLOUDFLARE_LIMITS.scopeObjectsMax) {
    throw new ConflictError(
      `zones: resource group '${after.name}' would hold ${objects.length} scope objects (its zones, its ` +
        `GroupMembers' and others'), more than the Cloudflare limit of ${CLOUDFLARE_LIMITS.scopeObjectsMax}`,
    );
  }
  return objects;
}

export const sameObjects = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

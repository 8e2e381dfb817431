/** What a group's scope should hold, given what it holds now and what its declaration owns. */
import { ConflictError } from "../../../core/errors";
import type { CloudflareApi } from "../api";
import {
  ALL_OBJECTS,
  CLOUDFLARE_LIMITS,
  coversWholeAccount,
  zoneKey,
  type CloudflareGroup,
} from "pulumi-resource-groups-contracts/cloudflare/plain";

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

/**
 * The group that single zones are written to, read afresh: it must exist, be editable (not the
 * account's built-in group) and not cover the whole account. The caller's messages end with
 * `cannot` (what cannot happen to a group that is gone) and `advice` (after the whole-account refusal).
 */
export async function groupForZones(
  api: CloudflareApi,
  target: { accountId: string; groupId: string },
  ends: { cannot: string; advice?: string },
): Promise<CloudflareGroup> {
  const group = await api.getGroup(target.accountId, target.groupId);
  if (!group) {
    throw new ConflictError(
      `groupId: resource group ${target.groupId} does not exist in account ${target.accountId}, so ${ends.cannot}`,
    );
  }
  if (!group.editable) {
    throw new ConflictError(
      `groupId: '${group.name}' is the account's built-in resource group, which cannot be changed`,
    );
  }
  if (coversWholeAccount(group.objects)) {
    throw new ConflictError(
      `groupId: resource group '${group.name}' (${group.id}) covers the whole account ('*'), which ` +
        `cannot stand beside single zones${ends.advice ?? ""}`,
    );
  }
  return group;
}

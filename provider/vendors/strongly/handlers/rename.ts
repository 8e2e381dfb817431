/**
 * Renaming a Strongly member. The API has no member update: a new name means removing the member and
 * adding it again, which GroupMember and GroupMembers both do this way.
 */
import { ResourceGroupsError } from "../../../core/errors";
import { withLock } from "../../../core/locks";
import type { StronglyApi } from "../api";
import type { WireMember } from "pulumi-resource-groups-contracts/strongly";

/** A rename failed and so did putting the member back: it is missing until the next `up` adds it. */
export class MemberRestoreError extends ResourceGroupsError {}

/**
 * Gives a member a new name: remove, then add under the new name. Runs under the group's lock so no
 * other rename of this provider interleaves. On failure of the add, the old member is put back.
 */
export async function rename(
  api: StronglyApi,
  groupId: string,
  held: WireMember,
  name: string,
): Promise<WireMember> {
  return withLock(api.groupKey(groupId), async () => {
    await api.removeMember(groupId, held.type, held.resourceId);
    try {
      return await api.addMember(groupId, { ...held, name });
    } catch (error) {
      try {
        await api.addMember(groupId, held);
      } catch (restoreError) {
        throw new MemberRestoreError(
          `Renaming member ${held.type} ${held.resourceId} of resource group ${groupId} to '${name}' failed ` +
            `(${(error as Error).message}), and adding it back under '${held.name}' failed too ` +
            `(${(restoreError as Error).message}). It is not in the group now; run \`pulumi up\` again to add it.`,
        );
      }
      throw error;
    }
  });
}

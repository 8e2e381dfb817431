import { ConflictError } from "../../../core/errors";
import type { CesApi } from "../api";
import type { Group, GroupType } from "../model";

/** The group a member or tag rule points at, which must exist and be of the given type. */
export async function requireGroupOfType(
  api: CesApi,
  groupId: string,
  type: GroupType,
  what: string,
  instead: string,
): Promise<Group> {
  const group = await api.getGroup(groupId);
  if (!group) {
    throw new ConflictError(
      `groupId: resource group ${groupId} does not exist, so the ${what} cannot be added`,
    );
  }
  if (group.type !== type) {
    throw new ConflictError(
      `groupId: a ${what} can only be added to a ${type} group, but '${group.name}' (${groupId}) is ${group.type}. ${instead}`,
    );
  }
  return group;
}

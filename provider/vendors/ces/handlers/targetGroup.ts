import { ConflictError } from "../../../core/errors";
import type { CesApi, GroupKind } from "../api";
import type { Group, GroupType } from "pulumi-resource-groups-contracts/ces";

function requireType<T extends GroupKind>(
  group: T | undefined,
  groupId: string,
  type: GroupType,
  what: string,
  instead: string,
): T {
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

/** The group a tag rule points at, read now: it must exist and be of the given type. */
export async function requireGroupOfType(
  api: CesApi,
  groupId: string,
  type: GroupType,
  what: string,
  instead: string,
): Promise<Group> {
  return requireType(await api.getGroup(groupId), groupId, type, what, instead);
}

/**
 * The Manual group a member is added to, checked from this process's memory when it has seen the
 * group (its type cannot change); a group deleted since then fails the member's write instead.
 */
export async function requireManualGroup(api: CesApi, groupId: string, what: string): Promise<GroupKind> {
  const instead =
    "TAG groups select members by tag (use TagRule); EPS groups take them from enterprise projects.";
  return requireType(await api.groupKind(groupId), groupId, "Manual", what, instead);
}

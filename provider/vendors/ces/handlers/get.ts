/**
 * What the CES handlers need for a class's static `get(name, id)`: the form of each kind's id, and
 * the member or tag a composite id names (see each handler's create for how it makes its id).
 */
import { idParts, type GetTarget } from "../../../core/readForGet";
import type { Member, Tag } from "pulumi-resource-groups-contracts/ces";
import { configuredProjectId } from "../settings";

const GROUP_ID_FORM = "the group's groupId, 'rg' followed by 22 letters or digits";

export const GET_TARGETS = {
  resourceGroup: { kind: "ces.ResourceGroup", vendor: "CES", idForm: GROUP_ID_FORM },
  groupMembers: {
    kind: "ces.GroupMembers",
    vendor: "CES",
    // The API lists members one namespace at a time and has no call for all of them.
    idForm:
      "<groupId>/<namespace>[,<namespace>...]: the group and the namespaces whose members to list, e.g. rg.../SYS.ECS,SYS.RDS",
  },
  groupMember: {
    kind: "ces.GroupMember",
    vendor: "CES",
    idForm:
      "<groupId>/<namespace>:<dimension>=<value>[,<dimension>=<value>...], e.g. rg.../SYS.ECS:instance_id=i-1",
  },
  tagRule: { kind: "ces.TagRule", vendor: "CES", idForm: "<groupId>/<key>=<value>" },
} satisfies Record<string, GetTarget>;

/** Where a get looked, for its message: the project the resource reads (the configured one by default). */
export const inProject = (projectId: string | undefined): string =>
  `in project ${projectId ?? configuredProjectId() ?? "(none configured)"}`;

/** A dimension starts a new `name=value` pair; anything else continues the previous value. */

const DIMENSION_START = /^[A-Za-z][A-Za-z0-9_-]*=/;

/** The group and member of a GroupMember id, or undefined when the id has not that form. */
export function memberFromId(id: string): { groupId: string; member: Member } | undefined {
  const [groupId, key] = idParts(id, 2) ?? [];
  const colon = key?.indexOf(":") ?? -1;
  if (groupId === undefined || key === undefined || colon < 1) return undefined;
  const pairs: string[] = [];
  for (const piece of key.slice(colon + 1).split(",")) {
    if (DIMENSION_START.test(piece) || pairs.length === 0) pairs.push(piece);
    else pairs[pairs.length - 1] += `,${piece}`;
  }
  const dimensions = pairs.map((pair) => {
    const eq = pair.indexOf("=");
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
  });
  if (dimensions.some((d) => d.name === "" || d.value === "")) return undefined;
  return { groupId, member: { namespace: key.slice(0, colon), dimensions } };
}

/** The group and tag of a TagRule id, or undefined when the id has not that form. */
export function tagFromId(id: string): { groupId: string; tag: Tag } | undefined {
  const [groupId, pair] = idParts(id, 2) ?? [];
  const eq = pair?.indexOf("=") ?? -1;
  if (groupId === undefined || pair === undefined || eq < 1) return undefined;
  return { groupId, tag: { key: pair.slice(0, eq), value: pair.slice(eq + 1) } };
}

/** The group and namespaces of a GroupMembers get id, or undefined when the id has not that form. */
export function namespacesFromId(id: string): { groupId: string; namespaces: string[] } | undefined {
  const [groupId, list] = idParts(id, 2) ?? [];
  const namespaces = list?.split(",").filter((n) => n !== "") ?? [];
  if (groupId === undefined || namespaces.length === 0) return undefined;
  return { groupId, namespaces: [...new Set(namespaces)] };
}

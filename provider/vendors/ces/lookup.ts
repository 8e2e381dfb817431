/** `ces.getResourceGroup`: a CES group that the program references but does not manage. */
import type * as pulumi from "@pulumi/pulumi";
import type { ces } from "pulumi-resource-groups-contracts/constants";
import { inProgram, lookupBy, noGroup, outputForm } from "../../core/lookup";

export interface GetResourceGroupArgs {
  /** The group's name (unique in the project, compared exactly). Give this or `id`. */
  name?: string;
  /** The group's id, `rg` followed by 22 letters or digits. Give this or `name`. */
  id?: string;
  /** The CES project to look in, when it is not the configured `resourcegroups:projectId`. */
  projectId?: string;
  /** A named connection (stack config `resourcegroups:connections`) to read through; default: none. */
  connection?: string;
}

/** A CES resource group as the API holds it. */
export interface GetResourceGroupResult {
  /** The group's id, `rg` followed by 22 letters or digits: what a `GroupMember`'s `groupId` takes. */
  id: string;
  /** The same as `id`, under the name the `ResourceGroup` class gives it. */
  groupId: string;
  /** The group's name. */
  name: string;
  /** How the group gets its members: `Manual`, `TAG` or `EPS`. */
  type: ces.GroupType;
  /** Every tag rule of the group (TAG groups). */
  tags: { key: string; value: string }[];
  /** EPS groups: the enterprise projects whose resources are the members. */
  associationEpIds: string[];
  /** Enterprise project the group belongs to: a lowercase UUID or `"0"`. */
  enterpriseProjectId: string;
  /** When the group was created, in milliseconds since the epoch. */
  createTime: number;
  /** The CES project the group was found in. */
  projectId: string;
}

const FN = "ces.getResourceGroup";

/** Finds a CES resource group by name or id; fails naming the vendor and the name when there is none. */
export async function getResourceGroup(args: GetResourceGroupArgs): Promise<GetResourceGroupResult> {
  const key = lookupBy(FN, args);
  return inProgram(args.connection, async () => {
    const { cesApi, resolveCesSettings } = await import("./settings");
    const api = cesApi(args.projectId);
    const group = key.by === "name" ? await api.findGroupByName(key.value) : await api.getGroup(key.value);
    const projectId = resolveCesSettings(args.projectId).projectId;
    if (!group) throw noGroup(FN, "CES", key, `in project ${projectId}`);
    return {
      id: group.id,
      groupId: group.id,
      name: group.name,
      type: group.type,
      tags: group.tags.map((t) => ({ key: t.key, value: t.value })),
      associationEpIds: group.associationEpIds,
      enterpriseProjectId: group.enterpriseProjectId,
      createTime: group.createTime,
      projectId,
    };
  });
}

/** {@link getResourceGroup} taking Outputs, for names and ids other resources produce. */
export const getResourceGroupOutput: (args: {
  [K in keyof GetResourceGroupArgs]: pulumi.Input<GetResourceGroupArgs[K]>;
}) => pulumi.Output<GetResourceGroupResult> = outputForm(getResourceGroup);

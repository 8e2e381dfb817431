/** `strongly.getResourceGroup`: a Strongly group that the program references but does not manage. */
import type * as pulumi from "@pulumi/pulumi";
import type { strongly } from "pulumi-resource-groups-contracts/constants";
import { inProgram, lookupBy, noGroup, outputForm } from "../../core/lookup";

export interface GetResourceGroupArgs {
  /** The group's name (unique in the organization, compared trimmed and ignoring case). Give this or `id`. */
  name?: string;
  /** The group's id, `rg_` and 16 lowercase letters or digits. Give this or `name`. */
  id?: string;
  /** A named connection (stack config `resourcegroups:connections`) to read through; default: none. */
  connection?: string;
}

/** A Strongly FinOps resource group as the API holds it. */
export interface GetResourceGroupResult {
  /** The group's id: what a `GroupMember`'s `groupId` takes. */
  id: string;
  /** The same as `id`, under the name the `ResourceGroup` class gives it. */
  groupId: string;
  /** The group's name. */
  name: string;
  /** The group's description. */
  description: string;
  /** The group's status; `active` for every group the API documents. */
  status: string;
  /** The user who owns the group. */
  ownerId: string;
  /** The organization the group belongs to. */
  organizationId: string;
  /** The group's members. */
  members: { type: strongly.MemberType; resourceId: string; name: string }[];
  /** When the group was created (ISO-8601 UTC). */
  createdAt: string;
  /** When the group last changed, members included (ISO-8601 UTC). */
  updatedAt: string;
}

const FN = "strongly.getResourceGroup";

/** Finds a Strongly resource group by name or id; fails naming the vendor and the name when there is none. */
export async function getResourceGroup(args: GetResourceGroupArgs): Promise<GetResourceGroupResult> {
  const key = lookupBy(FN, args);
  return inProgram(args.connection, async () => {
    const { stronglyApi } = await import("./settings");
    const api = stronglyApi();
    const group = key.by === "name" ? await api.findGroupByName(key.value) : await api.getGroup(key.value);
    if (!group) throw noGroup(FN, "Strongly", key);
    return {
      id: group.id,
      groupId: group.id,
      name: group.name,
      description: group.description,
      status: group.status,
      ownerId: group.ownerId,
      organizationId: group.organizationId,
      members: group.members.map((m) => ({ type: m.type, resourceId: m.resourceId, name: m.name })),
      createdAt: group.createdAt,
      updatedAt: group.updatedAt,
    };
  });
}

/** {@link getResourceGroup} taking Outputs, for names and ids other resources produce. */
export const getResourceGroupOutput: (args: {
  [K in keyof GetResourceGroupArgs]: pulumi.Input<GetResourceGroupArgs[K]>;
}) => pulumi.Output<GetResourceGroupResult> = outputForm(getResourceGroup);

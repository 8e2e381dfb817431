/** `zopnight.getResourceGroup`: a ZopNight group that the program references but does not manage. */
import type * as pulumi from "@pulumi/pulumi";
import { inProgram, lookupBy, noGroup, outputForm } from "../../core/lookup";
import type { ExecutionTier } from "./resources/groupMember";

export interface GetResourceGroupArgs {
  /** The group's name (unique in the organization, compared trimmed and ignoring case). Give this or `id`. */
  name?: string;
  /** The group's id, `grp_` and 12 characters. Give this or `name`. */
  id?: string;
  /** A named connection (stack config `resourcegroups:connections`) to read through; default: none. */
  connection?: string;
}

/** A ZopNight resource group as the API holds it. */
export interface GetResourceGroupResult {
  /** The group's id: what a `GroupMember`'s `groupId` takes. */
  id: string;
  /** The same as `id`, under the name the `ResourceGroup` class gives it. */
  groupId: string;
  /** The group's name. */
  name: string;
  /** The group's description. */
  description: string;
  /** The group's members, each at its tier and order. */
  members: {
    resourceId: string;
    resourceUID: string;
    executionTier: ExecutionTier;
    executionOrder: number;
  }[];
  /** Email of the user whose token created the group. */
  createdBy: string;
  /** When the group was created (ISO-8601). */
  createdAt: string;
  /** When the group last changed (ISO-8601). */
  updatedAt: string;
}

const FN = "zopnight.getResourceGroup";

/** Finds a ZopNight resource group by name or id; fails naming the vendor and the name when there is none. */
export async function getResourceGroup(args: GetResourceGroupArgs): Promise<GetResourceGroupResult> {
  const key = lookupBy(FN, args);
  return inProgram(args.connection, async () => {
    const { zopnightApi } = await import("./settings");
    const api = zopnightApi();
    // A group found by name is read again by its id, so both ways answer the same fields.
    const id = key.by === "id" ? key.value : (await api.findGroupByName(key.value))?.id;
    const group = id === undefined ? undefined : await api.getGroup(id);
    if (!group) throw noGroup(FN, "ZopNight", key);
    return {
      id: group.id,
      groupId: group.id,
      name: group.name,
      description: group.description,
      members: group.members.map((m) => ({
        resourceId: m.resourceID,
        resourceUID: m.resourceUID,
        executionTier: m.executionTier as ExecutionTier,
        executionOrder: m.executionOrder,
      })),
      createdBy: group.createdBy,
      createdAt: group.createdAt,
      updatedAt: group.updatedAt,
    };
  });
}

/** {@link getResourceGroup} taking Outputs, for names and ids other resources produce. */
export const getResourceGroupOutput: (args: {
  [K in keyof GetResourceGroupArgs]: pulumi.Input<GetResourceGroupArgs[K]>;
}) => pulumi.Output<GetResourceGroupResult> = outputForm(getResourceGroup);

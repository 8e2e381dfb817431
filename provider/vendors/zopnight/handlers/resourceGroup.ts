/** create/read/diff/update/delete of a ZopNight ResourceGroup: a named, ordered set of resources. */
import { checkArgs } from "../../../core/check";
import { createByName } from "../../../core/createByName";
import { changedFields, decide } from "../../../core/diff";
import { REPLACE_ON } from "pulumi-resource-groups-contracts/kinds";
import { ConflictError, PartialCreateError } from "../../../core/errors";
import type { ResourceHandler } from "../../../core/handler";
import { isGetRead, missingForGet } from "../../../core/readForGet";
import { ApiConflictError, NotFoundError } from "../../../core/http/errors";
import type { ZopNightApi } from "../api";
import { zopnightApi } from "../settings";
import { GET_TARGETS } from "./get";
import type { WireGroup, WireSchedule } from "pulumi-resource-groups-contracts/zopnight";
import type { ResourceGroupInputs } from "pulumi-resource-groups-contracts/zopnight";
import { zopnightSchemas } from "../schemas";

export type ZopNightGroupState = ResourceGroupInputs;

export interface ZopNightGroupOutputs extends ZopNightGroupState {
  // No groupId: it is the resource's id, which the engine stores already.
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  schedules: WireSchedule[];
}

async function outputs(
  api: ZopNightApi,
  state: ZopNightGroupState,
  group: WireGroup,
): Promise<ZopNightGroupOutputs> {
  return {
    ...state,
    name: group.name,
    description: group.description,
    createdBy: group.createdBy,
    createdAt: group.createdAt,
    updatedAt: group.updatedAt,
    schedules: await api.getSchedules(group.id),
  };
}

function nameTaken(name: string, existing?: string): ConflictError {
  return new ConflictError(
    `name: a ZopNight resource group named '${name}' already exists${existing ? ` (${existing})` : ""}; names are unique ` +
      "ignoring case. To manage the existing group from this stack, set `adopt: true` on the " +
      "ResourceGroup: its name and description are then set to the declaration and `pulumi destroy` " +
      "deletes it like any other resource.",
  );
}

async function adopt(api: ZopNightApi, group: WireGroup, state: ZopNightGroupState) {
  let held = group;
  if (group.name !== state.name || group.description !== state.description) {
    try {
      held = await api.updateGroup(group.id, { name: state.name, description: state.description });
    } catch (error) {
      // Taken over but not converged: keep it in the stack as it is; the next update converges it.
      throw new PartialCreateError(group.id, { ...(await outputs(api, state, group)) }, error as Error);
    }
  }
  return { id: group.id, outs: await outputs(api, state, held) };
}

export const zopnightResourceGroupHandler: ResourceHandler = {
  check: checkArgs(() => zopnightSchemas().resourceGroupArgs),

  diff(_id, olds: ZopNightGroupOutputs, news: ZopNightGroupState) {
    // Both fields change in place; `adopt` matters only on create.
    const changed = changedFields(olds, news, ["name", "description"]);
    return Promise.resolve(decide(changed, REPLACE_ON.zopnightResourceGroup, false));
  },

  async create(inputs: ZopNightGroupState) {
    const api = zopnightApi();
    // A name in use answers 409 (docs/vendors/zopnight.md, "Names"): the name is looked up then.
    try {
      return await createByName({
        lookFirst: inputs.adopt,
        create: () => api.createGroup(inputs.name, inputs.description),
        mayBeClash: (error) => error instanceof ApiConflictError,
        findByName: () => api.findGroupByName(inputs.name),
        createdAtMs: (group) => Date.parse(group.createdAt) || undefined,
        taken: (existing) => {
          if (inputs.adopt) return adopt(api, existing, inputs);
          throw nameTaken(inputs.name, existing.id);
        },
        // The create answers the whole group, and a group just made has no schedules to read.
        made: (group) => {
          const outs: ZopNightGroupOutputs = {
            ...inputs,
            name: group.name,
            description: group.description,
            createdBy: group.createdBy,
            createdAt: group.createdAt,
            updatedAt: group.updatedAt,
            schedules: [],
          };
          return { id: group.id, outs };
        },
      });
    } catch (error) {
      // The name was taken, and its holder could not be read.
      if (error instanceof ApiConflictError) throw nameTaken(inputs.name);
      throw error;
    }
  },

  async read(id, props: Partial<ZopNightGroupOutputs>) {
    const api = zopnightApi();
    const group = await api.readGroup(id);
    if (!group && isGetRead(props)) throw missingForGet(GET_TARGETS.resourceGroup, id);
    // An empty id tells the engine the group is gone, so refresh drops it from the stack.
    if (!group) return { id: "", props: {} };
    // An import has no props: the group's own name and description become the declaration.
    const state: ZopNightGroupState = {
      name: props.name ?? group.name,
      description: props.description ?? group.description,
      adopt: props.adopt ?? false,
    };
    return { id, props: await outputs(api, state, group) };
  },

  async update(id, olds: ZopNightGroupOutputs, news: ZopNightGroupState) {
    const api = zopnightApi();
    const change: { name?: string; description?: string } = {};
    if (olds.name !== news.name) change.name = news.name;
    if (olds.description !== news.description) change.description = news.description;
    if (Object.keys(change).length === 0) {
      const group = await api.getGroup(id);
      if (!group) throw gone(olds.name, id);
      return { outs: await outputs(api, news, group) };
    }
    try {
      return { outs: await outputs(api, news, await api.updateGroup(id, change)) };
    } catch (error) {
      if (error instanceof ApiConflictError) throw nameTaken(news.name);
      if (error instanceof NotFoundError) throw gone(olds.name, id);
      throw error;
    }
  },

  async delete(id) {
    await zopnightApi().deleteGroup(id);
  },
};

function gone(name: string, id: string): ConflictError {
  return new ConflictError(
    `Resource group '${name}' (${id}) no longer exists; run \`pulumi refresh\` so it is recreated`,
  );
}

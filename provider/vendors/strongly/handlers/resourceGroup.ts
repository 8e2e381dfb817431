/** create/read/diff/update/delete of a Strongly ResourceGroup: a named set of platform resources for cost roll-up. */
import { checkArgs } from "../../../core/check";
import { createByName } from "../../../core/createByName";
import { decide } from "../../../core/diff";
import { REPLACE_ON } from "pulumi-resource-groups-contracts/kinds";
import { ConflictError, PartialCreateError } from "../../../core/errors";
import type { ResourceHandler } from "../../../core/handler";
import { isGetRead, missingForGet } from "../../../core/readForGet";
import { ApiConflictError, NotFoundError } from "../../../core/http/errors";
import type { StronglyApi } from "../api";
import { stronglyApi } from "../settings";
import { GET_TARGETS } from "./get";
import type { StronglyGroup } from "pulumi-resource-groups-contracts/strongly";
import type { ResourceGroupInputs } from "pulumi-resource-groups-contracts/strongly";
import { stronglySchemas } from "../schemas";

export interface StronglyGroupState {
  name: string;
  description: string;
  adopt: boolean;
}

export interface StronglyGroupOutputs extends StronglyGroupState {
  // No groupId: it is the resource's id, which the engine stores already.
  status: string;
  ownerId: string;
  organizationId: string;
  createdAt: string;
  updatedAt: string;
}

const normalize = (args: ResourceGroupInputs): StronglyGroupState => ({
  name: args.name,
  description: args.description,
  adopt: args.adopt,
});

/** The declaration as the group holds it now: a name or description changed outside shows as drift. */
function observed(state: StronglyGroupState, group: StronglyGroup): StronglyGroupOutputs {
  return {
    name: group.name,
    description: group.description,
    adopt: state.adopt,
    status: group.status,
    ownerId: group.ownerId,
    organizationId: group.organizationId,
    createdAt: group.createdAt,
    updatedAt: group.updatedAt,
  };
}

/** Takes over an existing group of the same name, converging its name (case) and description. */
async function adopt(api: StronglyApi, group: StronglyGroup, state: StronglyGroupState) {
  if (group.name === state.name && group.description === state.description) {
    return { id: group.id, outs: observed(state, group) };
  }
  try {
    const held = await api.updateGroup(group.id, { name: state.name, description: state.description });
    return { id: group.id, outs: observed(state, held) };
  } catch (error) {
    // Taken over but not converged: keep it in the stack as it is; the next update converges it.
    throw new PartialCreateError(group.id, { ...observed(state, group) }, error as Error);
  }
}

export const stronglyResourceGroupHandler: ResourceHandler = {
  check: checkArgs(
    () => stronglySchemas().resourceGroupArgs,
    (v) => ({ ...normalize(v) }),
  ),

  diff(_id, olds: StronglyGroupOutputs, news: StronglyGroupState) {
    // Both fields change in place; nothing about a group needs a new one.
    return Promise.resolve(
      decide(
        { name: olds.name !== news.name, description: (olds.description ?? "") !== news.description },
        REPLACE_ON.stronglyResourceGroup,
        false,
      ),
    );
  },

  async create(inputs: StronglyGroupState) {
    const api = stronglyApi();
    // A name in use answers 409 duplicate-name (docs/vendors/strongly.md, "Names"): looked up then.
    return createByName({
      lookFirst: inputs.adopt,
      create: () => api.createGroup(inputs.name, inputs.description),
      mayBeClash: (error) => error instanceof ApiConflictError,
      findByName: () => api.findGroupByName(inputs.name),
      createdAtMs: (group) => Date.parse(group.createdAt) || undefined,
      taken: (existing) => {
        if (inputs.adopt) return adopt(api, existing, inputs);
        throw new ConflictError(
          `A resource group named '${existing.name}' already exists (${existing.id}). Names are unique in the ` +
            "organization, ignoring case. To manage the existing group from this stack, set `adopt: true` on " +
            "the ResourceGroup: its description is then converged to the declaration and `pulumi destroy` " +
            "deletes it like any other resource.",
        );
      },
      made: (group) => ({ id: group.id, outs: observed(inputs, group) }),
    });
  },

  async read(id, props: StronglyGroupOutputs) {
    const group = await stronglyApi().readGroup(id);
    if (!group && isGetRead(props)) throw missingForGet(GET_TARGETS.resourceGroup, id);
    // An empty id tells the engine the group is gone, so refresh drops it from the stack.
    if (!group) return { id: "", props: {} };
    return { id, props: observed({ ...props, adopt: props.adopt ?? false }, group) };
  },

  async update(id, olds: StronglyGroupOutputs, news: StronglyGroupState) {
    try {
      const group = await stronglyApi().updateGroup(id, { name: news.name, description: news.description });
      return { outs: observed(news, group) };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      throw new ConflictError(
        `Resource group '${olds.name}' (${id}) no longer exists; run \`pulumi refresh\` so it is recreated`,
      );
    }
  },

  async delete(id) {
    await stronglyApi().deleteGroup(id);
  },
};

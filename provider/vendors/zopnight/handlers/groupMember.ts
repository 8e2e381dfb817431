/**
 * A ZopNight GroupMember: one inventory resource in a group, at a tier and an order. Tier and order
 * change in place through the sequence call; the member is never taken out of the group for it.
 */
import { checkArgs } from "../../../core/check";
import { changedFields, decide } from "../../../core/diff";
import { REPLACE_ON } from "pulumi-resource-groups-contracts/kinds";
import { ConflictError, PartialCreateError } from "../../../core/errors";
import type { ResourceHandler } from "../../../core/handler";
import { isGetRead, malformedGetId, missingForGet } from "../../../core/readForGet";
import { NotFoundError } from "../../../core/http/errors";
import type { Sequence, ZopNightApi } from "../api";
import { zopnightApi } from "../settings";
import type { WireMember } from "pulumi-resource-groups-contracts/zopnight";
import { UnknownResourceError } from "../errors";
import { GET_TARGETS } from "./get";
import { resolveResource } from "./resolve";
import type { GroupMemberInputs } from "pulumi-resource-groups-contracts/zopnight";
import { zopnightSchemas } from "../schemas";

export type ZopNightMemberState = GroupMemberInputs;

export interface ZopNightMemberOutputs extends ZopNightMemberState {
  /** The ZopNight id of the resource, whichever way `resource` names it. */
  resourceId: string;
  /** The membership id. */
  memberId: string;
  resourceUID: string;
  resourceName: string;
  resourceType: string;
  /** The member's `provider` (aws, gcp or azure), renamed so it cannot be taken for a Pulumi provider. */
  cloudProvider: string;
  cloudAccountID: string;
  region: string;
}

const memberId = (groupId: string, resourceId: string) => `${groupId}/${resourceId}`;

function outputs(state: ZopNightMemberState, member: WireMember): ZopNightMemberOutputs {
  return {
    ...state,
    executionTier: member.executionTier,
    executionOrder: member.executionOrder,
    resourceId: member.resourceID,
    memberId: member.id,
    resourceUID: member.resourceUID,
    resourceName: member.resourceName,
    resourceType: member.resourceType,
    cloudProvider: member.provider,
    cloudAccountID: member.cloudAccountID,
    region: member.region,
  };
}

const sameSequence = (member: Sequence, wanted: Sequence) =>
  member.executionTier === wanted.executionTier && member.executionOrder === wanted.executionOrder;

/** Says which of the two was missing when an add answers 404. */
export async function explainNotFound(
  api: ZopNightApi,
  state: ZopNightMemberState,
  resourceId: string,
  error: Error,
) {
  if (!(error instanceof NotFoundError)) return error;
  if (!(await api.getGroup(state.groupId))) {
    return new ConflictError(
      `groupId: resource group ${state.groupId} does not exist, so resource ${state.resource} cannot be added`,
    );
  }
  return new UnknownResourceError(
    `resource: '${resourceId}' is not in the ZopNight inventory (${error.message})`,
  );
}

/** Adds the member (a 409 for the same resource counts as added) and sets its sequence. */
async function addWithSequence(api: ZopNightApi, state: ZopNightMemberState, resourceId: string) {
  let member: WireMember;
  try {
    member = await api.addMember(state.groupId, resourceId);
  } catch (error) {
    throw await explainNotFound(api, state, resourceId, error as Error);
  }
  if (sameSequence(member, state)) return member;
  try {
    return await api.sequenceMember(state.groupId, resourceId, state);
  } catch (error) {
    // The member is in the group with the default sequence; the next update sets the declared one.
    throw new PartialCreateError(
      memberId(state.groupId, resourceId),
      { ...outputs(state, member) },
      error as Error,
    );
  }
}

/**
 * The member's state from an id, for `pulumi import` and `get()`: `grp_.../res_...`, or the group's id
 * and the resource as the program names it (`grp_.../<UID>`; a UID may hold slashes itself), so an
 * import reproduces that spelling. Read answers the canonical id either way.
 */
function fromId(id: string): Partial<ZopNightMemberOutputs> {
  const slash = id.indexOf("/");
  if (slash < 0) return { groupId: id };
  return { groupId: id.slice(0, slash), resource: id.slice(slash + 1) };
}

export const zopnightGroupMemberHandler: ResourceHandler = {
  check: checkArgs(() => zopnightSchemas().groupMemberArgs),

  diff(_id, olds: ZopNightMemberOutputs, news: ZopNightMemberState) {
    // The same resource named another way (its UID instead of its id) is no replacement.
    const sameResource = [olds.resource, olds.resourceId, olds.resourceUID].includes(news.resource);
    const changed = {
      groupId: olds.groupId !== news.groupId,
      resource: !sameResource,
      resourceSpelling: sameResource && olds.resource !== news.resource,
      ...changedFields(olds, news, ["executionTier", "executionOrder"]),
    };
    return Promise.resolve(decide(changed, REPLACE_ON.zopnightGroupMember, false));
  },

  async create(inputs: ZopNightMemberState) {
    const api = zopnightApi();
    const resourceId = await resolveResource(api, inputs.resource);
    const member = await addWithSequence(api, inputs, resourceId);
    return { id: memberId(inputs.groupId, resourceId), outs: outputs(inputs, member) };
  },

  async read(id, props: Partial<ZopNightMemberOutputs>) {
    const get = isGetRead(props);
    const known = props.groupId && props.resourceId ? props : { ...fromId(id), ...props };
    if (get && (!known.groupId || !known.resource)) throw malformedGetId(GET_TARGETS.groupMember, id);
    const group = await zopnightApi().readGroup(known.groupId ?? "");
    const member = group?.members.find((m) =>
      known.resourceId
        ? m.resourceID === known.resourceId
        : m.resourceID === known.resource || m.resourceUID === known.resource,
    );
    if (!member && get) throw missingForGet(GET_TARGETS.groupMember, id);
    // Gone from the group (or the group is gone): refresh drops it from the stack.
    if (!member) return { id: "", props: {} };
    const state: ZopNightMemberState = {
      groupId: known.groupId ?? "",
      resource: known.resource ?? member.resourceID,
      executionTier: member.executionTier,
      executionOrder: member.executionOrder,
    };
    return { id: memberId(state.groupId, member.resourceID), props: outputs(state, member) };
  },

  async update(_id, olds: ZopNightMemberOutputs, news: ZopNightMemberState) {
    if (sameSequence(olds, news)) return { outs: { ...olds, resource: news.resource } };
    const api = zopnightApi();
    try {
      return { outs: outputs(news, await api.sequenceMember(news.groupId, olds.resourceId, news)) };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      // Removed outside since the last refresh: put it back where it is declared.
      return { outs: outputs(news, await addWithSequence(api, news, olds.resourceId)) };
    }
  },

  async delete(_id, props: ZopNightMemberOutputs) {
    await zopnightApi().removeMember(props.groupId, props.resourceId);
  },
};

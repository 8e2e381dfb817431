/**
 * A Strongly GroupMember is one platform resource in a group. Its identity is `(type, resourceId)`:
 * changing either, or the group, replaces it (the new member is added before the old one goes, so the
 * resource is never out of every group). The API has no member update, so a `name` change removes the
 * member and adds it again under the group's lock; if the add fails, the member is added back under its
 * old name before the error is reported. After a successful `up` the member is always in the group.
 */
import { checkArgs } from "../../../core/check";
import { changedFields, decide } from "../../../core/diff";
import { REPLACE_ON } from "pulumi-resource-groups-contracts/kinds";
import type { ResourceHandler } from "../../../core/handler";
import { idParts, isGetRead, malformedGetId, missingForGet } from "../../../core/readForGet";
import { stronglyApi } from "../settings";
import { GET_TARGETS } from "./get";
import { rename } from "./rename";
import type { WireMember } from "pulumi-resource-groups-contracts/strongly";
import type { GroupMemberInputs } from "pulumi-resource-groups-contracts/strongly";
import { stronglySchemas } from "../schemas";

export { MemberRestoreError } from "./rename";

export type StronglyMemberState = GroupMemberInputs;

const member = (state: StronglyMemberState): WireMember => ({
  type: state.type,
  resourceId: state.resourceId,
  name: state.name,
});

/** A get: the group and member identity come from the id; the name is the member's. */
async function readForGet(id: string) {
  const [groupId, type, resourceId] = idParts(id, 3) ?? [];
  if (groupId === undefined || type === undefined || resourceId === undefined) {
    throw malformedGetId(GET_TARGETS.groupMember, id);
  }
  const group = await stronglyApi().readGroup(groupId);
  const found = group?.members.find((m) => m.type === type && m.resourceId === resourceId);
  if (!found) throw missingForGet(GET_TARGETS.groupMember, id);
  const state = { groupId, type: found.type, resourceId, name: found.name } satisfies StronglyMemberState;
  return { id, props: { ...state } };
}

export const stronglyGroupMemberHandler: ResourceHandler = {
  check: checkArgs(() => stronglySchemas().groupMemberArgs),

  diff(_id, olds: StronglyMemberState, news: StronglyMemberState) {
    const changed = changedFields(olds, news, ["groupId", "type", "resourceId", "name"]);
    return Promise.resolve(decide(changed, REPLACE_ON.stronglyGroupMember, false));
  },

  /** A member already in the group (an earlier answer lost, or added outside) is taken over and renamed if need be. */
  async create(inputs: StronglyMemberState) {
    const api = stronglyApi();
    let held = await api.addMember(inputs.groupId, member(inputs));
    if (held.name !== inputs.name) held = await rename(api, inputs.groupId, held, inputs.name);
    const id = `${inputs.groupId}/${inputs.type}/${inputs.resourceId}`;
    return { id, outs: { ...inputs, name: held.name } };
  },

  /** Reads the group once for all of its members in this run (see StronglyApi.readGroup). */
  async read(id, props: StronglyMemberState) {
    if (isGetRead(props)) return readForGet(id);
    const group = await stronglyApi().readGroup(props.groupId);
    const found = group?.members.find((m) => m.type === props.type && m.resourceId === props.resourceId);
    // An empty id tells the engine the member is gone, so refresh drops it from the stack.
    if (!found) return { id: "", props: {} };
    return { id, props: { ...props, name: found.name } };
  },

  async update(_id, olds: StronglyMemberState, news: StronglyMemberState) {
    const held = await rename(stronglyApi(), news.groupId, member(olds), news.name);
    return { outs: { ...news, name: held.name } };
  },

  async delete(_id, props: StronglyMemberState) {
    await stronglyApi().removeMember(props.groupId, props.type, props.resourceId);
  },
};

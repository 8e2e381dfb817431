/** A CES GroupMember is one resource in a Manual group; any change replaces it. */
import { announcing, createsOnlyIfReplaced } from "../../../core/batches";
import { checkArgs } from "../../../core/check";
import { changedFields, decide } from "../../../core/diff";
import { REPLACE_ON } from "pulumi-resource-groups-contracts/kinds";
import type { ResourceHandler } from "../../../core/handler";
import { isGetRead, malformedGetId, missingForGet } from "../../../core/readForGet";
import { memberKey, sameDimensions } from "pulumi-resource-groups-contracts/ces/plain";
import type { Member } from "pulumi-resource-groups-contracts/ces";
import { cesApi } from "../settings";
import { GET_TARGETS, inProject, memberFromId } from "./get";
import { sameProject } from "./project";
import { requireManualGroup } from "./targetGroup";
import { cesSchemas } from "../schemas";

export interface GroupMemberState extends Member {
  groupId: string;
  projectId?: string;
}

/** A get: the group and member come from the id, in the configured project. */
async function readForGet(id: string) {
  const target = GET_TARGETS.groupMember;
  const found = memberFromId(id);
  if (!found) throw malformedGetId(target, id);
  if (!(await cesApi().hasMember(found.groupId, found.member))) {
    throw missingForGet(target, id, inProject(undefined));
  }
  const state: GroupMemberState = { groupId: found.groupId, ...found.member };
  return { id, props: { ...state } };
}

const member = (state: GroupMemberState): Member => ({
  namespace: state.namespace,
  dimensions: state.dimensions,
});

export const groupMemberHandler: ResourceHandler = {
  // Its create joins the batch of its group, which waits for it (see core/batches.ts).
  check: announcing(
    checkArgs(() => cesSchemas().groupMemberArgs),
    (inputs) => inputs.groupId,
  ),

  diff(_id, olds: GroupMemberState, news: GroupMemberState) {
    const changed = {
      ...changedFields(olds, news, ["groupId", "namespace"]),
      dimensions: !Array.isArray(news.dimensions) || !sameDimensions(olds.dimensions, news.dimensions),
      projectId: !sameProject(olds.projectId, news.projectId),
    };
    return Promise.resolve(
      createsOnlyIfReplaced(news.groupId, decide(changed, REPLACE_ON.groupMember, false)),
    );
  },

  async create(inputs: GroupMemberState) {
    const api = cesApi(inputs.projectId);
    await requireManualGroup(api, inputs.groupId, "GroupMember");
    await api.addMember(inputs.groupId, member(inputs));
    return { id: `${inputs.groupId}/${memberKey(member(inputs))}`, outs: { ...inputs } };
  },

  async read(id, props: GroupMemberState) {
    if (isGetRead(props)) return readForGet(id);
    const present = await cesApi(props.projectId).hasMember(props.groupId, member(props));
    return present ? { id, props } : { id: "", props: {} };
  },

  update() {
    return Promise.reject(new Error("a GroupMember is never updated in place: every change replaces it"));
  },

  async delete(_id, props: GroupMemberState) {
    await cesApi(props.projectId).removeMember(props.groupId, member(props));
  },
};

/** A GroupMember is one resource in a Manual group; any change replaces it. */
import type * as pulumi from "@pulumi/pulumi";
import { memberKey, sameDimensions } from "../backends/members";
import type { Member } from "../backends/backend";
import { groupMemberArgs } from "../schemas/groupMember";
import { checkWith } from "./checkResult";
import { decide } from "./compare";
import { backend } from "./settings";
import { requireGroupOfType } from "./targetGroup";

export interface GroupMemberState extends Member {
  groupId: string;
}

const member = (state: GroupMemberState): Member => ({
  namespace: state.namespace,
  dimensions: state.dimensions,
});

export const groupMemberHandler: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = {
  check(_olds, news) {
    return Promise.resolve(checkWith(groupMemberArgs, news as Record<string, unknown>, (v) => ({ ...v })));
  },

  diff(_id, olds: GroupMemberState, news: GroupMemberState) {
    const changed = {
      groupId: olds.groupId !== news.groupId,
      namespace: olds.namespace !== news.namespace,
      dimensions: !Array.isArray(news.dimensions) || !sameDimensions(olds.dimensions, news.dimensions),
    };
    return Promise.resolve(decide(changed, Object.keys(changed), false));
  },

  async create(inputs: GroupMemberState) {
    const api = backend();
    await requireGroupOfType(
      api,
      inputs.groupId,
      "Manual",
      "GroupMember",
      "TAG groups select members by tag (use TagRule); EPS groups take them from enterprise projects.",
    );
    await api.addMember(inputs.groupId, member(inputs));
    return { id: `${inputs.groupId}/${memberKey(member(inputs))}`, outs: { ...inputs } };
  },

  async read(id, props: GroupMemberState) {
    const present = await backend().hasMember(props.groupId, member(props));
    return present ? { id, props } : { id: "", props: {} };
  },

  update() {
    return Promise.reject(new Error("a GroupMember is never updated in place: every change replaces it"));
  },

  async delete(_id, props: GroupMemberState) {
    await backend().removeMember(props.groupId, member(props));
  },
};

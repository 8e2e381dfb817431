/**
 * A CES GroupMembers declares the whole membership of one Manual group as one list. Writes go out in
 * batch-create and batch-delete calls of up to 1,000 members, and an update sends only the difference
 * by member identity (namespace plus set of dimensions), so the group is never emptied and refilled.
 */
import { checkArgs } from "../../../core/check";
import { decide } from "../../../core/diff";
import { REPLACE_ON } from "pulumi-resource-groups-contracts/kinds";
import { PartialCreateError, PartialUpdateError, partway } from "../../../core/errors";
import type { ResourceHandler } from "../../../core/handler";
import { isGetRead, malformedGetId, missingForGet } from "../../../core/readForGet";
import { claimMembers, unclaimedMembers } from "../../../core/memberClaims";
import { chunks, diffMemberSets, memberListChanged, membersBy } from "../../../core/memberSet";
import { CES_LIMITS } from "pulumi-resource-groups-contracts/ces/plain";
import { memberKey } from "pulumi-resource-groups-contracts/ces/plain";
import type { Member } from "pulumi-resource-groups-contracts/ces";
import { cesApi } from "../settings";
import { GET_TARGETS, inProject, namespacesFromId } from "./get";
import { sameProject } from "./project";
import { requireManualGroup } from "./targetGroup";
import { cesSchemas } from "../schemas";

export interface GroupMembersState {
  groupId: string;
  members: Member[];
  projectId?: string;
}

export interface GroupMembersOutputs extends GroupMembersState {
  /**
   * The list the program declared at the last create or update; `members` is the group as last seen,
   * which a refresh may find holding others too. Delete removes only these.
   */
  declaredMembers?: Member[];
}

/**
 * A member's identity, tolerant of values a preview does not know yet: anything that is not a whole
 * member compares unequal to every member.
 */
function identity(member: Member): string {
  const whole =
    typeof member?.namespace === "string" &&
    Array.isArray(member.dimensions) &&
    member.dimensions.every((d) => typeof d?.name === "string" && typeof d.value === "string");
  return whole ? memberKey(member) : `(not known yet) ${JSON.stringify(member)}`;
}

const declaredOf = (state: GroupMembersOutputs): Member[] => state.declaredMembers ?? state.members;

const byKey = membersBy(memberKey);

/** Sends `members` in batches of at most 1,000, one after another; `written` collects each batch sent. */
async function inBatches(
  members: readonly Member[],
  send: (batch: Member[]) => Promise<void>,
  written: Member[],
): Promise<void> {
  for (const batch of chunks(members, CES_LIMITS.membersPerBatchMax)) {
    await send(batch);
    written.push(...batch);
  }
}

/** A get: the group and the namespaces to list come from the id, in the configured project. */
async function readForGet(id: string) {
  const target = GET_TARGETS.groupMembers;
  const found = namespacesFromId(id);
  if (!found) throw malformedGetId(target, id);
  const members = await cesApi().membersIn(found.groupId, found.namespaces, []);
  if (members === undefined) throw missingForGet(target, id, inProject(undefined));
  const outs: GroupMembersOutputs = { groupId: found.groupId, members, declaredMembers: [] };
  // The group's id, as a GroupMembers made by this program has it.
  return { id: found.groupId, props: { ...outs } };
}

export const groupMembersHandler: ResourceHandler = {
  check: checkArgs(() => cesSchemas().groupMembersArgs),

  diff(_id, olds: GroupMembersOutputs, news: GroupMembersState) {
    const changed = {
      groupId: olds.groupId !== news.groupId,
      projectId: !sameProject(olds.projectId, news.projectId),
      // Order does not matter. A declared list that differs from the members seen means a write
      // was left half-done; the update finishes it.
      members: memberListChanged(news.members, olds.members, olds.declaredMembers, identity),
    };
    // The replacement names another group (or project), so it can exist before the old one goes.
    return Promise.resolve(decide(changed, REPLACE_ON.groupMembers, false));
  },

  async create(inputs: GroupMembersState) {
    const api = cesApi(inputs.projectId);
    await requireManualGroup(api, inputs.groupId, "GroupMembers");
    claimMembers(api.lockKey(inputs.groupId), inputs.members.map(memberKey));
    // Members already in the group are no-ops at the API. Members it holds that the list does not
    // name are not looked for here: the first refresh shows them and the next update removes them.
    const added: Member[] = [];
    try {
      await inBatches(inputs.members, (batch) => api.addMemberBatch(inputs.groupId, batch), added);
    } catch (error) {
      if (added.length === 0) throw error;
      // Kept in the stack with what was written; the declared list lets delete find every member.
      const holds: GroupMembersOutputs = { ...inputs, members: added, declaredMembers: inputs.members };
      throw new PartialCreateError(
        inputs.groupId,
        { ...holds },
        partway(error, `added ${added.length} of ${inputs.members.length} members`),
      );
    }
    const outs: GroupMembersOutputs = { ...inputs, declaredMembers: inputs.members };
    return { id: inputs.groupId, outs };
  },

  async read(id, props: GroupMembersOutputs) {
    if (isGetRead(props)) return readForGet(id);
    const known = byKey.union(props.members, declaredOf(props));
    const namespaces = [...new Set(known.map((m) => m.namespace))];
    const present = await cesApi(props.projectId).membersIn(props.groupId, namespaces, known);
    // An empty id tells the engine the group, and so its membership, is gone.
    if (present === undefined) return { id: "", props: {} };
    // A member the state already knows keeps its spelling there (the order of its dimensions).
    const held = new Map(present.map((m) => [memberKey(m), m]));
    const members = byKey.declaredFirst(held, known, (_held, declared) => declared);
    const outs: GroupMembersOutputs = { ...props, members };
    return { id, props: outs };
  },

  async update(id, olds: GroupMembersOutputs, news: GroupMembersState) {
    const api = cesApi(news.projectId);
    claimMembers(api.lockKey(news.groupId), news.members.map(memberKey));
    const change = diffMemberSets(olds.members, news.members, memberKey);
    const stale = byKey.stale(declaredOf(olds), olds.members, news.members);
    const removing = [...change.removed, ...stale];
    // Adds go first: a member replaced by another is never missing with nothing in its place, and a
    // group whose members all change is never empty on the way.
    const added: Member[] = [];
    const removed: Member[] = [];
    try {
      await inBatches(change.added, (batch) => api.addMemberBatch(news.groupId, batch), added);
      await inBatches(removing, (batch) => api.removeMemberBatch(news.groupId, batch), removed);
    } catch (error) {
      if (added.length + removed.length === 0) throw error;
      const holds: GroupMembersOutputs = {
        ...news,
        members: byKey.union(byKey.except(olds.members, removed), added),
        declaredMembers: byKey.union(news.members, declaredOf(olds)),
      };
      const done = `added ${added.length} of ${change.added.length} and removed ${removed.length} of ${removing.length} members`;
      throw new PartialUpdateError(id, { ...holds }, partway(error, done));
    }
    const outs: GroupMembersOutputs = { ...news, declaredMembers: news.members };
    return { outs };
  },

  async delete(_id, props: GroupMembersOutputs) {
    const api = cesApi(props.projectId);
    // Only the members this resource declared, and of those not the ones another GroupMembers of this
    // run declares (this one renamed, say): others added since stay.
    const mine = unclaimedMembers(api.lockKey(props.groupId), declaredOf(props), memberKey);
    for (const batch of chunks(mine, CES_LIMITS.membersPerBatchMax)) {
      await api.removeMemberBatch(props.groupId, batch);
    }
  },
};

/**
 * A strongly.GroupMembers declares the whole membership of one Strongly group as one list. The API adds
 * and removes one member per call and cannot change one, so an update sends only the difference by
 * identity `(type, resourceId)`: new members are added, dropped ones removed, renamed ones removed and
 * added again under the group's lock (put back under the old name if that fails). The group is never
 * emptied and refilled, and a refresh is one read of the group.
 */
import { checkArgs } from "../../../core/check";
import { decide } from "../../../core/diff";
import { REPLACE_ON } from "pulumi-resource-groups-contracts/kinds";
import { eachLimited } from "../../../core/eachLimited";
import { PartialCreateError, PartialUpdateError, partway } from "../../../core/errors";
import type { ResourceHandler } from "../../../core/handler";
import { isGetRead, missingForGet } from "../../../core/readForGet";
import { claimMembers, unclaimedMembers } from "../../../core/memberClaims";
import { diffMemberSets, memberListChanged, membersBy } from "../../../core/memberSet";
import type { StronglyApi } from "../api";
import { memberIdentity } from "pulumi-resource-groups-contracts/strongly/plain";
import { STRONGLY_LIMITS } from "pulumi-resource-groups-contracts/strongly/plain";
import { stronglyApi } from "../settings";
import type { WireMember } from "pulumi-resource-groups-contracts/strongly";
import { GET_TARGETS } from "./get";
import { rename } from "./rename";
import { writeTurns } from "./writeTurns";
import type { GroupMembersInputs } from "pulumi-resource-groups-contracts/strongly";
import { stronglySchemas } from "../schemas";

export type StronglyGroupMembersState = GroupMembersInputs;

export interface StronglyGroupMembersOutputs extends StronglyGroupMembersState {
  /**
   * The list the program declared at the last create or update; `members` is the group as last seen,
   * which a refresh may find holding others too. Delete removes only these.
   */
  declaredMembers?: WireMember[];
}

/** Member writes in flight at once for one resource: the API takes one member per call. */
const WRITES_AT_ONCE = 4;

/** Identity and name: a renamed member is a change too. Values a preview does not know compare unequal. */
function identityAndName(member: WireMember): string {
  const whole = [member?.type, member?.resourceId, member?.name].every((v) => typeof v === "string");
  return whole ? `${memberIdentity(member)}=${member.name}` : `(not known yet) ${JSON.stringify(member)}`;
}

const byIdentity = membersBy(memberIdentity);

const declaredOf = (state: StronglyGroupMembersOutputs): WireMember[] =>
  state.declaredMembers ?? state.members;

const member = (m: WireMember): WireMember => ({ type: m.type, resourceId: m.resourceId, name: m.name });

/** Adds a member, taking over one the group already holds and renaming it if its name differs. */
async function add(api: StronglyApi, groupId: string, wanted: WireMember): Promise<WireMember> {
  const held = await api.addMember(groupId, wanted);
  return held.name === wanted.name ? held : rename(api, groupId, held, wanted.name);
}

export const stronglyGroupMembersHandler: ResourceHandler = {
  check: checkArgs(() => stronglySchemas().groupMembersArgs),

  diff(_id, olds: StronglyGroupMembersOutputs, news: StronglyGroupMembersState) {
    const changed = {
      groupId: olds.groupId !== news.groupId,
      // Order does not matter. A declared list that differs from the members seen means a write was
      // left half-done; the update finishes it.
      members: memberListChanged(news.members, olds.members, olds.declaredMembers, identityAndName),
    };
    // The replacement names another group, so it can exist before the old one goes.
    return Promise.resolve(decide(changed, REPLACE_ON.stronglyGroupMembers, false));
  },

  async create(inputs: StronglyGroupMembersState) {
    const api = stronglyApi();
    claimMembers(api.groupKey(inputs.groupId), inputs.members.map(memberIdentity));
    const held: WireMember[] = [];
    const { error } = await eachLimited(inputs.members, WRITES_AT_ONCE, async (wanted) => {
      held.push(await add(api, inputs.groupId, member(wanted)));
    });
    if (error !== undefined) {
      if (held.length === 0) throw error;
      // Kept in the stack with what was written; the declared list lets delete find every member.
      const holds: StronglyGroupMembersOutputs = {
        ...inputs,
        members: held,
        declaredMembers: inputs.members,
      };
      const done = `added ${held.length} of ${inputs.members.length} members`;
      throw new PartialCreateError(inputs.groupId, { ...holds }, partway(error, done));
    }
    const outs: StronglyGroupMembersOutputs = { ...inputs, declaredMembers: inputs.members };
    return { id: inputs.groupId, outs };
  },

  /** One read of the group gives the whole membership (shared with the run's other reads of it). */
  async read(id, props: StronglyGroupMembersOutputs) {
    const get = isGetRead(props);
    // A get names the group by the resource's id, as every GroupMembers' id is its group's.
    const group = await stronglyApi().readGroup(get ? id : props.groupId);
    if (!group && get) throw missingForGet(GET_TARGETS.groupMembers, id);
    // An empty id tells the engine the group, and so its membership, is gone.
    if (!group) return { id: "", props: {} };
    const known = get ? [] : byIdentity.union(props.members ?? [], declaredOf(props));
    const held = new Map(group.members.map((m) => [memberIdentity(m), member(m)]));
    const outs: StronglyGroupMembersOutputs = {
      ...(get ? { groupId: id, declaredMembers: [] } : props),
      members: byIdentity.declaredFirst(held, known),
    };
    return { id, props: outs };
  },

  async update(id, olds: StronglyGroupMembersOutputs, news: StronglyGroupMembersState) {
    const api = stronglyApi();
    claimMembers(api.groupKey(news.groupId), news.members.map(memberIdentity));
    const change = diffMemberSets(olds.members, news.members, memberIdentity);
    const renames = change.kept.filter((k) => k.previous.name !== k.next.name);
    const stale = byIdentity.stale(declaredOf(olds), olds.members, news.members);
    const removing = [...change.removed, ...stale];

    // Adds first (taking turns with removals when the group is full), then renames, then the other
    // removals: a group whose members all change is never empty, nor pushed past its limit.
    const plan = writeTurns(
      change.added,
      change.removed,
      olds.members.length,
      STRONGLY_LIMITS.membersPerGroupMax,
      WRITES_AT_ONCE,
    );
    const added: WireMember[] = [];
    const renamed: WireMember[] = [];
    const removed: WireMember[] = [];
    const removeAll = (members: readonly WireMember[]) => () =>
      eachLimited(members, WRITES_AT_ONCE, async (m) => {
        await api.removeMember(news.groupId, m.type, m.resourceId);
        removed.push(m);
      });
    const steps = [
      ...plan.turns.map((turn) =>
        turn.action === "remove"
          ? removeAll(turn.members)
          : () =>
              eachLimited(
                turn.members,
                WRITES_AT_ONCE,
                async (m) => void added.push(await add(api, news.groupId, member(m))),
              ),
      ),
      () =>
        eachLimited(renames, WRITES_AT_ONCE, async (k) => {
          renamed.push(await rename(api, news.groupId, member(k.previous), k.next.name));
        }),
      removeAll([...plan.rest, ...stale]),
    ];
    for (const step of steps) {
      const { error } = await step();
      if (error === undefined) continue;
      if (added.length + renamed.length + removed.length === 0) throw error;
      const members = byIdentity.union(
        renamed,
        byIdentity.union(byIdentity.except(olds.members, removed), added),
      );
      const holds: StronglyGroupMembersOutputs = {
        ...news,
        members,
        declaredMembers: byIdentity.union(news.members, declaredOf(olds)),
      };
      const done =
        `added ${added.length} of ${change.added.length}, renamed ${renamed.length} of ${renames.length} ` +
        `and removed ${removed.length} of ${removing.length} members`;
      throw new PartialUpdateError(id, { ...holds }, partway(error, done));
    }
    const outs: StronglyGroupMembersOutputs = { ...news, declaredMembers: news.members };
    return { outs };
  },

  async delete(_id, props: StronglyGroupMembersOutputs) {
    const api = stronglyApi();
    // Only the members this resource declared, and of those not the ones another GroupMembers of this
    // run declares (this one renamed, say): others added since stay.
    const mine = unclaimedMembers(api.groupKey(props.groupId), declaredOf(props), memberIdentity);
    const { error } = await eachLimited(mine, WRITES_AT_ONCE, (m) =>
      api.removeMember(props.groupId, m.type, m.resourceId),
    );
    // Removing what is already gone succeeds, so the next destroy can simply try again.
    if (error !== undefined) throw error;
  },
};

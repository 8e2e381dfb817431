/**
 * A ZopNight GroupMembers declares the whole membership of one group as one list, each resource at a
 * tier and an order. ZopNight has no batch writes, so each member is one call (a few at a time): an add,
 * then a sequence call when the API placed it elsewhere. An update writes only the difference by
 * resource id; a member that only moves is sequenced in place, never removed and added again.
 */
import { checkArgs } from "../../../core/check";
import { decide } from "../../../core/diff";
import { REPLACE_ON } from "pulumi-resource-groups-contracts/kinds";
import { eachLimited } from "../../../core/eachLimited";
import { ConflictError, PartialCreateError, PartialUpdateError, partway } from "../../../core/errors";
import type { ResourceHandler } from "../../../core/handler";
import { isGetRead, missingForGet } from "../../../core/readForGet";
import { ApiConnectionError, NotFoundError, ServerError } from "../../../core/http/errors";
import { claimMembers, unclaimedMembers } from "../../../core/memberClaims";
import { diffMemberSets, memberListChanged, membersBy, repeatedMembers } from "../../../core/memberSet";
import type { Sequence, ZopNightApi } from "../api";
import { zopnightApi } from "../settings";
import type { WireMember } from "pulumi-resource-groups-contracts/zopnight";
import { explainNotFound } from "./groupMember";
import { GET_TARGETS } from "./get";
import { resolveResource } from "./resolve";
import type { ListedMember } from "pulumi-resource-groups-contracts/zopnight";
import { zopnightSchemas } from "../schemas";

/** Member writes (and inventory searches) under way at once: ZopNight takes one member per call. */
export const CALLS_AT_ONCE = 4;

export interface ZopNightGroupMembersState {
  groupId: string;
  members: ListedMember[];
}

/** A listed member with its resource resolved to its ZopNight id. */
export interface DeclaredMember extends ListedMember {
  resourceId: string;
}

/** A member as the group holds it; `resource` is the declared spelling, or the id for one added outside. */
export interface HeldMember extends DeclaredMember {
  resourceUID: string;
  resourceName: string;
}

export interface ZopNightGroupMembersOutputs {
  groupId: string;
  /** The group as last written or refreshed, which a refresh may find holding others too. */
  members: HeldMember[];
  /** The list of the last create or update, resolved: delete removes only these. */
  declaredMembers?: DeclaredMember[];
}

const byId = (m: { resourceId: string }): string => m.resourceId;
const byResourceId = membersBy(byId);
const declaredOf = (state: ZopNightGroupMembersOutputs): DeclaredMember[] =>
  state.declaredMembers ?? state.members;

const sameSequence = (a: Sequence, b: Sequence): boolean =>
  a.executionTier === b.executionTier && a.executionOrder === b.executionOrder;

/** The member as `wire` shows it, under the spelling `resource`. */
function heldAs(resource: string, wire: WireMember): HeldMember {
  return {
    resource,
    resourceId: wire.resourceID,
    resourceUID: wire.resourceUID,
    resourceName: wire.resourceName,
    executionTier: wire.executionTier,
    executionOrder: wire.executionOrder,
  };
}

const held = (member: DeclaredMember, wire: WireMember): HeldMember => heldAs(member.resource, wire);

/**
 * Resolves every listed resource to its ZopNight id. Spellings the state resolved before are reused,
 * so an update searches the inventory only for UIDs it has not seen. Two entries naming one resource
 * (its id and its UID, say) are refused before any write, naming both positions.
 */
async function resolveAll(
  api: ZopNightApi,
  members: readonly ListedMember[],
  known: ReadonlyMap<string, string> = new Map(),
): Promise<DeclaredMember[]> {
  const ids = new Map(known);
  const unknown = [...new Set(members.map((m) => m.resource).filter((r) => !ids.has(r)))];
  const searched = await eachLimited(unknown, CALLS_AT_ONCE, async (resource) => {
    ids.set(resource, await resolveResource(api, resource));
  });
  if (searched.error !== undefined) throw searched.error;
  const resolved = members.map((m) => ({ ...m, resourceId: ids.get(m.resource) as string }));
  const repeats = repeatedMembers(resolved, byId).map(([at, first]) => {
    const [a, b] = [resolved[first] as DeclaredMember, resolved[at] as DeclaredMember];
    return `members[${at}] ('${b.resource}') and members[${first}] ('${a.resource}') are both ${a.resourceId}`;
  });
  if (repeats.length > 0) {
    throw new ConflictError(`members: ${repeats.join("; ")}; a resource is in a group once: keep one entry`);
  }
  return resolved;
}

/** What the state resolved before: each declared spelling and each id, to its resource id. */
function knownIds(state: ZopNightGroupMembersOutputs): Map<string, string> {
  const known = new Map<string, string>();
  for (const m of [...state.members, ...declaredOf(state)]) {
    known.set(m.resource, m.resourceId);
    known.set(m.resourceId, m.resourceId);
  }
  return known;
}

/** Adds the member (one already there counts as added), then sets its sequence if the API placed it elsewhere. */
async function place(
  api: ZopNightApi,
  groupId: string,
  member: DeclaredMember,
  holds: Map<string, HeldMember>,
) {
  let added: WireMember;
  try {
    added = await api.addMember(groupId, member.resourceId);
  } catch (error) {
    throw await explainNotFound(api, { groupId, ...member }, member.resourceId, error as Error);
  }
  // Recorded at once: if the sequence call fails, the state holds the member where the API put it.
  holds.set(byId(member), held(member, added));
  if (!sameSequence(added, member)) {
    holds.set(byId(member), held(member, await api.sequenceMember(groupId, member.resourceId, member)));
  }
}

/** Moves a member already in the group; one removed outside since the last refresh is added again. */
async function move(
  api: ZopNightApi,
  groupId: string,
  member: DeclaredMember,
  holds: Map<string, HeldMember>,
) {
  try {
    holds.set(byId(member), held(member, await api.sequenceMember(groupId, member.resourceId, member)));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    holds.delete(byId(member));
    await place(api, groupId, member, holds);
  }
}

/** Whether a failed call may have been applied all the same (its answer never came, or the API broke). */
const mayHaveWritten = (error: unknown): boolean =>
  error instanceof ServerError || error instanceof ApiConnectionError;

/** The key the diff compares by: the spelling as declared, the tier and the order. */
const declaredKey = (m: Partial<ListedMember>): string =>
  JSON.stringify([m?.resource, m?.executionTier, m?.executionOrder]);

export const zopnightGroupMembersHandler: ResourceHandler = {
  check: checkArgs(() => zopnightSchemas().groupMembersArgs),

  diff(_id, olds: ZopNightGroupMembersOutputs, news: ZopNightGroupMembersState) {
    const changed = {
      groupId: olds.groupId !== news.groupId,
      // The order of the list does not matter; a resource's tier, order and spelling do (all in place:
      // a new spelling of the same resource writes nothing). A declared list that differs from the
      // members seen means a write was left half-done, or the group was changed outside.
      members: memberListChanged<ListedMember>(news.members, olds.members, olds.declaredMembers, declaredKey),
    };
    // The replacement names another group, so it can exist before the old one goes.
    return Promise.resolve(decide(changed, REPLACE_ON.zopnightGroupMembers, false));
  },

  async create(inputs: ZopNightGroupMembersState) {
    const api = zopnightApi();
    const { groupId } = inputs;
    const declared = await resolveAll(api, inputs.members);
    claimMembers(api.groupKey(groupId), declared.map(byId));
    const holds = new Map<string, HeldMember>();
    const run = await eachLimited(declared, CALLS_AT_ONCE, (m) => place(api, groupId, m, holds));
    if (run.error !== undefined) {
      if (holds.size === 0 && !mayHaveWritten(run.error)) throw run.error;
      // Kept in the stack with what the group holds; the declared list lets delete find every member.
      const state: ZopNightGroupMembersOutputs = {
        groupId,
        members: byResourceId.declaredFirst(holds, declared),
        declaredMembers: declared,
      };
      const done = `added ${holds.size} of ${declared.length} members`;
      throw new PartialCreateError(groupId, { ...state }, partway(run.error, done));
    }
    const outs: ZopNightGroupMembersOutputs = {
      groupId,
      members: byResourceId.declaredFirst(holds, declared),
      declaredMembers: declared,
    };
    return { id: groupId, outs };
  },

  async read(id, props: Partial<ZopNightGroupMembersOutputs>) {
    const groupId = props.groupId ?? id;
    const group = await zopnightApi().readGroup(groupId);
    if (!group && isGetRead(props)) throw missingForGet(GET_TARGETS.groupMembers, id);
    // An empty id tells the engine the group, and so its membership, is gone.
    if (!group) return { id: "", props: {} };
    const declared = props.declaredMembers ?? props.members ?? [];
    // Members added outside have no declared spelling: they show by id.
    const spelling = new Map([...(props.members ?? []), ...declared].map((m) => [m.resourceId, m.resource]));
    const holds = new Map(
      group.members.map((w) => [w.resourceID, heldAs(spelling.get(w.resourceID) ?? w.resourceID, w)]),
    );
    const outs: ZopNightGroupMembersOutputs = {
      ...props,
      groupId,
      members: byResourceId.declaredFirst(holds, declared),
    };
    return { id, props: outs };
  },

  async update(id, olds: ZopNightGroupMembersOutputs, news: ZopNightGroupMembersState) {
    const api = zopnightApi();
    const { groupId } = news;
    const declared = await resolveAll(api, news.members, knownIds(olds));
    claimMembers(api.groupKey(groupId), declared.map(byId));
    const change = diffMemberSets(olds.members, declared, byId);
    const moving = change.kept
      .filter(({ previous, next }) => !sameSequence(previous, next))
      .map((k) => k.next);
    const removing = [...change.removed, ...byResourceId.stale(declaredOf(olds), olds.members, declared)];

    const holds = new Map(olds.members.map((m) => [byId(m), m]));
    // A new spelling of a kept member is recorded without any call.
    for (const { next } of change.kept) {
      const member = holds.get(byId(next));
      if (member) holds.set(byId(next), { ...member, resource: next.resource });
    }
    const counts = { added: 0, moved: 0, removed: 0 };
    // Adds and moves first, removals after: a member replaced by another never leaves a gap.
    const writes = [
      ...change.added.map((m) => () => place(api, groupId, m, holds).then(() => void counts.added++)),
      ...moving.map((m) => () => move(api, groupId, m, holds).then(() => void counts.moved++)),
    ];
    let { error } = await eachLimited(writes, CALLS_AT_ONCE, (write) => write());
    if (error === undefined) {
      ({ error } = await eachLimited(removing, CALLS_AT_ONCE, async (m) => {
        await api.removeMember(groupId, m.resourceId);
        holds.delete(byId(m));
        counts.removed++;
      }));
    }
    if (error !== undefined) {
      const wrote = counts.added + counts.moved + counts.removed > 0;
      if (!wrote && !mayHaveWritten(error)) throw error;
      const state: ZopNightGroupMembersOutputs = {
        groupId,
        members: byResourceId.declaredFirst(holds, declared),
        declaredMembers: byResourceId.union(declared, declaredOf(olds)),
      };
      const done =
        `added ${counts.added} of ${change.added.length}, moved ${counts.moved} of ${moving.length} ` +
        `and removed ${counts.removed} of ${removing.length} members`;
      throw new PartialUpdateError(id, { ...state }, partway(error, done));
    }
    const outs: ZopNightGroupMembersOutputs = {
      groupId,
      members: byResourceId.declaredFirst(holds, declared),
      declaredMembers: declared,
    };
    return { outs };
  },

  async delete(_id, props: ZopNightGroupMembersOutputs) {
    const api = zopnightApi();
    // Only the members this resource declared, and of those not the ones another GroupMembers of this
    // run declares (this one renamed, say): others added since stay.
    const mine = unclaimedMembers(api.groupKey(props.groupId), declaredOf(props), byId);
    const run = await eachLimited(mine, CALLS_AT_ONCE, (m) => api.removeMember(props.groupId, m.resourceId));
    if (run.error !== undefined) throw run.error;
  },
};

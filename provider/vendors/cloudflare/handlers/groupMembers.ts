/**
 * A Cloudflare GroupMembers declares the whole set of zones in one group's scope. The scope is written
 * whole, so a create or an update costs one scope write, under the group's lock and checked again
 * after a wait like every other scope write (see core/settle.ts).
 *
 * It owns the scope, so it must agree with what else this run declares about the group: the group's
 * own `zones` must be among its `zoneIds` (the group was created with them and would put them back),
 * the group must be neither `exclusive` nor account-wide, and no GroupMember may add zones to it.
 */
import { changedFields, decide } from "../../../core/diff";
import { REPLACE_ON } from "pulumi-resource-groups-contracts/kinds";
import { ConflictError } from "../../../core/errors";
import type { ResourceHandler } from "../../../core/handler";
import { isGetRead, missingForGet } from "../../../core/readForGet";
import { withLock } from "../../../core/locks";
import { claimMembers, unclaimedMembers } from "../../../core/memberClaims";
import { memberListChanged, membersBy } from "../../../core/memberSet";
import { writeUntilSettled } from "../../../core/settle";
import type { CheckFailure } from "../../../core/validate";
import type { CloudflareApi } from "../api";
import { HEX32, accountKey, zoneKey } from "pulumi-resource-groups-contracts/cloudflare/plain";
import { cloudflareApi } from "../settings";
import { zonesOf } from "pulumi-resource-groups-contracts/cloudflare/plain";
import {
  checkWithAccount,
  declaredScope,
  hasSingleMembers,
  isExclusive,
  noteWholeMembership,
} from "./account";
import { GET_TARGETS, getAccountId, inAccount } from "./get";
import { groupForZones, sameObjects } from "./scope";
import { cloudflareSchemas } from "../schemas";

export interface CloudflareGroupMembersState {
  accountId: string;
  groupId: string;
  zoneIds: string[];
}

export interface CloudflareGroupMembersOutputs extends CloudflareGroupMembersState {
  /**
   * The zones declared at the last create or update; `zoneIds` is the scope as last seen, which a
   * refresh may find holding others too. Delete removes only these.
   */
  declaredZoneIds?: string[];
}

const declaredOf = (state: CloudflareGroupMembersOutputs): string[] => state.declaredZoneIds ?? state.zoneIds;
const byZone = membersBy(String);

/** What this run declares about the group that the whole set of zones would fight with. */
function conflicts(state: CloudflareGroupMembersState): CheckFailure[] {
  const { accountId, groupId } = state;
  const scope = declaredScope(accountId, groupId);
  const failures: CheckFailure[] = [];
  const refuse = (property: string, reason: string) => failures.push({ property, reason });
  // A preview may not know the group's declaration yet: only known values count.
  if (isExclusive(accountId, groupId) || scope?.exclusive === true) {
    refuse(
      "groupId",
      `groupId: resource group ${groupId} is declared exclusive, so its \`zones\` are its whole scope ` +
        "already: declare the zones there, or drop `exclusive` and let this GroupMembers own the scope",
    );
  } else if (scope?.wholeAccount === true) {
    refuse(
      "groupId",
      `groupId: resource group ${groupId} is declared wholeAccount ('*'), which cannot stand beside single zones`,
    );
  } else if (scope) {
    const zones = Array.isArray(scope.zones) ? scope.zones.filter((zone) => HEX32.test(zone)) : [];
    const missing = zones.filter((zone) => !state.zoneIds.includes(zone));
    if (missing.length > 0) {
      refuse(
        "zoneIds",
        `zoneIds: must include every zone the group's ResourceGroup declares (missing ${missing.join(", ")}); ` +
          "otherwise the group puts them back and this resource removes them again",
      );
    }
  }
  if (hasSingleMembers(accountId, groupId)) {
    refuse(
      "groupId",
      `groupId: resource group ${groupId} has GroupMember resources in this program, whose zones a ` +
        "GroupMembers would remove: declare every zone here, or use GroupMembers only",
    );
  }
  return failures;
}

/** Makes the scope exactly `state.zoneIds` in one write (none when it is already), and checks it held. */
async function setScope(api: CloudflareApi, state: CloudflareGroupMembersState): Promise<void> {
  if (isExclusive(state.accountId, state.groupId)) {
    throw new ConflictError(
      `groupId: resource group ${state.groupId} is declared exclusive: its zones are its whole scope, ` +
        "so they belong in its `zones` instead of a GroupMembers",
    );
  }
  const keys = state.zoneIds.map(zoneKey);
  claimMembers(api.lockKey(state.accountId, state.groupId), keys);
  const removed = new Set<string>();
  await writeUntilSettled(
    `the zones of resource group ${state.groupId}`,
    () =>
      withLock(api.lockKey(state.accountId, state.groupId), async () => {
        const group = await groupForZones(api, state, {
          cannot: "its zones cannot be set",
          advice: "; declare it without wholeAccount",
        });
        if (sameObjects(group.objects, keys)) return;
        for (const key of group.objects) if (!keys.includes(key)) removed.add(key);
        await api.updateGroup(state.accountId, group.id, {
          scopeKey: accountKey(state.accountId),
          objects: keys,
        });
      }),
    // Held when every declared zone is there and none this write removed came back; zones others
    // add later are drift for the next refresh, not a failure of this write.
    async () => {
      const group = await api.getGroup(state.accountId, state.groupId);
      return (
        group !== undefined &&
        keys.every((key) => group.objects.includes(key)) &&
        !group.objects.some((key) => removed.has(key))
      );
    },
  );
}

/** A get: the group's whole scope, in the configured account. */
async function readForGet(id: string) {
  const accountId = getAccountId();
  const group = await cloudflareApi().getGroup(accountId, id);
  if (!group) throw missingForGet(GET_TARGETS.groupMembers, id, inAccount(accountId));
  const outs: CloudflareGroupMembersOutputs = {
    accountId,
    groupId: id,
    zoneIds: zonesOf(group.objects),
    declaredZoneIds: [],
  };
  return { id, props: { ...outs } };
}

export const cloudflareGroupMembersHandler: ResourceHandler = {
  check(_olds, news) {
    const result = checkWithAccount(cloudflareSchemas().groupMembersArgs, news as Record<string, unknown>);
    // Broken rules, or values a preview does not know yet: nothing to compare with the run.
    if (result.failures !== undefined) return Promise.resolve(result);
    const inputs = result.inputs as Record<string, unknown>;
    const state = inputs as unknown as CloudflareGroupMembersState;
    const failures = conflicts(state);
    if (failures.length > 0) return Promise.resolve({ inputs, failures });
    noteWholeMembership(state.accountId, state.groupId);
    return Promise.resolve(result);
  },

  diff(_id, olds: CloudflareGroupMembersOutputs, news: CloudflareGroupMembersState) {
    const changed = {
      ...changedFields(olds, news, ["accountId", "groupId"]),
      // Order does not matter; zones others added since show in `zoneIds` after a refresh.
      zoneIds: memberListChanged(news.zoneIds, olds.zoneIds, olds.declaredZoneIds, String),
    };
    // The replacement names another group, so it can exist before the old one goes.
    return Promise.resolve(decide(changed, REPLACE_ON.cloudflareGroupMembers, false));
  },

  async create(inputs: CloudflareGroupMembersState) {
    await setScope(cloudflareApi(), inputs);
    const outs: CloudflareGroupMembersOutputs = { ...inputs, declaredZoneIds: inputs.zoneIds };
    return { id: inputs.groupId, outs };
  },

  async read(id, props: CloudflareGroupMembersOutputs) {
    if (isGetRead(props)) return readForGet(id);
    const group = await cloudflareApi().getGroup(props.accountId, props.groupId);
    // An empty id tells the engine the group, and so its scope, is gone.
    if (!group) return { id: "", props: {} };
    const held = new Map(zonesOf(group.objects).map((zone) => [zone, zone]));
    const known = byZone.union(props.zoneIds, declaredOf(props));
    // The declared zones first, in their order, then the ones others added.
    const zoneIds = byZone.declaredFirst(held, known);
    const outs: CloudflareGroupMembersOutputs = { ...props, zoneIds };
    return { id, props: outs };
  },

  async update(_id, _olds: CloudflareGroupMembersOutputs, news: CloudflareGroupMembersState) {
    // The scope is written whole: one write, whatever changed, and nothing half-done to record.
    await setScope(cloudflareApi(), news);
    const outs: CloudflareGroupMembersOutputs = { ...news, declaredZoneIds: news.zoneIds };
    return { outs };
  },

  async delete(_id, props: CloudflareGroupMembersOutputs) {
    const api = cloudflareApi();
    // Only the zones this resource declared, and not those the group's own declaration holds or another
    // GroupMembers of this run declares (this one renamed, say).
    const keep = declaredScope(props.accountId, props.groupId)?.zones ?? [];
    const lockKey = api.lockKey(props.accountId, props.groupId);
    const mine = declaredOf(props)
      .filter((zone) => !keep.includes(zone))
      .map(zoneKey);
    const removing = new Set(unclaimedMembers(lockKey, mine, String));
    await writeUntilSettled(
      `removal of the zones of resource group ${props.groupId}`,
      () =>
        withLock(lockKey, async () => {
          const group = await api.getGroup(props.accountId, props.groupId);
          if (!group) return;
          const objects = group.objects.filter((key) => !removing.has(key));
          // A scope needs one object: the last zone stays until the group itself is deleted.
          if (objects.length === 0) objects.push(group.objects[group.objects.length - 1] as string);
          if (objects.length === group.objects.length) return;
          await api.updateGroup(props.accountId, group.id, {
            scopeKey: accountKey(props.accountId),
            objects,
          });
        }),
      async () => {
        const group = await api.getGroup(props.accountId, props.groupId);
        return !group || group.objects.length === 1 || !group.objects.some((key) => removing.has(key));
      },
    );
  },
};

/**
 * A Cloudflare GroupMember adds one zone to a group's scope. It changes the group through the group
 * update, under the group's lock, touching only its own zone, so members created in parallel all land
 * and the group's declared zones stay.
 */
import { checkWith } from "../../../core/check";
import { decide } from "../../../core/diff";
import { ConflictError } from "../../../core/errors";
import type { ResourceHandler } from "../../../core/handler";
import { withLock } from "../../../core/locks";
import type { CloudflareApi } from "../api";
import { CLOUDFLARE_LIMITS, accountKey, zoneKey } from "../contracts";
import { groupMemberArgs } from "../args";
import { cloudflareApi } from "../settings";
import { coversWholeAccount, type CloudflareGroup } from "../wire";
import { isExclusive, withAccount } from "./account";

export interface CloudflareMemberState {
  accountId: string;
  groupId: string;
  zoneId: string;
}

/** Another writer outside this process can still overwrite the scope; a few re-reads catch that. */
const WRITE_ATTEMPTS = 3;

async function targetGroup(api: CloudflareApi, state: CloudflareMemberState): Promise<CloudflareGroup> {
  const group = await api.getGroup(state.accountId, state.groupId);
  if (!group) {
    throw new ConflictError(
      `groupId: resource group ${state.groupId} does not exist in account ${state.accountId}, so zone ${state.zoneId} cannot be added`,
    );
  }
  if (!group.editable) {
    throw new ConflictError(
      `groupId: '${group.name}' is the account's built-in resource group, which cannot be changed`,
    );
  }
  if (coversWholeAccount(group.objects)) {
    throw new ConflictError(
      `groupId: resource group '${group.name}' (${group.id}) already covers the whole account ('*'), ` +
        "which cannot stand beside single zones",
    );
  }
  return group;
}

async function addZone(api: CloudflareApi, state: CloudflareMemberState): Promise<void> {
  const key = zoneKey(state.zoneId);
  for (let attempt = 1; ; attempt++) {
    const group = await targetGroup(api, state);
    if (group.objects.includes(key)) return;
    if (group.objects.length >= CLOUDFLARE_LIMITS.scopeObjectsMax) {
      throw new ConflictError(
        `zoneId: resource group '${group.name}' (${group.id}) already holds ${group.objects.length} scope ` +
          `objects, the Cloudflare limit is ${CLOUDFLARE_LIMITS.scopeObjectsMax}; zone ${state.zoneId} cannot be added`,
      );
    }
    const after = await api.updateGroup(state.accountId, group.id, {
      scopeKey: accountKey(state.accountId),
      objects: [...group.objects, key],
    });
    if (after.objects.includes(key) || attempt >= WRITE_ATTEMPTS) return;
  }
}

export const cloudflareGroupMemberHandler: ResourceHandler = {
  check(_olds, news) {
    const filled = withAccount(news as Record<string, unknown>);
    if (!filled.ok) return Promise.resolve(filled.result);
    return Promise.resolve(checkWith(groupMemberArgs, filled.inputs, (v) => ({ ...v })));
  },

  diff(_id, olds: CloudflareMemberState, news: CloudflareMemberState) {
    const changed = {
      accountId: olds.accountId !== news.accountId,
      groupId: olds.groupId !== news.groupId,
      zoneId: olds.zoneId !== news.zoneId,
    };
    return Promise.resolve(decide(changed, Object.keys(changed), false));
  },

  async create(inputs: CloudflareMemberState) {
    const api = cloudflareApi();
    if (isExclusive(inputs.accountId, inputs.groupId)) {
      throw new ConflictError(
        `groupId: resource group ${inputs.groupId} is declared exclusive: its zones are its whole scope, ` +
          `so zone ${inputs.zoneId} belongs in its \`zones\` instead of a GroupMember`,
      );
    }
    await withLock(api.lockKey(inputs.accountId, inputs.groupId), () => addZone(api, inputs));
    return { id: `${inputs.groupId}/${inputs.zoneId}`, outs: { ...inputs } };
  },

  async read(id, props: CloudflareMemberState) {
    const group = await cloudflareApi().getGroup(props.accountId, props.groupId);
    const present = group !== undefined && group.objects.includes(zoneKey(props.zoneId));
    return present ? { id, props } : { id: "", props: {} };
  },

  update() {
    return Promise.reject(new Error("a GroupMember is never updated in place: every change replaces it"));
  },

  delete(_id, props: CloudflareMemberState) {
    const api = cloudflareApi();
    return withLock(api.lockKey(props.accountId, props.groupId), async () => {
      const group = await api.getGroup(props.accountId, props.groupId);
      const key = zoneKey(props.zoneId);
      if (!group || !group.objects.includes(key)) return;
      const objects = group.objects.filter((k) => k !== key);
      // A scope needs at least one object; the last zone stays until the group itself is deleted.
      if (objects.length === 0) return;
      await api.updateGroup(props.accountId, group.id, { scopeKey: accountKey(props.accountId), objects });
    });
  },
};

/**
 * A Cloudflare GroupMember adds one zone to a group's scope. It changes the group through the group
 * update, under the group's lock, touching only its own zone, so members created in parallel all land
 * and the group's declared zones stay. The scope is written whole, so the members of one group added
 * (or removed) together share one read and one write.
 */
import { Batches, announce, createsOnlyIfReplaced, withPrefix } from "../../../core/batches";
import { changedFields, decide } from "../../../core/diff";
import { REPLACE_ON } from "pulumi-resource-groups-contracts/kinds";
import { ConflictError } from "../../../core/errors";
import type { ResourceHandler } from "../../../core/handler";
import { idParts, isGetRead, malformedGetId, missingForGet } from "../../../core/readForGet";
import { withLock } from "../../../core/locks";
import { writeUntilSettled } from "../../../core/settle";
import type { CloudflareApi } from "../api";
import { CLOUDFLARE_LIMITS, accountKey, zoneKey } from "pulumi-resource-groups-contracts/cloudflare/plain";
import { cloudflareApi } from "../settings";
import { checkWithAccount, hasWholeMembership, isExclusive, noteSingleMember } from "./account";
import { GET_TARGETS, getAccountId, inAccount } from "./get";
import { groupForZones } from "./scope";
import { cloudflareSchemas } from "../schemas";

export interface CloudflareMemberState {
  accountId: string;
  groupId: string;
  zoneId: string;
}

/** Another writer outside this process can still overwrite the scope; a few re-reads catch that. */
const WRITE_ATTEMPTS = 3;
/** How a member's scope write waits for the other members of its group (see core/batches.ts). */
export const SCOPE_BATCH_TIMING = { quietMs: 100, unannouncedQuietMs: 30, maxWaitMs: 1_000 };

/** Adds the zones of `members` (all of one group) in one scope write; all land or none do. */
async function addZones(api: CloudflareApi, members: CloudflareMemberState[]): Promise<void> {
  const first = members[0] as CloudflareMemberState;
  const keys = [...new Set(members.map((m) => zoneKey(m.zoneId)))];
  for (let attempt = 1; ; attempt++) {
    const group = await groupForZones(api, first, { cannot: "the zone cannot be added" });
    const missing = keys.filter((key) => !group.objects.includes(key));
    if (missing.length === 0) return;
    if (group.objects.length + missing.length > CLOUDFLARE_LIMITS.scopeObjectsMax) {
      throw new ConflictError(
        `zoneId: resource group '${group.name}' (${group.id}) holds ${group.objects.length} scope objects; ` +
          `adding ${missing.length} would pass the Cloudflare limit of ${CLOUDFLARE_LIMITS.scopeObjectsMax}`,
      );
    }
    const after = await api.updateGroup(first.accountId, group.id, {
      scopeKey: accountKey(first.accountId),
      objects: [...group.objects, ...missing],
    });
    if (keys.every((key) => after.objects.includes(key)) || attempt >= WRITE_ATTEMPTS) return;
  }
}

/** Removes the zones of `members` (all of one group) in one scope write. */
async function removeZones(api: CloudflareApi, members: CloudflareMemberState[]): Promise<void> {
  const first = members[0] as CloudflareMemberState;
  const group = await api.getGroup(first.accountId, first.groupId);
  if (!group) return;
  const keys = new Set(members.map((m) => zoneKey(m.zoneId)));
  if (!group.objects.some((key) => keys.has(key))) return;
  const objects = group.objects.filter((key) => !keys.has(key));
  // A scope needs at least one object; the last zone stays until the group itself is deleted.
  if (objects.length === 0) objects.push(group.objects[group.objects.length - 1] as string);
  if (objects.length === group.objects.length) return;
  await api.updateGroup(first.accountId, group.id, { scopeKey: accountKey(first.accountId), objects });
}

type ScopeWrite = (api: CloudflareApi, members: CloudflareMemberState[]) => Promise<void>;

/** The key a member is announced under in check(), when its create is still to come. */
const announcedKey = (m: CloudflareMemberState) => `cloudflare|${m.accountId}|${m.groupId}`;

/** One batch per group and direction, written under the group's lock. */
function scopeBatches(write: ScopeWrite, verb: string): Batches<CloudflareMemberState> {
  return new Batches<CloudflareMemberState>({
    ...SCOPE_BATCH_TIMING,
    maxItems: CLOUDFLARE_LIMITS.scopeObjectsMax,
    send: (lockKey, members) => withLock(lockKey, () => write(cloudflareApi(), members)),
    announcedAs: (_lockKey, member) => announcedKey(member),
    itemError: (error, member, size) =>
      withPrefix(error, `${verb} zone ${member.zoneId}${size > 1 ? ` (one of a batch of ${size})` : ""}`),
  });
}

const adds = scopeBatches(addZones, "add");
const removals = scopeBatches(removeZones, "remove");

/** A get: the group and zone come from the id, in the configured account. */
async function readForGet(id: string) {
  const [groupId, zoneId] = idParts(id, 2) ?? [];
  if (groupId === undefined || zoneId === undefined) throw malformedGetId(GET_TARGETS.groupMember, id);
  const accountId = getAccountId();
  const group = await cloudflareApi().getGroup(accountId, groupId);
  if (!group?.objects.includes(zoneKey(zoneId))) {
    throw missingForGet(GET_TARGETS.groupMember, id, inAccount(accountId));
  }
  const state: CloudflareMemberState = { accountId, groupId, zoneId };
  return { id, props: { ...state } };
}

export const cloudflareGroupMemberHandler: ResourceHandler = {
  check(_olds, news) {
    const result = checkWithAccount(cloudflareSchemas().groupMemberArgs, news as Record<string, unknown>);
    if (result.failures !== undefined) return Promise.resolve(result);
    const { accountId, groupId } = result.inputs as unknown as CloudflareMemberState;
    // A GroupMembers of the group would remove this zone as drift, and this member would add it back.
    if (hasWholeMembership(accountId, groupId)) {
      const reason =
        `groupId: the zones of resource group ${groupId} are declared whole by a GroupMembers in this ` +
        "program: add this zone to its zoneIds instead of a GroupMember";
      const inputs = result.inputs as Record<string, unknown>;
      return Promise.resolve({ inputs, failures: [{ property: "groupId", reason }] });
    }
    noteSingleMember(accountId, groupId);
    // Its create joins the scope write of its group, which waits for it (see core/batches.ts).
    announce(announcedKey({ accountId, groupId, zoneId: "" }));
    return Promise.resolve(result);
  },

  diff(_id, olds: CloudflareMemberState, news: CloudflareMemberState) {
    const changed = changedFields(olds, news, ["accountId", "groupId", "zoneId"]);
    return Promise.resolve(
      createsOnlyIfReplaced(announcedKey(news), decide(changed, REPLACE_ON.cloudflareGroupMember, false)),
    );
  },

  async create(inputs: CloudflareMemberState) {
    const api = cloudflareApi();
    if (isExclusive(inputs.accountId, inputs.groupId)) {
      throw new ConflictError(
        `groupId: resource group ${inputs.groupId} is declared exclusive: its zones are its whole scope, ` +
          `so zone ${inputs.zoneId} belongs in its \`zones\` instead of a GroupMember`,
      );
    }
    // Checked again after a wait: another stack's provider may undo the write (see core/settle.ts).
    await writeUntilSettled(
      `zone ${inputs.zoneId} of resource group ${inputs.groupId}`,
      () => adds.submit(api.lockKey(inputs.accountId, inputs.groupId), inputs),
      async () =>
        (await api.getGroup(inputs.accountId, inputs.groupId))?.objects.includes(zoneKey(inputs.zoneId)) ??
        false,
    );
    return { id: `${inputs.groupId}/${inputs.zoneId}`, outs: { ...inputs } };
  },

  async read(id, props: CloudflareMemberState) {
    if (isGetRead(props)) return readForGet(id);
    const group = await cloudflareApi().sharedGroup(props.accountId, props.groupId);
    const present = group !== undefined && group.objects.includes(zoneKey(props.zoneId));
    return present ? { id, props } : { id: "", props: {} };
  },

  update() {
    return Promise.reject(new Error("a GroupMember is never updated in place: every change replaces it"));
  },

  async delete(_id, props: CloudflareMemberState) {
    const api = cloudflareApi();
    await writeUntilSettled(
      `removal of zone ${props.zoneId} from resource group ${props.groupId}`,
      () => removals.submit(api.lockKey(props.accountId, props.groupId), props),
      async () => {
        const group = await api.getGroup(props.accountId, props.groupId);
        // Gone, or kept as the scope's last object until the group itself is deleted.
        return !group || !group.objects.includes(zoneKey(props.zoneId)) || group.objects.length === 1;
      },
    );
  },
};

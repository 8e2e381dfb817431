/** create/read/diff/update/delete of a Cloudflare ResourceGroup: a named access scope of zones. */
import { decide, sameSet } from "../../../core/diff";
import { REPLACE_ON } from "pulumi-resource-groups-contracts/kinds";
import { ConflictError, PartialCreateError } from "../../../core/errors";
import type { ResourceHandler } from "../../../core/handler";
import { isGetRead, missingForGet } from "../../../core/readForGet";
import { withLock } from "../../../core/locks";
import type { CloudflareApi } from "../api";
import { accountKey } from "pulumi-resource-groups-contracts/cloudflare/plain";
import { cloudflareApi } from "../settings";
import {
  coversWholeAccount,
  zonesOf,
  type CloudflareGroup,
} from "pulumi-resource-groups-contracts/cloudflare/plain";
import { checkWithAccount, markExclusive, noteDeclaredScope } from "./account";
import { GET_TARGETS, getAccountId, inAccount } from "./get";
import { desiredObjects, sameObjects, type DeclaredScope } from "./scope";
import type { ResourceGroupInputs } from "pulumi-resource-groups-contracts/cloudflare";
import { cloudflareSchemas } from "../schemas";

export interface CloudflareGroupState extends DeclaredScope {
  accountId: string;
  adopt: boolean;
}

export interface CloudflareGroupOutputs extends CloudflareGroupState {
  // No groupId: it is the resource's id, which the engine stores already.
  meta: { key: string; value: string };
}

function normalize(args: ResourceGroupInputs): CloudflareGroupState {
  return {
    accountId: args.accountId ?? "",
    name: args.name,
    zones: args.wholeAccount ? [] : (args.zones ?? []),
    wholeAccount: args.wholeAccount,
    exclusive: args.exclusive,
    adopt: args.adopt,
  };
}

/**
 * The declaration as the group holds it now. Zones others added are left out unless the declaration
 * is exclusive, in which case they show as drift and the next update removes them.
 */
function observed(state: CloudflareGroupState, group: CloudflareGroup): CloudflareGroupOutputs {
  const zones = zonesOf(group.objects);
  return {
    ...state,
    name: group.name,
    zones: state.exclusive ? zones : state.zones.filter((zone) => zones.includes(zone)),
    wholeAccount: coversWholeAccount(group.objects),
    meta: group.meta,
  };
}

function refuseBuiltIn(group: CloudflareGroup): void {
  if (!group.editable) {
    throw new ConflictError(
      `'${group.name}' is the account's built-in resource group (${group.id}), which Cloudflare manages: ` +
        "it cannot be adopted or changed. Declare a group of another name.",
    );
  }
}

async function adopt(api: CloudflareApi, group: CloudflareGroup, state: CloudflareGroupState) {
  refuseBuiltIn(group);
  const objects = desiredObjects(group.objects, undefined, state);
  let held = group;
  if (!sameObjects(objects, group.objects)) {
    try {
      held = await api.updateGroup(state.accountId, group.id, {
        scopeKey: accountKey(state.accountId),
        objects,
      });
    } catch (error) {
      // Taken over but not converged: keep it in the stack as it is; the next update converges it.
      throw new PartialCreateError(group.id, { ...observed(state, group) }, error as Error);
    }
  }
  markExclusive(state.accountId, group.id, state.exclusive);
  noteDeclaredScope(state.accountId, group.id, state);
  return { id: group.id, outs: observed(state, held) };
}

/** A get: the group in the configured account, declared as it is (all its zones, not exclusive). */
async function readForGet(id: string) {
  const accountId = getAccountId();
  const group = await cloudflareApi().getGroup(accountId, id);
  if (!group) throw missingForGet(GET_TARGETS.resourceGroup, id, inAccount(accountId));
  const zones = zonesOf(group.objects);
  const state: CloudflareGroupState = {
    accountId,
    name: group.name,
    zones,
    wholeAccount: coversWholeAccount(group.objects),
    exclusive: false,
    adopt: false,
  };
  return { id, props: { ...observed(state, group) } };
}

export const cloudflareResourceGroupHandler: ResourceHandler = {
  check(_olds, news) {
    const inputs = news as Record<string, unknown>;
    return Promise.resolve(
      checkWithAccount(cloudflareSchemas().resourceGroupArgs, inputs, (v) => ({ ...normalize(v) })),
    );
  },

  diff(id, olds: CloudflareGroupOutputs, news: CloudflareGroupState) {
    // Only a known true: a preview may not know the value yet.
    if (news.exclusive === true) markExclusive(news.accountId, id, true);
    noteDeclaredScope(news.accountId, id, news);
    return Promise.resolve(
      decide(
        {
          accountId: olds.accountId !== news.accountId,
          name: olds.name !== news.name,
          zones: !sameSet(olds.zones, news.zones),
          wholeAccount: olds.wholeAccount !== news.wholeAccount,
          exclusive: olds.exclusive !== news.exclusive,
        },
        // Each account is its own namespace of names, so the new group can exist before the old goes.
        REPLACE_ON.cloudflareResourceGroup,
        false,
      ),
    );
  },

  async create(inputs: CloudflareGroupState) {
    const api = cloudflareApi();
    const existing = await api.findGroupByName(inputs.accountId, inputs.name);
    if (existing) {
      if (inputs.adopt) return adopt(api, existing, inputs);
      refuseBuiltIn(existing);
      throw new ConflictError(
        `A resource group named '${inputs.name}' already exists in account ${inputs.accountId} (${existing.id}). ` +
          "Names are unique within an account. To manage the existing group from this stack, set " +
          "`adopt: true` on the ResourceGroup: its scope is then converged to the declaration and " +
          "`pulumi destroy` deletes it like any other resource.",
      );
    }
    const objects = desiredObjects([], undefined, inputs);
    const group = await api.createGroup(inputs.accountId, inputs.name, accountKey(inputs.accountId), objects);
    markExclusive(inputs.accountId, group.id, inputs.exclusive);
    noteDeclaredScope(inputs.accountId, group.id, inputs);
    return { id: group.id, outs: observed(inputs, group) };
  },

  async read(id, props: CloudflareGroupOutputs) {
    if (isGetRead(props)) return readForGet(id);
    const group = await cloudflareApi().getGroup(props.accountId, id);
    // An empty id tells the engine the group is gone, so refresh drops it from the stack.
    if (!group) return { id: "", props: {} };
    markExclusive(props.accountId, id, props.exclusive);
    return { id, props: observed(props, group) };
  },

  update(id, olds: CloudflareGroupOutputs, news: CloudflareGroupState) {
    const api = cloudflareApi();
    return withLock(api.lockKey(news.accountId, id), async () => {
      const current = await api.getGroup(news.accountId, id);
      if (!current) {
        throw new ConflictError(
          `Resource group '${olds.name}' (${id}) no longer exists; run \`pulumi refresh\` so it is recreated`,
        );
      }
      const objects = desiredObjects(current.objects, olds, news);
      const group = await api.updateGroup(news.accountId, id, {
        name: news.name,
        scopeKey: accountKey(news.accountId),
        objects,
      });
      markExclusive(news.accountId, id, news.exclusive);
      noteDeclaredScope(news.accountId, id, news);
      return { outs: observed(news, group) };
    });
  },

  async delete(id, props: CloudflareGroupOutputs) {
    await cloudflareApi().deleteGroup(props.accountId, id);
    markExclusive(props.accountId, id, false);
    noteDeclaredScope(props.accountId, id, undefined);
  },
};

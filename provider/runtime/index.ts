/**
 * What the serialized providers load by package name (`pulumi-resource-groups/runtime`), so the code
 * text stored in each resource's state stays a few lines long.
 *
 * This is a public interface: states written by every earlier release call `configure` and
 * `handlers.<kind>` of this module, so a kind, once released, keeps its name and its handler.
 */
import type * as cesGroupMember from "../vendors/ces/handlers/groupMember";
import type * as cesGroupMembers from "../vendors/ces/handlers/groupMembers";
import type * as cesResourceGroup from "../vendors/ces/handlers/resourceGroup";
import type * as cesTagRule from "../vendors/ces/handlers/tagRule";
import type * as cloudflareGroupMember from "../vendors/cloudflare/handlers/groupMember";
import type * as cloudflareGroupMembers from "../vendors/cloudflare/handlers/groupMembers";
import type * as cloudflareResourceGroup from "../vendors/cloudflare/handlers/resourceGroup";
import type * as stronglyGroupMember from "../vendors/strongly/handlers/groupMember";
import type * as stronglyGroupMembers from "../vendors/strongly/handlers/groupMembers";
import type * as stronglyResourceGroup from "../vendors/strongly/handlers/resourceGroup";
import type * as zopnightGroupMember from "../vendors/zopnight/handlers/groupMember";
import type * as zopnightGroupMembers from "../vendors/zopnight/handlers/groupMembers";
import type * as zopnightResourceGroup from "../vendors/zopnight/handlers/resourceGroup";

import type { KindName } from "pulumi-resource-groups-contracts/kinds";
import type { ResourceHandler } from "../core/handler";
import { inSlot } from "../core/engineSlots";
import { lazy } from "../core/lazy";
import { connectedTable } from "./connected";
import { presentErrors } from "./presentErrors";

export { configure, resetSettings } from "../core/settings";
import type * as cesSettings from "../vendors/ces/settings";

/* eslint-disable @typescript-eslint/no-require-imports -- a vendor's code loads when first used */

/** The CES settings a resource without its own `projectId` uses (kept from the single-vendor releases). */
export function resolveSettings(env: NodeJS.ProcessEnv = process.env): cesSettings.CesSettings {
  return (require("../vendors/ces/settings") as typeof cesSettings).resolveCesSettings(undefined, env);
}

/**
 * A kind's handler whose module loads when one of its calls first runs: the provider process answers
 * its first check() without loading the vendors, HTTP client and schemas the program does not use
 * (bench/README.md, "Small stacks"). It also counts the operations that take one of the engine's slots.
 */
function onUse(load: () => ResourceHandler): ResourceHandler {
  const loaded = lazy(load);
  // Creates, reads, updates and deletes are what the engine runs in its slots (core/engineSlots.ts).
  return {
    check: (olds, news) => loaded().check(olds, news),
    diff: (id, olds, news) => loaded().diff(id, olds, news),
    create: (inputs) => inSlot(() => loaded().create(inputs)),
    read: (id, props) => inSlot(() => loaded().read(id, props)),
    update: (id, olds, news) => inSlot(() => loaded().update(id, olds, news)),
    delete: (id, props) => inSlot(() => loaded().delete(id, props)),
  };
}

/**
 * One handler per kind of the contracts' table (a kind without one does not compile), each serving its
 * resources in the connection they name (./connected.ts).
 */
const kindHandlers: { readonly [K in KindName]: ResourceHandler } = {
  // Huawei Cloud Eye (CES) v2, named before there was a second vendor.
  resourceGroup: onUse(
    () => (require("../vendors/ces/handlers/resourceGroup") as typeof cesResourceGroup).resourceGroupHandler,
  ),
  groupMember: onUse(
    () => (require("../vendors/ces/handlers/groupMember") as typeof cesGroupMember).groupMemberHandler,
  ),
  tagRule: onUse(() => (require("../vendors/ces/handlers/tagRule") as typeof cesTagRule).tagRuleHandler),
  groupMembers: onUse(
    () => (require("../vendors/ces/handlers/groupMembers") as typeof cesGroupMembers).groupMembersHandler,
  ),
  cloudflareResourceGroup: onUse(
    () =>
      (require("../vendors/cloudflare/handlers/resourceGroup") as typeof cloudflareResourceGroup)
        .cloudflareResourceGroupHandler,
  ),
  cloudflareGroupMember: onUse(
    () =>
      (require("../vendors/cloudflare/handlers/groupMember") as typeof cloudflareGroupMember)
        .cloudflareGroupMemberHandler,
  ),
  cloudflareGroupMembers: onUse(
    () =>
      (require("../vendors/cloudflare/handlers/groupMembers") as typeof cloudflareGroupMembers)
        .cloudflareGroupMembersHandler,
  ),
  stronglyResourceGroup: onUse(
    () =>
      (require("../vendors/strongly/handlers/resourceGroup") as typeof stronglyResourceGroup)
        .stronglyResourceGroupHandler,
  ),
  stronglyGroupMember: onUse(
    () =>
      (require("../vendors/strongly/handlers/groupMember") as typeof stronglyGroupMember)
        .stronglyGroupMemberHandler,
  ),
  stronglyGroupMembers: onUse(
    () =>
      (require("../vendors/strongly/handlers/groupMembers") as typeof stronglyGroupMembers)
        .stronglyGroupMembersHandler,
  ),
  zopnightResourceGroup: onUse(
    () =>
      (require("../vendors/zopnight/handlers/resourceGroup") as typeof zopnightResourceGroup)
        .zopnightResourceGroupHandler,
  ),
  zopnightGroupMember: onUse(
    () =>
      (require("../vendors/zopnight/handlers/groupMember") as typeof zopnightGroupMember)
        .zopnightGroupMemberHandler,
  ),
  zopnightGroupMembers: onUse(
    () =>
      (require("../vendors/zopnight/handlers/groupMembers") as typeof zopnightGroupMembers)
        .zopnightGroupMembersHandler,
  ),
};

export const handlers = presentErrors(connectedTable(kindHandlers));

export type HandlerKind = KindName;

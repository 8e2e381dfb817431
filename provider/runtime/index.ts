/**
 * What the serialized providers load by package name (`pulumi-resource-groups/runtime`), so the code
 * text stored in each resource's state stays a few lines long.
 *
 * This is a public interface: states written by every earlier release call `configure` and
 * `handlers.<kind>` of this module, so a kind, once released, keeps its name and its handler.
 */
import { groupMemberHandler } from "../vendors/ces/handlers/groupMember";
import { groupMembersHandler } from "../vendors/ces/handlers/groupMembers";
import { resourceGroupHandler } from "../vendors/ces/handlers/resourceGroup";
import { tagRuleHandler } from "../vendors/ces/handlers/tagRule";
import { cloudflareGroupMemberHandler } from "../vendors/cloudflare/handlers/groupMember";
import { cloudflareGroupMembersHandler } from "../vendors/cloudflare/handlers/groupMembers";
import { cloudflareResourceGroupHandler } from "../vendors/cloudflare/handlers/resourceGroup";
import { stronglyGroupMemberHandler } from "../vendors/strongly/handlers/groupMember";
import { stronglyGroupMembersHandler } from "../vendors/strongly/handlers/groupMembers";
import { stronglyResourceGroupHandler } from "../vendors/strongly/handlers/resourceGroup";
import { zopnightGroupMemberHandler } from "../vendors/zopnight/handlers/groupMember";
import { zopnightGroupMembersHandler } from "../vendors/zopnight/handlers/groupMembers";
import { zopnightResourceGroupHandler } from "../vendors/zopnight/handlers/resourceGroup";

import type { KindName } from "pulumi-resource-groups-contracts/kinds";
import type { ResourceHandler } from "../core/handler";
import { connectedTable } from "./connected";

export { configure, resetSettings } from "../core/settings";
import { resolveCesSettings, type CesSettings } from "../vendors/ces/settings";

/** The CES settings a resource without its own `projectId` uses (kept from the single-vendor releases). */
export function resolveSettings(env: NodeJS.ProcessEnv = process.env): CesSettings {
  return resolveCesSettings(undefined, env);
}

/**
 * One handler per kind of the contracts' table (a kind without one does not compile), each serving its
 * resources in the connection they name (./connected.ts).
 */
const kindHandlers: { readonly [K in KindName]: ResourceHandler } = {
  // Huawei Cloud Eye (CES) v2, named before there was a second vendor.
  resourceGroup: resourceGroupHandler,
  groupMember: groupMemberHandler,
  tagRule: tagRuleHandler,
  groupMembers: groupMembersHandler,
  cloudflareResourceGroup: cloudflareResourceGroupHandler,
  cloudflareGroupMember: cloudflareGroupMemberHandler,
  cloudflareGroupMembers: cloudflareGroupMembersHandler,
  stronglyResourceGroup: stronglyResourceGroupHandler,
  stronglyGroupMember: stronglyGroupMemberHandler,
  stronglyGroupMembers: stronglyGroupMembersHandler,
  zopnightResourceGroup: zopnightResourceGroupHandler,
  zopnightGroupMember: zopnightGroupMemberHandler,
  zopnightGroupMembers: zopnightGroupMembersHandler,
};

export const handlers = connectedTable(kindHandlers);

export type HandlerKind = KindName;

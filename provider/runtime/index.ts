/**
 * What the serialized providers load by package name (`pulumi-resource-groups/runtime`), so the
 * code text stored in each resource's state stays a few lines long.
 */
import { groupMemberHandler } from "./groupMemberHandler";
import { resourceGroupHandler } from "./resourceGroupHandler";
import { tagRuleHandler } from "./tagRuleHandler";

export { configure, resetSettings, resolveSettings } from "./settings";

export const handlers = {
  resourceGroup: resourceGroupHandler,
  groupMember: groupMemberHandler,
  tagRule: tagRuleHandler,
};

export type HandlerKind = keyof typeof handlers;

/**
 * pulumi-resource-groups: cloud resource groups as Pulumi resources.
 *
 * Resources: `ResourceGroup`, `GroupMember` (Manual groups) and `TagRule` (TAG groups). Settings come
 * from the stack config namespace `resourcegroups` or `RESOURCEGROUPS_*` environment variables.
 */
export { ResourceGroup, type ResourceGroupArgs, type TagArgs } from "./resources/resourceGroup";
export { GroupMember, type GroupMemberArgs, type DimensionArgs } from "./resources/groupMember";
export { TagRule, type TagRuleArgs } from "./resources/tagRule";
export { GROUP_TYPES, type GroupType } from "./schemas/ces/fields";
export * from "./http/errors";

/**
 * Cloudflare IAM resource groups: `ResourceGroup` (a named scope of zones, or the whole account) and
 * `GroupMember` (one zone added to a group's scope).
 */
export { ResourceGroup, type ResourceGroupArgs } from "./resources/resourceGroup";
export { GroupMember, type GroupMemberArgs } from "./resources/groupMember";

/**
 * Cloudflare IAM resource groups: `ResourceGroup` (a named scope of zones, or the whole account),
 * `GroupMember` (one zone added to a group's scope) and `GroupMembers` (every zone of a group's scope);
 * `getResourceGroup` finds a group the program does not manage.
 */
export { ResourceGroup, type ResourceGroupArgs } from "./resources/resourceGroup";
export { GroupMember, type GroupMemberArgs } from "./resources/groupMember";
export { GroupMembers, type GroupMembersArgs } from "./resources/groupMembers";
export {
  getResourceGroup,
  getResourceGroupOutput,
  type GetResourceGroupArgs,
  type GetResourceGroupResult,
} from "./lookup";

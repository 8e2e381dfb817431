/**
 * Huawei Cloud Eye (CES) v2 resource groups: `ResourceGroup` (types Manual, TAG, EPS), `GroupMember`
 * (one resource of a Manual group), `GroupMembers` (the whole membership of a Manual group) and
 * `TagRule` (one tag-matching rule of a TAG group). These are the package's top-level classes too,
 * with the same type tokens, so moving an import between the two forms changes nothing in a stack.
 */
export { ResourceGroup, type ResourceGroupArgs, type TagArgs } from "./resources/resourceGroup";
export { GroupMember, type GroupMemberArgs, type DimensionArgs } from "./resources/groupMember";
export { GroupMembers, type GroupMembersArgs, type MemberArgs } from "./resources/groupMembers";
export { TagRule, type TagRuleArgs } from "./resources/tagRule";
export {
  getResourceGroup,
  getResourceGroupOutput,
  type GetResourceGroupArgs,
  type GetResourceGroupResult,
} from "./lookup";
import { ces } from "pulumi-resource-groups-contracts/constants";

/** The group types: `Manual`, `TAG`, `EPS`. */
export const GROUP_TYPES = ces.GROUP_TYPES;
export type GroupType = ces.GroupType;

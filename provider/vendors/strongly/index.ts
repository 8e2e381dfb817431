/**
 * Strongly FinOps resource groups: `ResourceGroup` (a named set of platform resources for cost
 * roll-up and chargeback), `GroupMember` (one resource in a group) and `GroupMembers` (a group's whole
 * membership as one resource).
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
import { strongly } from "pulumi-resource-groups-contracts/constants";

/** The kinds of platform resource a group can hold. */
export const MEMBER_TYPES = strongly.MEMBER_TYPES;
export type MemberType = strongly.MemberType;

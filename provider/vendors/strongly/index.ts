/**
 * Strongly FinOps resource groups: `ResourceGroup` (a named set of platform resources for cost
 * roll-up and chargeback) and `GroupMember` (one resource in a group).
 */
export { ResourceGroup, type ResourceGroupArgs } from "./resources/resourceGroup";
export { GroupMember, type GroupMemberArgs } from "./resources/groupMember";
export { MEMBER_TYPES, type MemberType } from "./contracts";

/**
 * ZopNight resource groups: `ResourceGroup`, `GroupMember` (one inventory resource at a tier and an
 * order), `GroupMembers` (the whole membership of a group as one list) and `StartupSequence` (a group
 * and its whole start-up order, tier by tier).
 */
export { ResourceGroup, type ResourceGroupArgs, type AttachedSchedule } from "./resources/resourceGroup";
export { GroupMember, type GroupMemberArgs, type ExecutionTier } from "./resources/groupMember";
export {
  GroupMembers,
  type GroupMembersArgs,
  type ListedMemberArgs,
  type HeldMemberOutput,
} from "./resources/groupMembers";
export { StartupSequence, type StartupSequenceArgs, type SequenceEntry } from "./resources/startupSequence";
export { UnknownResourceError } from "./errors";
export {
  getResourceGroup,
  getResourceGroupOutput,
  type GetResourceGroupArgs,
  type GetResourceGroupResult,
} from "./lookup";
import { zopnight } from "pulumi-resource-groups-contracts/constants";

/** `tier-1` (started first) to `tier-10`. */
export const TIERS = zopnight.TIERS;
/** Where a member without a tier lands. */
export const DEFAULT_TIER = zopnight.DEFAULT_TIER;
export const ZOPNIGHT_LIMITS = zopnight.ZOPNIGHT_LIMITS;

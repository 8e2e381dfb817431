/**
 * The ZopNight resources this pack governs: type tokens, and readers that turn the engine's `props` into
 * preview-safe views. Every field is `undefined` when absent (or not of the declared shape: the provider
 * rejects those) and UNKNOWN when the engine does not know it yet.
 */
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { zopnight } from "pulumi-resource-groups-contracts";
import { isKind } from "../../core/kinds";
import { UNKNOWN, asNumber, asString, readField, readMembersList, readStrings } from "../../core/known";
import type { Listed, Maybe, MembersListView, Plain } from "../../core/known";
import { policyVendor } from "../../core/vendor";

export const ZOPNIGHT_GROUP_TYPE = KINDS.zopnightResourceGroup.token;
export const ZOPNIGHT_MEMBER_TYPE = KINDS.zopnightGroupMember.token;
/** The whole membership of one group as one list, each resource at its tier and order. */
export const ZOPNIGHT_MEMBERS_TYPE = KINDS.zopnightGroupMembers.token;
/** The component that declares a group and its members tier by tier (it is their parent). */
export const STARTUP_SEQUENCE_TYPE = "resourcegroups:zopnight:StartupSequence";

/** The provider's defaults for a member that does not set its place in the start order. */
const DEFAULT_TIER = zopnight.DEFAULT_TIER;
const DEFAULT_ORDER = 1;

export const isZopNightGroup = isKind("zopnightResourceGroup");
export const isZopNightMember = isKind("zopnightGroupMember");
export const isZopNightMembers = isKind("zopnightGroupMembers");

export interface ZopNightGroupView {
  name: Maybe<string> | undefined;
  /** An output: absent from inputs and from outputs of groups still to be created. */
  groupId: Maybe<string> | undefined;
}

export interface ZopNightMemberView {
  groupId: Maybe<string> | undefined;
  /** The ZopNight id (`res_...`) or cloud UID of the member's resource. */
  resource: Maybe<string> | undefined;
  /** {@link DEFAULT_TIER} when not set; any other string is kept as is. */
  executionTier: Maybe<string>;
  /** {@link DEFAULT_ORDER} when not set. */
  executionOrder: Maybe<number> | undefined;
}

/** A member of a GroupMembers' list: the same fields and defaults as a GroupMember's. */
export type ZopNightListedMemberView = Listed<Omit<ZopNightMemberView, "groupId">>;

export type ZopNightMembersView = MembersListView<Omit<ZopNightMemberView, "groupId">>;

export function readZopNightGroup(props: object): ZopNightGroupView {
  return readStrings(props, ["name", "groupId"]);
}

/** A member's resource and place, the provider's defaults filled in. */
function readPlace(fields: {
  resource: Plain | undefined;
  executionTier: Plain | undefined;
  executionOrder: Plain | undefined;
}): Omit<ZopNightMemberView, "groupId"> {
  const { resource, executionTier: tier, executionOrder: order } = fields;
  return {
    resource: asString(resource),
    executionTier:
      tier === undefined || tier === null ? DEFAULT_TIER : (asString(tier) ?? JSON.stringify(tier)),
    executionOrder: order === undefined || order === null ? DEFAULT_ORDER : asNumber(order),
  };
}

export function readZopNightMember(props: object): ZopNightMemberView {
  return {
    groupId: asString(readField(props, "groupId")),
    ...readPlace({
      resource: readField(props, "resource"),
      executionTier: readField(props, "executionTier"),
      executionOrder: readField(props, "executionOrder"),
    }),
  };
}

export function readZopNightMembers(props: object): ZopNightMembersView {
  return readMembersList(
    props,
    (item) =>
      readPlace({
        resource: item["resource"],
        executionTier: item["executionTier"],
        executionOrder: item["executionOrder"],
      }),
    { resource: UNKNOWN, executionTier: UNKNOWN, executionOrder: UNKNOWN },
  );
}

/**
 * ZopNight groups and the GroupMember and GroupMembers resources that target them, for the
 * vendor-neutral policies and the stack policies' target lookup.
 */
export const ZOPNIGHT_VENDOR = policyVendor("zopnight", {
  labelPrefix: "ZopNight ",
  nameRule: zopnight.groupName,
  readGroup: readZopNightGroup,
  targeting: {
    zopnightGroupMember: readZopNightMember,
    zopnightGroupMembers: readZopNightMembers,
  },
});

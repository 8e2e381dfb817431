/**
 * The ZopNight resources this pack governs: type tokens, and readers that turn the engine's `props` into
 * preview-safe views. Every field is `undefined` when absent (or not of the declared shape: the provider
 * rejects those) and UNKNOWN when the engine does not know it yet.
 */
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { zopnight } from "pulumi-resource-groups-contracts";
import { UNKNOWN, asNumber, asString, readField, readListed } from "../../core/known";
import type { Maybe, Plain } from "../../core/known";
import type { GroupKind } from "../../core/targets";
import type { VendorGroup, VendorMembership } from "../../core/vendor";

export const ZOPNIGHT_GROUP_TYPE = KINDS.zopnightResourceGroup.token;
export const ZOPNIGHT_MEMBER_TYPE = KINDS.zopnightGroupMember.token;
/** The whole membership of one group as one list, each resource at its tier and order. */
export const ZOPNIGHT_MEMBERS_TYPE = KINDS.zopnightGroupMembers.token;
/** The component that declares a group and its members tier by tier (it is their parent). */
export const STARTUP_SEQUENCE_TYPE = "resourcegroups:zopnight:StartupSequence";

/** The provider's defaults for a member that does not set its place in the start order. */
export const DEFAULT_TIER = zopnight.DEFAULT_TIER;
export const DEFAULT_ORDER = 1;

/** The inputs of a ZopNight GroupMembers, as the provider declares them. */
export interface ZopNightMembersInputs {
  groupId: string;
  /** Each resource once; tier and order default as for a GroupMember. `[]` means none. */
  members: { resource: string; executionTier?: string; executionOrder?: number }[];
}

interface Typed {
  type: string;
}

export function isZopNightGroup<R extends Typed>(resource: R): boolean {
  return resource.type === ZOPNIGHT_GROUP_TYPE;
}

export function isZopNightMember<R extends Typed>(resource: R): boolean {
  return resource.type === ZOPNIGHT_MEMBER_TYPE;
}

export function isZopNightMembers<R extends Typed>(resource: R): boolean {
  return resource.type === ZOPNIGHT_MEMBERS_TYPE;
}

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
export interface ZopNightListedMemberView extends Omit<ZopNightMemberView, "groupId"> {
  /** Position in the GroupMembers' `members`, for messages. */
  index: number;
}

export interface ZopNightMembersView {
  groupId: Maybe<string> | undefined;
  /** UNKNOWN while the list is computed from values not known yet. */
  members: Maybe<ZopNightListedMemberView[]> | undefined;
}

export function readZopNightGroup(props: object): ZopNightGroupView {
  return {
    name: asString(readField(props, "name")),
    groupId: asString(readField(props, "groupId")),
  };
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
  return {
    groupId: asString(readField(props, "groupId")),
    members: readListed(
      readField(props, "members"),
      (item) =>
        readPlace({
          resource: item["resource"],
          executionTier: item["executionTier"],
          executionOrder: item["executionOrder"],
        }),
      { resource: UNKNOWN, executionTier: UNKNOWN, executionOrder: UNKNOWN },
    ),
  };
}

export const ZOPNIGHT_GROUP: VendorGroup = {
  type: ZOPNIGHT_GROUP_TYPE,
  label: "ZopNight ResourceGroup",
  nameRule: zopnight.groupName,
};

/**
 * ZopNight groups and the GroupMember and GroupMembers resources that target them, for the stack
 * policies' target lookup.
 */
export const ZOPNIGHT_GROUPS: GroupKind<ZopNightGroupView> = {
  isGroup: isZopNightGroup,
  readGroup: readZopNightGroup,
  groupIdOf: (view) => view.groupId,
  targetIdOf: (resource) =>
    isZopNightMember(resource)
      ? readZopNightMember(resource.props).groupId
      : isZopNightMembers(resource)
        ? readZopNightMembers(resource.props).groupId
        : undefined,
};

/** ZopNight members for the vendor-neutral policies: one GroupMember each, or a GroupMembers. */
export const ZOPNIGHT_MEMBERSHIP: VendorMembership<ZopNightGroupView> = {
  labels: {
    group: "ZopNight ResourceGroup",
    member: "ZopNight GroupMember",
    members: "ZopNight GroupMembers",
  },
  groups: ZOPNIGHT_GROUPS,
  isMember: isZopNightMember,
  isMembers: isZopNightMembers,
};

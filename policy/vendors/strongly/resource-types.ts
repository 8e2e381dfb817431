/**
 * The Strongly FinOps resources this pack governs: type tokens, and readers that turn the engine's
 * `props` into preview-safe views. Every field is `undefined` when absent (or not of the declared shape:
 * the provider rejects those) and UNKNOWN when the engine does not know it yet.
 */
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { strongly } from "pulumi-resource-groups-contracts";
import { UNKNOWN, asString, readField, readListed } from "../../core/known";
import type { Maybe } from "../../core/known";
import type { GroupKind } from "../../core/targets";
import type { VendorGroup, VendorMembership } from "../../core/vendor";

export const STRONGLY_GROUP_TYPE = KINDS.stronglyResourceGroup.token;
export const STRONGLY_MEMBER_TYPE = KINDS.stronglyGroupMember.token;
/** The whole membership of one group, as one list. */
export const STRONGLY_MEMBERS_TYPE = KINDS.stronglyGroupMembers.token;

/** The inputs of a Strongly GroupMembers, as the provider declares them. */
export interface StronglyMembersInputs {
  groupId: string;
  /** Each `(type, resourceId)` once, at most 500; `[]` means none. */
  members: { type: string; resourceId: string; name: string }[];
}

interface Typed {
  type: string;
}

export function isStronglyGroup<R extends Typed>(resource: R): boolean {
  return resource.type === STRONGLY_GROUP_TYPE;
}

export function isStronglyMember<R extends Typed>(resource: R): boolean {
  return resource.type === STRONGLY_MEMBER_TYPE;
}

export function isStronglyMembers<R extends Typed>(resource: R): boolean {
  return resource.type === STRONGLY_MEMBERS_TYPE;
}

export interface StronglyGroupView {
  name: Maybe<string> | undefined;
  description: Maybe<string> | undefined;
  /** An output: absent from inputs and from outputs of groups still to be created. */
  groupId: Maybe<string> | undefined;
}

export interface StronglyMemberView {
  groupId: Maybe<string> | undefined;
  /** The kind of platform resource, e.g. `app` or `ml_model`. */
  type: Maybe<string> | undefined;
  resourceId: Maybe<string> | undefined;
}

export interface StronglyListedMemberView {
  /** Position in the GroupMembers' `members`, for messages. */
  index: number;
  type: Maybe<string> | undefined;
  resourceId: Maybe<string> | undefined;
}

export interface StronglyMembersView {
  groupId: Maybe<string> | undefined;
  /** UNKNOWN while the list is computed from values not known yet. */
  members: Maybe<StronglyListedMemberView[]> | undefined;
}

export function readStronglyGroup(props: object): StronglyGroupView {
  return {
    name: asString(readField(props, "name")),
    description: asString(readField(props, "description")),
    groupId: asString(readField(props, "groupId")),
  };
}

export function readStronglyMember(props: object): StronglyMemberView {
  return {
    groupId: asString(readField(props, "groupId")),
    type: asString(readField(props, "type")),
    resourceId: asString(readField(props, "resourceId")),
  };
}

export function readStronglyMembers(props: object): StronglyMembersView {
  return {
    groupId: asString(readField(props, "groupId")),
    members: readListed(
      readField(props, "members"),
      (item) => ({ type: asString(item["type"]), resourceId: asString(item["resourceId"]) }),
      { type: UNKNOWN, resourceId: UNKNOWN },
    ),
  };
}

export const STRONGLY_GROUP: VendorGroup = {
  type: STRONGLY_GROUP_TYPE,
  label: "Strongly ResourceGroup",
  nameRule: strongly.groupName,
};

/**
 * Strongly groups and the GroupMember and GroupMembers resources that target them, for the stack
 * policies' target lookup.
 */
export const STRONGLY_GROUPS: GroupKind<StronglyGroupView> = {
  isGroup: isStronglyGroup,
  readGroup: readStronglyGroup,
  groupIdOf: (view) => view.groupId,
  targetIdOf: (resource) =>
    isStronglyMember(resource)
      ? readStronglyMember(resource.props).groupId
      : isStronglyMembers(resource)
        ? readStronglyMembers(resource.props).groupId
        : undefined,
};

/** Strongly members for the vendor-neutral policies: one GroupMember each, or a GroupMembers. */
export const STRONGLY_MEMBERSHIP: VendorMembership<StronglyGroupView> = {
  labels: {
    group: "Strongly ResourceGroup",
    member: "Strongly GroupMember",
    members: "Strongly GroupMembers",
  },
  groups: STRONGLY_GROUPS,
  isMember: isStronglyMember,
  isMembers: isStronglyMembers,
};

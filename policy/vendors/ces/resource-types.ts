/**
 * The Huawei Cloud Eye (CES) resources this pack governs: their type tokens, their property shapes, and
 * readers that turn the engine's `props` into typed, preview-safe views.
 *
 * Policies match on these exact tokens, never on the generic `pulumi-nodejs:dynamic:Resource` type.
 * CES came first, so its tokens have no vendor segment and its messages say plain `ResourceGroup`.
 */
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { ces } from "pulumi-resource-groups-contracts";
import { isKind } from "../../core/kinds";
import { UNKNOWN, asString, readField, readListed, readMembersList, readStrings } from "../../core/known";
import type { Listed, Maybe, MembersListView, Plain } from "../../core/known";
import { policyVendor } from "../../core/vendor";

export const RESOURCE_GROUP_TYPE = KINDS.resourceGroup.token;
export const GROUP_MEMBER_TYPE = KINDS.groupMember.token;
export const TAG_RULE_TYPE = KINDS.tagRule.token;
/** The whole membership of one Manual group, as one list. */
export const GROUP_MEMBERS_TYPE = KINDS.groupMembers.token;

export const { GROUP_TYPES } = ces;
export type GroupType = ces.GroupType;
/** The provider's default when `type` is not set. */
export const DEFAULT_GROUP_TYPE: GroupType = "Manual";

export function isGroupType(value: unknown): value is GroupType {
  return typeof value === "string" && (GROUP_TYPES as readonly string[]).includes(value);
}

/** A tag of a group, as the provider declares it. */
export interface GroupTag {
  key: string;
  value?: string;
}

// ---- Type guards -------------------------------------------------------------------------------------

export const isResourceGroup = isKind("resourceGroup");
export const isGroupMember = isKind("groupMember");
export const isGroupMembers = isKind("groupMembers");
export const isTagRule = isKind("tagRule");

// ---- Preview-safe views of `props` --------------------------------------------------------------------
// Every field is `undefined` when absent (or not of the declared shape: the provider rejects those) and
// UNKNOWN when the engine does not know it yet.

/** A tag, with its position in the group's `tags` for messages. */
export type TagView = Listed<{ key: Maybe<string> | undefined; value: Maybe<string> | undefined }>;

export interface ResourceGroupView {
  name: Maybe<string> | undefined;
  /** Defaults to {@link DEFAULT_GROUP_TYPE} when absent; any other string is kept as is. */
  type: Maybe<string>;
  /** `type` was not set: {@link DEFAULT_GROUP_TYPE} applies. */
  typeIsDefault: boolean;
  tags: Maybe<TagView[]> | undefined;
  /** An output: absent from inputs and from outputs of groups still to be created. */
  groupId: Maybe<string> | undefined;
}

export interface GroupMemberView {
  groupId: Maybe<string> | undefined;
  namespace: Maybe<string> | undefined;
}

export type ListedMemberView = Listed<{ namespace: Maybe<string> | undefined }>;

export type GroupMembersView = MembersListView<{ namespace: Maybe<string> | undefined }>;

export interface TagRuleView {
  groupId: Maybe<string> | undefined;
  key: Maybe<string> | undefined;
  value: Maybe<string> | undefined;
}

function readTags(value: Plain | undefined): Maybe<TagView[]> | undefined {
  return readListed(value, (item) => ({ key: asString(item["key"]), value: asString(item["value"]) }), {
    key: UNKNOWN,
    value: UNKNOWN,
  });
}

export function readResourceGroup(props: object): ResourceGroupView {
  const type = readField(props, "type");
  const typeIsDefault = type === undefined || type === null;
  return {
    name: asString(readField(props, "name")),
    type: typeIsDefault ? DEFAULT_GROUP_TYPE : (asString(type) ?? JSON.stringify(type)),
    typeIsDefault,
    tags: readTags(readField(props, "tags")),
    groupId: asString(readField(props, "groupId")),
  };
}

export function readGroupMember(props: object): GroupMemberView {
  return readStrings(props, ["groupId", "namespace"]);
}

export function readGroupMembers(props: object): GroupMembersView {
  return readMembersList(props, (item) => ({ namespace: asString(item["namespace"]) }), {
    namespace: UNKNOWN,
  });
}

export function readTagRule(props: object): TagRuleView {
  return readStrings(props, ["groupId", "key", "value"]);
}

/**
 * CES groups and the GroupMember, GroupMembers and TagRule resources that target them, for the
 * vendor-neutral policies and the stack policies' target lookup.
 */
export const CES_VENDOR = policyVendor("ces", {
  labelPrefix: "",
  nameRule: ces.groupName,
  readGroup: readResourceGroup,
  targeting: {
    groupMember: readGroupMember,
    groupMembers: readGroupMembers,
    tagRule: readTagRule,
  },
});

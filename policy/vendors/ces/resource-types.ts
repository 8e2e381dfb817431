/**
 * The Huawei Cloud Eye (CES) resources this pack governs: their type tokens, their property shapes, and
 * readers that turn the engine's `props` into typed, preview-safe views.
 *
 * Policies match on these exact tokens, never on the generic `pulumi-nodejs:dynamic:Resource` type.
 * CES came first, so its tokens have no vendor segment and its messages say plain `ResourceGroup`.
 */
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { ces } from "pulumi-resource-groups-contracts";
import { UNKNOWN, asString, isPlainObject, readField, readListed } from "../../core/known";
import type { Maybe, Plain } from "../../core/known";
import type { GroupKind } from "../../core/targets";
import type { VendorGroup, VendorMembership } from "../../core/vendor";

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

// ---- Property shapes (as the provider declares them) ------------------------------------------------

export interface GroupTag {
  key: string;
  value?: string;
}

export interface ResourceGroupInputs {
  name: string;
  type?: GroupType;
  tags?: GroupTag[];
  associationEpIds?: string[];
  enterpriseProjectId?: string;
  adopt?: boolean;
}

export interface ResourceGroupOutputs extends ResourceGroupInputs {
  /** `rg` + 22 alphanumerics. */
  groupId: string;
  createTime: number;
}

export interface Dimension {
  name: string;
  value: string;
}

export interface GroupMemberInputs {
  groupId: string;
  /** e.g. `SYS.ECS`. */
  namespace: string;
  dimensions: Dimension[];
}

export interface ListedMemberInputs {
  namespace: string;
  dimensions: Dimension[];
}

export interface GroupMembersInputs {
  groupId: string;
  /** Every member of the group; `[]` means none. */
  members: ListedMemberInputs[];
  projectId?: string;
}

export interface TagRuleInputs {
  groupId: string;
  key: string;
  value: string;
}

// ---- Type guards -------------------------------------------------------------------------------------

interface Typed {
  type: string;
}

export function isResourceGroup<R extends Typed>(
  resource: R,
): resource is R & { type: typeof RESOURCE_GROUP_TYPE } {
  return resource.type === RESOURCE_GROUP_TYPE;
}

export function isGroupMember<R extends Typed>(
  resource: R,
): resource is R & { type: typeof GROUP_MEMBER_TYPE } {
  return resource.type === GROUP_MEMBER_TYPE;
}

export function isGroupMembers<R extends Typed>(
  resource: R,
): resource is R & { type: typeof GROUP_MEMBERS_TYPE } {
  return resource.type === GROUP_MEMBERS_TYPE;
}

export function isTagRule<R extends Typed>(resource: R): resource is R & { type: typeof TAG_RULE_TYPE } {
  return resource.type === TAG_RULE_TYPE;
}

// ---- Preview-safe views of `props` --------------------------------------------------------------------
// Every field is `undefined` when absent (or not of the declared shape: the provider rejects those) and
// UNKNOWN when the engine does not know it yet.

export interface TagView {
  /** Position in the group's `tags`, for messages. */
  index: number;
  key: Maybe<string> | undefined;
  value: Maybe<string> | undefined;
}

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

export interface ListedMemberView {
  /** Position in the GroupMembers' `members`, for messages. */
  index: number;
  namespace: Maybe<string> | undefined;
}

export interface GroupMembersView {
  groupId: Maybe<string> | undefined;
  /** UNKNOWN while the list is computed from values not known yet. */
  members: Maybe<ListedMemberView[]> | undefined;
}

export interface TagRuleView {
  groupId: Maybe<string> | undefined;
  key: Maybe<string> | undefined;
  value: Maybe<string> | undefined;
}

function readTags(value: Plain | undefined): Maybe<TagView[]> | undefined {
  if (value === UNKNOWN) {
    return UNKNOWN;
  }
  if (!Array.isArray(value)) {
    return undefined;
  }
  const tags: TagView[] = [];
  value.forEach((item, index) => {
    if (item === UNKNOWN) {
      tags.push({ index, key: UNKNOWN, value: UNKNOWN });
    } else if (isPlainObject(item)) {
      tags.push({ index, key: asString(item["key"]), value: asString(item["value"]) });
    }
  });
  return tags;
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
  return {
    groupId: asString(readField(props, "groupId")),
    namespace: asString(readField(props, "namespace")),
  };
}

export function readGroupMembers(props: object): GroupMembersView {
  return {
    groupId: asString(readField(props, "groupId")),
    members: readListed(readField(props, "members"), (item) => ({ namespace: asString(item["namespace"]) }), {
      namespace: UNKNOWN,
    }),
  };
}

export function readTagRule(props: object): TagRuleView {
  return {
    groupId: asString(readField(props, "groupId")),
    key: asString(readField(props, "key")),
    value: asString(readField(props, "value")),
  };
}

/** CES groups for the vendor-neutral policies. */
export const CES_GROUP: VendorGroup = {
  type: RESOURCE_GROUP_TYPE,
  label: "ResourceGroup",
  nameRule: ces.groupName,
};

/**
 * CES groups and the GroupMember, GroupMembers and TagRule resources that target them, for the stack
 * policies' target lookup.
 */
export const CES_GROUPS: GroupKind<ResourceGroupView> = {
  isGroup: isResourceGroup,
  readGroup: readResourceGroup,
  groupIdOf: (view) => view.groupId,
  targetIdOf: (resource) =>
    isGroupMember(resource)
      ? readGroupMember(resource.props).groupId
      : isGroupMembers(resource)
        ? readGroupMembers(resource.props).groupId
        : isTagRule(resource)
          ? readTagRule(resource.props).groupId
          : undefined,
};

/** CES members for the vendor-neutral policies: one GroupMember each, or a GroupMembers. */
export const CES_MEMBERSHIP: VendorMembership<ResourceGroupView> = {
  labels: { group: "ResourceGroup", member: "GroupMember", members: "GroupMembers" },
  groups: CES_GROUPS,
  isMember: isGroupMember,
  isMembers: isGroupMembers,
};

/**
 * The Cloudflare IAM resources this pack governs: type tokens, and readers that turn the engine's
 * `props` into preview-safe views. Every field is `undefined` when absent (or not of the declared shape:
 * the provider rejects those) and UNKNOWN when the engine does not know it yet.
 */
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { cloudflare } from "pulumi-resource-groups-contracts";
import { UNKNOWN, asBoolean, asString, readField } from "../../core/known";
import type { Maybe } from "../../core/known";
import type { GroupKind } from "../../core/targets";
import type { VendorGroup, VendorMembership } from "../../core/vendor";

export const CLOUDFLARE_GROUP_TYPE = KINDS.cloudflareResourceGroup.token;
export const CLOUDFLARE_MEMBER_TYPE = KINDS.cloudflareGroupMember.token;
/** Every zone of one group's scope, as one list. */
export const CLOUDFLARE_MEMBERS_TYPE = KINDS.cloudflareGroupMembers.token;

/** The inputs of a Cloudflare GroupMembers, as the provider declares them. */
export interface CloudflareMembersInputs {
  groupId: string;
  /** 1-100 zone ids; must include the group's own `zones`. */
  zoneIds: string[];
  accountId?: string;
}

interface Typed {
  type: string;
}

export function isCloudflareGroup<R extends Typed>(resource: R): boolean {
  return resource.type === CLOUDFLARE_GROUP_TYPE;
}

export function isCloudflareMember<R extends Typed>(resource: R): boolean {
  return resource.type === CLOUDFLARE_MEMBER_TYPE;
}

export function isCloudflareMembers<R extends Typed>(resource: R): boolean {
  return resource.type === CLOUDFLARE_MEMBERS_TYPE;
}

export interface CloudflareGroupView {
  name: Maybe<string> | undefined;
  /** `false` when not set (the provider's default). */
  wholeAccount: Maybe<boolean>;
  /** `false` when not set (the provider's default). */
  exclusive: Maybe<boolean>;
  /** An output: absent from inputs and from outputs of groups still to be created. */
  groupId: Maybe<string> | undefined;
}

export interface CloudflareMemberView {
  groupId: Maybe<string> | undefined;
  zoneId: Maybe<string> | undefined;
}

export interface CloudflareMembersView {
  groupId: Maybe<string> | undefined;
  /** UNKNOWN while the list is not known yet; an item not known yet is UNKNOWN, a non-string `undefined`. */
  zoneIds: Maybe<(Maybe<string> | undefined)[]> | undefined;
}

export function readCloudflareGroup(props: object): CloudflareGroupView {
  return {
    name: asString(readField(props, "name")),
    wholeAccount: asBoolean(readField(props, "wholeAccount")) ?? false,
    exclusive: asBoolean(readField(props, "exclusive")) ?? false,
    groupId: asString(readField(props, "groupId")),
  };
}

export function readCloudflareMember(props: object): CloudflareMemberView {
  return {
    groupId: asString(readField(props, "groupId")),
    zoneId: asString(readField(props, "zoneId")),
  };
}

export function readCloudflareMembers(props: object): CloudflareMembersView {
  const zoneIds = readField(props, "zoneIds");
  return {
    groupId: asString(readField(props, "groupId")),
    zoneIds: zoneIds === UNKNOWN ? UNKNOWN : Array.isArray(zoneIds) ? zoneIds.map(asString) : undefined,
  };
}

export const CLOUDFLARE_GROUP: VendorGroup = {
  type: CLOUDFLARE_GROUP_TYPE,
  label: "Cloudflare ResourceGroup",
  nameRule: cloudflare.groupName,
};

/**
 * Cloudflare groups and the GroupMember and GroupMembers resources that target them, for the stack
 * policies' target lookup.
 */
export const CLOUDFLARE_GROUPS: GroupKind<CloudflareGroupView> = {
  isGroup: isCloudflareGroup,
  readGroup: readCloudflareGroup,
  groupIdOf: (view) => view.groupId,
  targetIdOf: (resource) =>
    isCloudflareMember(resource)
      ? readCloudflareMember(resource.props).groupId
      : isCloudflareMembers(resource)
        ? readCloudflareMembers(resource.props).groupId
        : undefined,
};

/** Cloudflare members for the vendor-neutral policies: one GroupMember each, or a GroupMembers. */
export const CLOUDFLARE_MEMBERSHIP: VendorMembership<CloudflareGroupView> = {
  labels: {
    group: "Cloudflare ResourceGroup",
    member: "Cloudflare GroupMember",
    members: "Cloudflare GroupMembers",
  },
  groups: CLOUDFLARE_GROUPS,
  isMember: isCloudflareMember,
  isMembers: isCloudflareMembers,
};

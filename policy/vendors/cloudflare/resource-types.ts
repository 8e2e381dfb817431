/**
 * The Cloudflare IAM resources this pack governs: type tokens, and readers that turn the engine's
 * `props` into preview-safe views. Every field is `undefined` when absent (or not of the declared shape:
 * the provider rejects those) and UNKNOWN when the engine does not know it yet.
 */
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { cloudflare } from "pulumi-resource-groups-contracts";
import { isKind } from "../../core/kinds";
import { UNKNOWN, asBoolean, asString, readField, readStrings } from "../../core/known";
import type { Maybe } from "../../core/known";
import { policyVendor } from "../../core/vendor";

export const CLOUDFLARE_GROUP_TYPE = KINDS.cloudflareResourceGroup.token;
export const CLOUDFLARE_MEMBER_TYPE = KINDS.cloudflareGroupMember.token;
/** Every zone of one group's scope, as one list. */
export const CLOUDFLARE_MEMBERS_TYPE = KINDS.cloudflareGroupMembers.token;

export const isCloudflareGroup = isKind("cloudflareResourceGroup");
export const isCloudflareMember = isKind("cloudflareGroupMember");
export const isCloudflareMembers = isKind("cloudflareGroupMembers");

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
    ...readStrings(props, ["name", "groupId"]),
    wholeAccount: asBoolean(readField(props, "wholeAccount")) ?? false,
    exclusive: asBoolean(readField(props, "exclusive")) ?? false,
  };
}

export function readCloudflareMember(props: object): CloudflareMemberView {
  return readStrings(props, ["groupId", "zoneId"]);
}

export function readCloudflareMembers(props: object): CloudflareMembersView {
  const zoneIds = readField(props, "zoneIds");
  return {
    groupId: asString(readField(props, "groupId")),
    zoneIds: zoneIds === UNKNOWN ? UNKNOWN : Array.isArray(zoneIds) ? zoneIds.map(asString) : undefined,
  };
}

/**
 * Cloudflare groups and the GroupMember and GroupMembers resources that target them, for the
 * vendor-neutral policies and the stack policies' target lookup.
 */
export const CLOUDFLARE_VENDOR = policyVendor("cloudflare", {
  labelPrefix: "Cloudflare ",
  nameRule: cloudflare.groupName,
  readGroup: readCloudflareGroup,
  targeting: {
    cloudflareGroupMember: readCloudflareMember,
    cloudflareGroupMembers: readCloudflareMembers,
  },
});

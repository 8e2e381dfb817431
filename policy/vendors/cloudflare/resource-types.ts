/**
 * The Cloudflare IAM resources this pack governs: type tokens, and readers that turn the engine's
 * `props` into preview-safe views. Every field is `undefined` when absent (or not of the declared shape:
 * the provider rejects those) and UNKNOWN when the engine does not know it yet.
 */
import { cloudflare } from "pulumi-resource-groups/contracts";
import { asBoolean, asString, readField } from "../../core/known";
import type { Maybe } from "../../core/known";
import type { GroupKind } from "../../core/targets";
import type { VendorGroup } from "../../core/vendor";

export const CLOUDFLARE_GROUP_TYPE = "pulumi-nodejs:dynamic/resourcegroups/cloudflare:ResourceGroup";
export const CLOUDFLARE_MEMBER_TYPE = "pulumi-nodejs:dynamic/resourcegroups/cloudflare:GroupMember";

interface Typed {
  type: string;
}

export function isCloudflareGroup<R extends Typed>(resource: R): boolean {
  return resource.type === CLOUDFLARE_GROUP_TYPE;
}

export function isCloudflareMember<R extends Typed>(resource: R): boolean {
  return resource.type === CLOUDFLARE_MEMBER_TYPE;
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

export const CLOUDFLARE_GROUP: VendorGroup = {
  type: CLOUDFLARE_GROUP_TYPE,
  label: "Cloudflare ResourceGroup",
  nameRule: cloudflare.groupName,
};

/** Cloudflare groups and the GroupMembers that target them, for the stack policies' target lookup. */
export const CLOUDFLARE_GROUPS: GroupKind<CloudflareGroupView> = {
  isGroup: isCloudflareGroup,
  readGroup: readCloudflareGroup,
  groupIdOf: (view) => view.groupId,
  targetIdOf: (resource) =>
    isCloudflareMember(resource) ? readCloudflareMember(resource.props).groupId : undefined,
};

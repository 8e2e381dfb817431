/**
 * The ZopNight resources this pack governs: type tokens, and readers that turn the engine's `props` into
 * preview-safe views. Every field is `undefined` when absent (or not of the declared shape: the provider
 * rejects those) and UNKNOWN when the engine does not know it yet.
 */
import { zopnight } from "pulumi-resource-groups/contracts";
import { asNumber, asString, readField } from "../../core/known";
import type { Maybe } from "../../core/known";
import type { GroupKind } from "../../core/targets";
import type { VendorGroup } from "../../core/vendor";

export const ZOPNIGHT_GROUP_TYPE = "pulumi-nodejs:dynamic/resourcegroups/zopnight:ResourceGroup";
export const ZOPNIGHT_MEMBER_TYPE = "pulumi-nodejs:dynamic/resourcegroups/zopnight:GroupMember";
/** The component that declares a group and its members tier by tier (it is their parent). */
export const STARTUP_SEQUENCE_TYPE = "resourcegroups:zopnight:StartupSequence";

/** The provider's defaults for a member that does not set its place in the start order. */
export const DEFAULT_TIER = zopnight.DEFAULT_TIER;
export const DEFAULT_ORDER = 1;

interface Typed {
  type: string;
}

export function isZopNightGroup<R extends Typed>(resource: R): boolean {
  return resource.type === ZOPNIGHT_GROUP_TYPE;
}

export function isZopNightMember<R extends Typed>(resource: R): boolean {
  return resource.type === ZOPNIGHT_MEMBER_TYPE;
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

export function readZopNightGroup(props: object): ZopNightGroupView {
  return {
    name: asString(readField(props, "name")),
    groupId: asString(readField(props, "groupId")),
  };
}

export function readZopNightMember(props: object): ZopNightMemberView {
  const tier = readField(props, "executionTier");
  const order = readField(props, "executionOrder");
  return {
    groupId: asString(readField(props, "groupId")),
    resource: asString(readField(props, "resource")),
    executionTier:
      tier === undefined || tier === null ? DEFAULT_TIER : (asString(tier) ?? JSON.stringify(tier)),
    executionOrder: order === undefined || order === null ? DEFAULT_ORDER : asNumber(order),
  };
}

export const ZOPNIGHT_GROUP: VendorGroup = {
  type: ZOPNIGHT_GROUP_TYPE,
  label: "ZopNight ResourceGroup",
  nameRule: zopnight.groupName,
};

/** ZopNight groups and the GroupMembers that target them, for the stack policies' target lookup. */
export const ZOPNIGHT_GROUPS: GroupKind<ZopNightGroupView> = {
  isGroup: isZopNightGroup,
  readGroup: readZopNightGroup,
  groupIdOf: (view) => view.groupId,
  targetIdOf: (resource) =>
    isZopNightMember(resource) ? readZopNightMember(resource.props).groupId : undefined,
};

/**
 * The Strongly FinOps resources this pack governs: type tokens, and readers that turn the engine's
 * `props` into preview-safe views. Every field is `undefined` when absent (or not of the declared shape:
 * the provider rejects those) and UNKNOWN when the engine does not know it yet.
 */
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { strongly } from "pulumi-resource-groups-contracts";
import { isKind } from "../../core/kinds";
import { UNKNOWN, asString, readMembersList, readStrings } from "../../core/known";
import type { Listed, Maybe, MembersListView } from "../../core/known";
import { policyVendor } from "../../core/vendor";

export const STRONGLY_GROUP_TYPE = KINDS.stronglyResourceGroup.token;
export const STRONGLY_MEMBER_TYPE = KINDS.stronglyGroupMember.token;
/** The whole membership of one group, as one list. */
export const STRONGLY_MEMBERS_TYPE = KINDS.stronglyGroupMembers.token;

export const isStronglyGroup = isKind("stronglyResourceGroup");
export const isStronglyMember = isKind("stronglyGroupMember");
export const isStronglyMembers = isKind("stronglyGroupMembers");

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

/** A member of a GroupMembers' list: the same fields as a GroupMember's. */
export type StronglyListedMemberView = Listed<Omit<StronglyMemberView, "groupId">>;

export type StronglyMembersView = MembersListView<Omit<StronglyMemberView, "groupId">>;

export function readStronglyGroup(props: object): StronglyGroupView {
  return readStrings(props, ["name", "description", "groupId"]);
}

export function readStronglyMember(props: object): StronglyMemberView {
  return readStrings(props, ["groupId", "type", "resourceId"]);
}

export function readStronglyMembers(props: object): StronglyMembersView {
  return readMembersList(
    props,
    (item) => ({ type: asString(item["type"]), resourceId: asString(item["resourceId"]) }),
    { type: UNKNOWN, resourceId: UNKNOWN },
  );
}

/**
 * Strongly groups and the GroupMember and GroupMembers resources that target them, for the
 * vendor-neutral policies and the stack policies' target lookup.
 */
export const STRONGLY_VENDOR = policyVendor("strongly", {
  labelPrefix: "Strongly ",
  nameRule: strongly.groupName,
  readGroup: readStronglyGroup,
  targeting: {
    stronglyGroupMember: readStronglyMember,
    stronglyGroupMembers: readStronglyMembers,
  },
});

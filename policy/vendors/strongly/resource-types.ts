/**
 * The Strongly FinOps resources this pack governs: type tokens, and readers that turn the engine's
 * `props` into preview-safe views. Every field is `undefined` when absent (or not of the declared shape:
 * the provider rejects those) and UNKNOWN when the engine does not know it yet.
 */
import { strongly } from "pulumi-resource-groups/contracts";
import { asString, readField } from "../../core/known";
import type { Maybe } from "../../core/known";
import type { VendorGroup } from "../../core/vendor";

export const STRONGLY_GROUP_TYPE = "pulumi-nodejs:dynamic/resourcegroups/strongly:ResourceGroup";
export const STRONGLY_MEMBER_TYPE = "pulumi-nodejs:dynamic/resourcegroups/strongly:GroupMember";

interface Typed {
  type: string;
}

export function isStronglyGroup<R extends Typed>(resource: R): boolean {
  return resource.type === STRONGLY_GROUP_TYPE;
}

export function isStronglyMember<R extends Typed>(resource: R): boolean {
  return resource.type === STRONGLY_MEMBER_TYPE;
}

export interface StronglyGroupView {
  name: Maybe<string> | undefined;
  description: Maybe<string> | undefined;
}

export interface StronglyMemberView {
  groupId: Maybe<string> | undefined;
  /** The kind of platform resource, e.g. `app` or `ml_model`. */
  type: Maybe<string> | undefined;
  resourceId: Maybe<string> | undefined;
}

export function readStronglyGroup(props: object): StronglyGroupView {
  return {
    name: asString(readField(props, "name")),
    description: asString(readField(props, "description")),
  };
}

export function readStronglyMember(props: object): StronglyMemberView {
  return {
    groupId: asString(readField(props, "groupId")),
    type: asString(readField(props, "type")),
    resourceId: asString(readField(props, "resourceId")),
  };
}

export const STRONGLY_GROUP: VendorGroup = {
  type: STRONGLY_GROUP_TYPE,
  label: "Strongly ResourceGroup",
  nameRule: strongly.groupName,
};

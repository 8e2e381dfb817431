/**
 * Which ResourceGroup a GroupMember or TagRule targets, inside a stack policy.
 *
 * During preview the `groupId` of a group that is still to be created is unknown, so the target is found
 * in this order:
 *   1. a known `groupId` equal to the `groupId` output of a ResourceGroup of the stack;
 *   2. the ResourceGroups in `propertyDependencies.groupId` (the resources the `groupId` input was
 *      computed from, as the Node.js SDK records them);
 *   3. otherwise the target is outside the stack (a known `groupId` nobody in the stack has) or cannot be
 *      told (`groupId` unknown and not computed from a ResourceGroup of the stack).
 */
import type { PolicyResource } from "@pulumi/policy";
import {
  GROUP_MEMBER_TYPE,
  TAG_RULE_TYPE,
  isResourceGroup,
  readGroupMember,
  readResourceGroup,
  readTagRule,
} from "../resource-types";
import type { ResourceGroupView } from "../resource-types";

/** The parts of a `PolicyResource` the stack policies use. */
export type StackResource = Pick<PolicyResource, "type" | "name" | "urn" | "props" | "propertyDependencies">;

export interface GroupRef {
  resource: StackResource;
  view: ResourceGroupView;
}

export type Target =
  | { kind: "group"; group: GroupRef }
  /** `groupId` was computed from several groups of the stack. */
  | { kind: "ambiguous"; groups: GroupRef[] }
  /** A known `groupId` that no ResourceGroup of the stack has. */
  | { kind: "external"; groupId: string }
  /** `groupId` is absent or unknown, and not computed from a ResourceGroup of the stack. */
  | { kind: "unresolved" };

export class StackGroups {
  readonly groups: GroupRef[];
  private readonly byUrn = new Map<string, GroupRef>();
  private readonly byGroupId = new Map<string, GroupRef>();

  constructor(resources: readonly StackResource[]) {
    this.groups = resources.filter(isResourceGroup).map((resource) => ({
      resource,
      view: readResourceGroup(resource.props),
    }));
    for (const group of this.groups) {
      this.byUrn.set(group.resource.urn, group);
      if (typeof group.view.groupId === "string") {
        this.byGroupId.set(group.view.groupId, group);
      }
    }
  }

  /** The target of a GroupMember or TagRule (anything with a `groupId` input). */
  targetOf(resource: StackResource): Target {
    const groupId =
      resource.type === GROUP_MEMBER_TYPE
        ? readGroupMember(resource.props).groupId
        : resource.type === TAG_RULE_TYPE
          ? readTagRule(resource.props).groupId
          : undefined;
    if (typeof groupId === "string") {
      const byId = this.byGroupId.get(groupId);
      if (byId) {
        return { kind: "group", group: byId };
      }
    }
    const dependencies = resource.propertyDependencies["groupId"] ?? [];
    const fromDependencies = [...new Set(dependencies.map((dependency) => dependency.urn))]
      .map((urn) => this.byUrn.get(urn))
      .filter((group): group is GroupRef => group !== undefined);
    const [first] = fromDependencies;
    if (first !== undefined) {
      return fromDependencies.length === 1
        ? { kind: "group", group: first }
        : { kind: "ambiguous", groups: fromDependencies };
    }
    if (typeof groupId === "string") {
      return { kind: "external", groupId };
    }
    return { kind: "unresolved" };
  }
}

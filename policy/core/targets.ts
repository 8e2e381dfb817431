/**
 * Which group of the stack a member (anything with a `groupId` input) targets, inside a stack policy.
 * Vendor-neutral: each vendor describes its groups and members with a {@link GroupKind}.
 *
 * During preview the `groupId` of a group that is still to be created is unknown, so the target is found
 * in this order:
 *   1. a known `groupId` equal to the `groupId` output of a group of the stack;
 *   2. the groups in `propertyDependencies.groupId` (the resources the `groupId` input was computed
 *      from, as the Node.js SDK records them);
 *   3. otherwise the target is outside the stack (a known `groupId` nobody in the stack has) or cannot be
 *      told (`groupId` unknown and not computed from a group of the stack).
 */
import type { PolicyResource } from "@pulumi/policy";
import type { Maybe } from "./known";

/** The parts of a `PolicyResource` the stack policies use. */
export type StackResource = Pick<
  PolicyResource,
  "type" | "name" | "urn" | "props" | "propertyDependencies" | "parent"
>;

/** How one vendor's groups and the resources that target them look. */
export interface GroupKind<View> {
  isGroup(resource: { type: string }): boolean;
  readGroup(props: object): View;
  /** The group's `groupId` output (absent while the group is still to be created). */
  groupIdOf(view: View): Maybe<string> | undefined;
  /** The `groupId` input of a resource that targets a group. */
  targetIdOf(resource: StackResource): Maybe<string> | undefined;
}

export interface GroupRef<View> {
  resource: StackResource;
  view: View;
}

export type Target<View> =
  | { kind: "group"; group: GroupRef<View> }
  /** `groupId` was computed from several groups of the stack. */
  | { kind: "ambiguous"; groups: GroupRef<View>[] }
  /** A known `groupId` that no group of the stack has. */
  | { kind: "external"; groupId: string }
  /** `groupId` is absent or unknown, and not computed from a group of the stack. */
  | { kind: "unresolved" };

export class StackGroups<View> {
  readonly groups: GroupRef<View>[];
  private readonly byUrn = new Map<string, GroupRef<View>>();
  private readonly byGroupId = new Map<string, GroupRef<View>>();

  constructor(
    resources: readonly StackResource[],
    private readonly kind: GroupKind<View>,
  ) {
    this.groups = resources
      .filter((resource) => kind.isGroup(resource))
      .map((resource) => ({ resource, view: kind.readGroup(resource.props) }));
    for (const group of this.groups) {
      this.byUrn.set(group.resource.urn, group);
      const groupId = kind.groupIdOf(group.view);
      if (typeof groupId === "string") {
        this.byGroupId.set(groupId, group);
      }
    }
  }

  /** The target of a resource with a `groupId` input. */
  targetOf(resource: StackResource): Target<View> {
    const groupId = this.kind.targetIdOf(resource);
    if (typeof groupId === "string") {
      const byId = this.byGroupId.get(groupId);
      if (byId) {
        return { kind: "group", group: byId };
      }
    }
    const dependencies = resource.propertyDependencies["groupId"] ?? [];
    const fromDependencies = [...new Set(dependencies.map((dependency) => dependency.urn))]
      .map((urn) => this.byUrn.get(urn))
      .filter((group): group is GroupRef<View> => group !== undefined);
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

import * as pulumi from "@pulumi/pulumi";
import type { ces } from "pulumi-resource-groups-contracts/constants";
import provider from "../../../runtime/providers/resourceGroup";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { shortTracesWhileRegistering } from "../../../core/registrationTraces";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";
import { argsUnlessGet } from "../../../core/getArgs";

/** One tag-matching rule: resources carrying this tag belong to the group. */
export interface TagArgs {
  /** Tag key: 1-36 characters of CJK, letters, digits, `_` and `-`. */
  key: pulumi.Input<string>;
  /** Tag value: 0-43 characters of the same set; empty or omitted matches any value of the key. */
  value?: pulumi.Input<string>;
}

export interface ResourceGroupArgs extends ConnectionArgs {
  /**
   * Group name, unique within the project: 1-128 characters of CJK, letters, digits, `_` and `-`.
   * Defaults to the resource's name. Changes in place.
   */
  name?: pulumi.Input<string>;
  /**
   * How the group gets its members: `Manual` (the default; add them with `GroupMember`), `TAG` (every
   * resource matching `tags`) or `EPS` (the resources of the enterprise projects `associationEpIds`).
   * Changing it replaces the group.
   */
  type?: pulumi.Input<ces.GroupType>;
  /**
   * TAG groups only, and required for them: 1-10 tag rules, counting those added by `TagRule`s.
   * Changes in place; tags added by `TagRule`s or outside Pulumi under other keys are left alone.
   */
  tags?: pulumi.Input<pulumi.Input<TagArgs>[]>;
  /** EPS groups only, and required for them: 1-10 enterprise project ids. Changing them replaces the group. */
  associationEpIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Enterprise project the group belongs to: a lowercase UUID or `"0"` (the default). Changing it replaces the group. */
  enterpriseProjectId?: pulumi.Input<string>;
  /**
   * Take over an existing group of the same name instead of failing: its tags are converged to this
   * declaration and `pulumi destroy` deletes it. Its type, enterprise project and EPS ids must match.
   * Default `false`.
   */
  adopt?: pulumi.Input<boolean>;
  /**
   * The CES project the group lives in, when it is not the configured `resourcegroups:projectId`:
   * one program can manage groups of several projects. Changing it replaces the group.
   */
  projectId?: pulumi.Input<string>;
}

/** A resource group: a set of cloud resources that is monitored (and later scheduled or budgeted) as one. */
export class ResourceGroup extends pulumi.dynamic.Resource {
  /** The group's name as the API holds it. */
  declare readonly name: pulumi.Output<string>;
  /** How the group gets its members: `Manual`, `TAG` (by tag) or `EPS` (by enterprise project). */
  declare readonly type: pulumi.Output<ces.GroupType>;
  /**
   * The declared tag rules (TAG groups), as the group holds them; rules of `TagRule`s are not listed
   * here. For a group read with `get`, every tag of the group.
   */
  declare readonly tags: pulumi.Output<{ key: string; value: string }[]>;
  /** EPS groups: the enterprise projects whose resources are the members; empty for other types. */
  declare readonly associationEpIds: pulumi.Output<string[]>;
  /** Enterprise project the group belongs to: a lowercase UUID or `"0"`. */
  declare readonly enterpriseProjectId: pulumi.Output<string>;
  /** Whether the group was taken over by name instead of created (`false` for a group read with `get`). */
  declare readonly adopt: pulumi.Output<boolean>;
  /** The project named by the resource; undefined when it uses the configured one. */
  declare readonly projectId: pulumi.Output<string | undefined>;
  /** When the group was created, in milliseconds since the epoch. */
  declare readonly createTime: pulumi.Output<number>;

  constructor(name: string, args: ResourceGroupArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(
      argsUnlessGet({ ...args, name: args.name ?? name, type: args.type ?? "Manual" }, opts),
      ["name", "type", "tags", "associationEpIds", "enterpriseProjectId", "adopt", "projectId"],
      ["createTime"],
    );
    const restore = shortTracesWhileRegistering();
    try {
      super(provider, name, props, opts, KINDS.resourceGroup.module, KINDS.resourceGroup.type);
    } finally {
      restore();
    }
  }

  /**
   * Reads the existing group with this id into the program without managing it: its outputs are the group
   * as the vendor holds it, `pulumi refresh` reads it again, and `pulumi destroy` leaves it in place. The
   * id is the group's `groupId` (`rg` and 22 letters or digits). It is read in the configured
   * `resourcegroups:projectId`. A group that does not exist fails the read, naming the id.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ResourceGroup {
    return new ResourceGroup(name, {}, { ...opts, id });
  }

  /**
   * The API's id for the group: `rg` followed by 22 letters or digits. It is the resource's `id`, which
   * a preview of an update still knows, so a rename does not show the group's members and tag rules
   * as replaced. (The state also records it as the output `groupId`.)
   */
  get groupId(): pulumi.Output<string> {
    return this.id;
  }
}

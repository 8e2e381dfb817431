import * as pulumi from "@pulumi/pulumi";
import type { strongly } from "pulumi-resource-groups-contracts/constants";
import provider from "../../../runtime/providers/stronglyGroupMembers";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { shortTracesWhileRegistering } from "../../../core/registrationTraces";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";
import { argsUnlessGet } from "../../../core/getArgs";

/** One member of the list: the same fields and rules as a `strongly.GroupMember`'s. */
export interface MemberArgs {
  /**
   * The kind of platform resource: `app`, `addon`, `workflow`, `workspace`, `ml_model`,
   * `self_hosted_model`, `automl` or `fine_tuning`.
   */
  type: pulumi.Input<strongly.MemberType>;
  /** The resource's id: 1-128 letters, digits, `_` or `-`. With `type`, the member's identity. */
  resourceId: pulumi.Input<string>;
  /** The resource's name as cost reports show it: 1-200 characters. */
  name: pulumi.Input<string>;
}

export interface GroupMembersArgs extends ConnectionArgs {
  /** `groupId` of a `strongly.ResourceGroup`. Changing it replaces the resource. */
  groupId: pulumi.Input<string>;
  /**
   * Every member of the group, each `(type, resourceId)` once, at most 500 (the group's limit); the
   * order does not matter. An empty list means the group has no members. Changes in place, writing
   * only the difference: one call per member added or removed, two per member renamed.
   */
  members: pulumi.Input<pulumi.Input<MemberArgs>[]>;
}

/**
 * The whole membership of one Strongly FinOps group, for programs that own all of it: members added
 * outside Pulumi show as drift on refresh (one read of the group) and the next `up` removes them. Do
 * not combine it with `strongly.GroupMember`s of the same group.
 */
export class GroupMembers extends pulumi.dynamic.Resource {
  /** `groupId` of the Strongly `ResourceGroup` whose membership this is. */
  declare readonly groupId: pulumi.Output<string>;
  /** The members as the group held them at the last create, update or refresh. */
  declare readonly members: pulumi.Output<{ type: strongly.MemberType; resourceId: string; name: string }[]>;
  /** The members declared at the last create or update: what deleting this resource removes. */
  declare readonly declaredMembers: pulumi.Output<
    { type: strongly.MemberType; resourceId: string; name: string }[]
  >;

  constructor(name: string, args: GroupMembersArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(argsUnlessGet(args, opts), ["groupId", "members"], ["declaredMembers"]);
    const restore = shortTracesWhileRegistering();
    try {
      super(provider, name, props, opts, KINDS.stronglyGroupMembers.module, KINDS.stronglyGroupMembers.type);
    } finally {
      restore();
    }
  }

  /**
   * Reads the existing membership with this id into the program without managing it: its outputs are the
   * membership as the vendor holds it, `pulumi refresh` reads it again, and `pulumi destroy` leaves it in
   * place. The id is the group's id; `members` are then all the members of the group. A membership that
   * does not exist fails the read, naming the id.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): GroupMembers {
    return new GroupMembers(name, {} as GroupMembersArgs, { ...opts, id });
  }
}

import * as pulumi from "@pulumi/pulumi";
import type { strongly } from "pulumi-resource-groups-contracts/constants";
import provider from "../../../runtime/providers/stronglyGroupMember";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { shortTracesWhileRegistering } from "../../../core/registrationTraces";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";
import { argsUnlessGet } from "../../../core/getArgs";

export interface GroupMemberArgs extends ConnectionArgs {
  /** `groupId` of a `strongly.ResourceGroup`. Changing it replaces the member. */
  groupId: pulumi.Input<string>;
  /**
   * The kind of platform resource: `app`, `addon`, `workflow`, `workspace`, `ml_model`,
   * `self_hosted_model`, `automl` or `fine_tuning`. Changing it replaces the member.
   */
  type: pulumi.Input<strongly.MemberType>;
  /** The resource's id: 1-128 letters, digits, `_` or `-`. Changing it replaces the member. */
  resourceId: pulumi.Input<string>;
  /**
   * The resource's name as cost reports show it: 1-200 characters. The API cannot change a member, so
   * a new name removes the member and adds it again at once, under a lock on the group; if adding it
   * fails, it is added back under the old name and the error is reported, so the member is never left
   * out of the group after a successful `up`.
   */
  name: pulumi.Input<string>;
}

/**
 * One platform resource in a Strongly FinOps resource group. `(type, resourceId)` is its identity within
 * the group: a replacement adds the new member before removing the old. Creating a member the group
 * already holds (an earlier answer lost, or added outside Pulumi) takes it over, renaming it if need be.
 * A refresh reads each group once for all of its members.
 */
export class GroupMember extends pulumi.dynamic.Resource {
  /** `groupId` of the Strongly `ResourceGroup` the member is in. */
  declare readonly groupId: pulumi.Output<string>;
  /** The kind of platform resource the member is. */
  declare readonly type: pulumi.Output<strongly.MemberType>;
  /** The platform resource's id; with `type`, the member's identity in the group. */
  declare readonly resourceId: pulumi.Output<string>;
  /** The name as the group holds it. */
  declare readonly name: pulumi.Output<string>;

  constructor(name: string, args: GroupMemberArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(argsUnlessGet(args, opts), ["groupId", "type", "resourceId", "name"]);
    const restore = shortTracesWhileRegistering();
    try {
      super(provider, name, props, opts, KINDS.stronglyGroupMember.module, KINDS.stronglyGroupMember.type);
    } finally {
      restore();
    }
  }

  /**
   * Reads the existing member with this id into the program without managing it: its outputs are the member
   * as the vendor holds it, `pulumi refresh` reads it again, and `pulumi destroy` leaves it in place. The
   * id is `<groupId>/<type>/<resourceId>`. A member that does not exist fails the read, naming the id.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): GroupMember {
    return new GroupMember(name, {} as GroupMemberArgs, { ...opts, id });
  }
}

import * as pulumi from "@pulumi/pulumi";
import provider from "../../../runtime/providers/groupMembers";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { shortTracesWhileRegistering } from "../../../core/registrationTraces";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";
import { argsUnlessGet } from "../../../core/getArgs";
import type { DimensionArgs } from "./groupMember";

/** One member of the list: the same fields and rules as a `GroupMember`'s. */
export interface MemberArgs {
  /** Service namespace `service.item`, e.g. `SYS.ECS`: each part a letter then letters, digits or `_`; 3-32 characters. */
  namespace: pulumi.Input<string>;
  /** 1-4 dimensions; with the namespace they identify the member (their order does not matter). */
  dimensions: pulumi.Input<pulumi.Input<DimensionArgs>[]>;
}

export interface GroupMembersArgs extends ConnectionArgs {
  /** `groupId` of a Manual `ResourceGroup`. Changing it replaces the resource. */
  groupId: pulumi.Input<string>;
  /**
   * Every member of the group, each once (by namespace and set of dimensions); the order does not
   * matter. An empty list means the group has no members. Changes in place, writing only the difference.
   */
  members: pulumi.Input<pulumi.Input<MemberArgs>[]>;
  /**
   * The CES project of the group, when it is not the configured `resourcegroups:projectId`: give the
   * same one as the group. Changing it replaces the resource.
   */
  projectId?: pulumi.Input<string>;
}

/**
 * The whole membership of one Manual group, for programs that own all of it: members added outside
 * Pulumi show as drift on refresh and the next `up` removes them. Do not combine it with `GroupMember`s
 * of the same group.
 */
export class GroupMembers extends pulumi.dynamic.Resource {
  /** `groupId` of the Manual `ResourceGroup` whose membership this is. */
  declare readonly groupId: pulumi.Output<string>;
  /** The members as the group held them at the last create, update or refresh. */
  declare readonly members: pulumi.Output<
    { namespace: string; dimensions: { name: string; value: string }[] }[]
  >;
  /** The members declared at the last create or update: what deleting this resource removes. */
  declare readonly declaredMembers: pulumi.Output<
    { namespace: string; dimensions: { name: string; value: string }[] }[]
  >;

  /** The project named by the resource; undefined when it uses the configured one. */
  declare readonly projectId: pulumi.Output<string | undefined>;

  constructor(name: string, args: GroupMembersArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(
      argsUnlessGet(args, opts),
      ["groupId", "members", "projectId"],
      ["declaredMembers"],
    );
    const restore = shortTracesWhileRegistering();
    try {
      super(provider, name, props, opts, KINDS.groupMembers.module, KINDS.groupMembers.type);
    } finally {
      restore();
    }
  }

  /**
   * Reads the existing membership with this id into the program without managing it: its outputs are the
   * membership as the vendor holds it, `pulumi refresh` reads it again, and `pulumi destroy` leaves it in
   * place. The CES API lists members one namespace at a time, so the id names the group and the namespaces
   * to list: `<groupId>/<namespace>[,<namespace>...]` (e.g. `rg.../SYS.ECS,SYS.RDS`); the resource's id is
   * then the group's. It is read in the configured `resourcegroups:projectId`. A membership that does not
   * exist fails the read, naming the id.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): GroupMembers {
    return new GroupMembers(name, {} as GroupMembersArgs, { ...opts, id });
  }
}

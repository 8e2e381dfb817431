import * as pulumi from "@pulumi/pulumi";
import provider from "../../../runtime/providers/groupMember";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { shortTracesWhileRegistering } from "../../../core/registrationTraces";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";
import { argsUnlessGet } from "../../../core/getArgs";

/** One dimension that identifies the member, e.g. `{ name: "instance_id", value: "<uuid>" }`. */
export interface DimensionArgs {
  /** A letter, then letters, digits, `_` or `-`; 1-32 characters. */
  name: pulumi.Input<string>;
  /** 1-256 characters; `*` means every resource of the namespace. */
  value: pulumi.Input<string>;
}

export interface GroupMemberArgs extends ConnectionArgs {
  /** `groupId` of a Manual `ResourceGroup`. */
  groupId: pulumi.Input<string>;
  /** Service namespace `service.item`, e.g. `SYS.ECS`: each part a letter then letters, digits or `_`; 3-32 characters. */
  namespace: pulumi.Input<string>;
  /** 1-4 dimensions; together with the namespace they identify the member (their order does not matter). */
  dimensions: pulumi.Input<pulumi.Input<DimensionArgs>[]>;
  /**
   * The CES project the member belongs to, when it is not the configured `resourcegroups:projectId`:
   * give the same one as its group. Changing it replaces the member.
   */
  projectId?: pulumi.Input<string>;
}

/** One resource in a Manual group. Any change replaces it. */
export class GroupMember extends pulumi.dynamic.Resource {
  /** `groupId` of the Manual `ResourceGroup` the member is in. */
  declare readonly groupId: pulumi.Output<string>;
  /** Service namespace `service.item` of the member, e.g. `SYS.ECS`. */
  declare readonly namespace: pulumi.Output<string>;
  /** The dimensions that, with the namespace, identify the member. */
  declare readonly dimensions: pulumi.Output<{ name: string; value: string }[]>;
  /** The project named by the resource; undefined when it uses the configured one. */
  declare readonly projectId: pulumi.Output<string | undefined>;

  constructor(name: string, args: GroupMemberArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(argsUnlessGet(args, opts), [
      "groupId",
      "namespace",
      "dimensions",
      "projectId",
    ]);
    const restore = shortTracesWhileRegistering();
    try {
      super(provider, name, props, opts, KINDS.groupMember.module, KINDS.groupMember.type);
    } finally {
      restore();
    }
  }

  /**
   * Reads the existing member with this id into the program without managing it: its outputs are the member
   * as the vendor holds it, `pulumi refresh` reads it again, and `pulumi destroy` leaves it in place. The
   * id is `<groupId>/<namespace>:<dimension>=<value>[,...]` (dimensions sorted by name), as `pulumi stack
   * export` shows it for a member made by Pulumi. It is read in the configured `resourcegroups:projectId`.
   * A member that does not exist fails the read, naming the id.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): GroupMember {
    return new GroupMember(name, {} as GroupMemberArgs, { ...opts, id });
  }
}

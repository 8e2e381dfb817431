import * as pulumi from "@pulumi/pulumi";
import provider from "../../../runtime/providers/cloudflareGroupMembers";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { shortTracesWhileRegistering } from "../../../core/registrationTraces";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";
import { argsUnlessGet } from "../../../core/getArgs";

export interface GroupMembersArgs extends ConnectionArgs {
  /**
   * `groupId` of a Cloudflare `ResourceGroup` that is neither `exclusive` nor account-wide, and whose
   * own `zones` are all in `zoneIds`. Changing it replaces the resource.
   */
  groupId: pulumi.Input<string>;
  /**
   * Every zone of the group's scope: 1-100 distinct zone ids (32 lowercase hexadecimal characters),
   * in any order. Changes in place, in one scope write.
   */
  zoneIds: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The group's account; defaults to the `resourcegroups:cloudflareAccountId` setting. Give the same
   * one as the group (`group.accountId`). Changing it replaces the resource.
   */
  accountId?: pulumi.Input<string>;
}

/**
 * The whole set of zones in a Cloudflare resource group's scope, for programs that own all of it:
 * zones added outside Pulumi show as drift on refresh and the next `up` removes them. Deleting it
 * removes its zones but those the group's own `zones` declare (and the scope's last one). Not for a
 * group with `GroupMember`s.
 */
export class GroupMembers extends pulumi.dynamic.Resource {
  /** The account of the group: 32 lowercase hexadecimal characters. */
  declare readonly accountId: pulumi.Output<string>;
  /** `groupId` of the Cloudflare `ResourceGroup` whose zones these are. */
  declare readonly groupId: pulumi.Output<string>;
  /** The zones of the scope at the last create, update or refresh. */
  declare readonly zoneIds: pulumi.Output<string[]>;
  /** The zones declared at the last create or update: what deleting this resource removes. */
  declare readonly declaredZoneIds: pulumi.Output<string[]>;

  constructor(name: string, args: GroupMembersArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(
      argsUnlessGet(args, opts),
      ["accountId", "groupId", "zoneIds"],
      ["declaredZoneIds"],
    );
    const restore = shortTracesWhileRegistering();
    try {
      super(
        provider,
        name,
        props,
        opts,
        KINDS.cloudflareGroupMembers.module,
        KINDS.cloudflareGroupMembers.type,
      );
    } finally {
      restore();
    }
  }

  /**
   * Reads the existing scope with this id into the program without managing it: its outputs are the scope
   * as the vendor holds it, `pulumi refresh` reads it again, and `pulumi destroy` leaves it in place. The
   * id is the group's id; `zoneIds` are then all the zones of its scope. It is read in the configured
   * `resourcegroups:cloudflareAccountId`. A scope that does not exist fails the read, naming the id.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): GroupMembers {
    return new GroupMembers(name, {} as GroupMembersArgs, { ...opts, id });
  }
}

import * as pulumi from "@pulumi/pulumi";
import provider from "../../../runtime/providers/cloudflareGroupMember";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { shortTracesWhileRegistering } from "../../../core/registrationTraces";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";
import { argsUnlessGet } from "../../../core/getArgs";

export interface GroupMemberArgs extends ConnectionArgs {
  /** `groupId` of a Cloudflare `ResourceGroup` that is not `exclusive` and not account-wide. */
  groupId: pulumi.Input<string>;
  /** The zone to add to the group's scope: 32 lowercase hexadecimal characters. */
  zoneId: pulumi.Input<string>;
  /**
   * The group's account; defaults to the `resourcegroups:cloudflareAccountId` setting. Give the same
   * one as the group (`group.accountId`).
   */
  accountId?: pulumi.Input<string>;
}

/**
 * One zone in a Cloudflare resource group's scope, managed apart from the group so that teams can add
 * their zones to a shared group. Any change replaces it. The last zone of a scope stays when its
 * member is deleted (a scope needs one object); deleting the group removes it.
 */
export class GroupMember extends pulumi.dynamic.Resource {
  /** The account of the group: 32 lowercase hexadecimal characters. */
  declare readonly accountId: pulumi.Output<string>;
  /** `groupId` of the Cloudflare `ResourceGroup` whose scope holds the zone. */
  declare readonly groupId: pulumi.Output<string>;
  /** The zone in the group's scope: 32 lowercase hexadecimal characters. */
  declare readonly zoneId: pulumi.Output<string>;

  constructor(name: string, args: GroupMemberArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(argsUnlessGet(args, opts), ["accountId", "groupId", "zoneId"]);
    const restore = shortTracesWhileRegistering();
    try {
      super(
        provider,
        name,
        props,
        opts,
        KINDS.cloudflareGroupMember.module,
        KINDS.cloudflareGroupMember.type,
      );
    } finally {
      restore();
    }
  }

  /**
   * Reads the existing member with this id into the program without managing it: its outputs are the member
   * as the vendor holds it, `pulumi refresh` reads it again, and `pulumi destroy` leaves it in place. The
   * id is `<groupId>/<zoneId>`. It is read in the configured `resourcegroups:cloudflareAccountId`. A member
   * that does not exist fails the read, naming the id.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): GroupMember {
    return new GroupMember(name, {} as GroupMemberArgs, { ...opts, id });
  }
}

import * as pulumi from "@pulumi/pulumi";
import provider from "../../../runtime/providers/cloudflareGroupMember";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";

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
  declare readonly accountId: pulumi.Output<string>;
  declare readonly groupId: pulumi.Output<string>;
  declare readonly zoneId: pulumi.Output<string>;

  constructor(name: string, args: GroupMemberArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(args, ["accountId", "groupId", "zoneId"]);
    super(provider, name, props, opts, KINDS.cloudflareGroupMember.module, KINDS.cloudflareGroupMember.type);
  }
}

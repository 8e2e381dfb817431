import * as pulumi from "@pulumi/pulumi";
import provider from "../../../runtime/providers/cloudflareResourceGroup";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { shortTracesWhileRegistering } from "../../../core/registrationTraces";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";
import { argsUnlessGet } from "../../../core/getArgs";

export interface ResourceGroupArgs extends ConnectionArgs {
  /**
   * The account the group belongs to: 32 lowercase hexadecimal characters. Defaults to the
   * `resourcegroups:cloudflareAccountId` setting. Changing it replaces the group.
   */
  accountId?: pulumi.Input<string>;
  /**
   * Group name, unique within the account: 1-255 characters, no control characters, not starting or
   * ending with a space. Defaults to the resource's name. Changes in place.
   */
  name?: pulumi.Input<string>;
  /**
   * The zones the group scopes, by zone id (32 lowercase hexadecimal characters): 1-100, unless
   * `wholeAccount` is set. Changes in place; zones that `GroupMember`s or others add are left alone
   * unless `exclusive` is set.
   */
  zones?: pulumi.Input<pulumi.Input<string>[]>;
  /** Scope the whole account (`*`) instead of single zones. Default `false`. Changes in place. */
  wholeAccount?: pulumi.Input<boolean>;
  /**
   * Make the declared `zones` the whole scope: a zone added outside Pulumi shows as drift on refresh
   * and the next `up` removes it; a `GroupMember` of this group is refused. Default `false`.
   */
  exclusive?: pulumi.Input<boolean>;
  /**
   * Take over an existing group of the same name in the account instead of failing: its scope is
   * converged to this declaration and `pulumi destroy` deletes it. The account's built-in group cannot
   * be adopted. Default `false`.
   */
  adopt?: pulumi.Input<boolean>;
}

/**
 * A Cloudflare IAM resource group: a named scope of zones (or the whole account) that member and
 * user-group policies grant permissions on.
 */
export class ResourceGroup extends pulumi.dynamic.Resource {
  /** The account the group belongs to: 32 lowercase hexadecimal characters. */
  declare readonly accountId: pulumi.Output<string>;
  /** The group's name as the API holds it. */
  declare readonly name: pulumi.Output<string>;
  /**
   * The declared zones the group holds (all its zones when `exclusive`, and for a group read with
   * `get`).
   */
  declare readonly zones: pulumi.Output<string[]>;
  /** Whether the group scopes the whole account (`*`) instead of single zones. */
  declare readonly wholeAccount: pulumi.Output<boolean>;
  /** Whether the declared `zones` are the whole scope (`false` for a group read with `get`). */
  declare readonly exclusive: pulumi.Output<boolean>;
  /** Whether the group was taken over by name instead of created (`false` for a group read with `get`). */
  declare readonly adopt: pulumi.Output<boolean>;
  /** Cloudflare's `meta`: `{key: "editable", value: "true"}` on groups made through the API. */
  declare readonly meta: pulumi.Output<{ key: string; value: string }>;

  constructor(name: string, args: ResourceGroupArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(
      argsUnlessGet({ ...args, name: args.name ?? name }, opts),
      ["accountId", "name", "zones", "wholeAccount", "exclusive", "adopt"],
      ["meta"],
    );
    const restore = shortTracesWhileRegistering();
    try {
      super(
        provider,
        name,
        props,
        opts,
        KINDS.cloudflareResourceGroup.module,
        KINDS.cloudflareResourceGroup.type,
      );
    } finally {
      restore();
    }
  }

  /**
   * Reads the existing group with this id into the program without managing it: its outputs are the group
   * as the vendor holds it, `pulumi refresh` reads it again, and `pulumi destroy` leaves it in place. The
   * id is the group's id (32 hexadecimal characters). It is read in the configured
   * `resourcegroups:cloudflareAccountId`. A group that does not exist fails the read, naming the id.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ResourceGroup {
    return new ResourceGroup(name, {}, { ...opts, id });
  }

  /** The API's id for the group (32 hexadecimal characters), which is also the resource's id. */
  get groupId(): pulumi.Output<string> {
    return this.id;
  }
}

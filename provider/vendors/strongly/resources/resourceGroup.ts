import * as pulumi from "@pulumi/pulumi";
import provider from "../../../runtime/providers/stronglyResourceGroup";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { shortTracesWhileRegistering } from "../../../core/registrationTraces";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";
import { argsUnlessGet } from "../../../core/getArgs";

export interface ResourceGroupArgs extends ConnectionArgs {
  /**
   * Group name: 1-100 characters after trimming (the API stores it trimmed), unique in the
   * organization ignoring case. Defaults to the resource's name. Changes in place.
   */
  name?: pulumi.Input<string>;
  /** At most 500 characters; default empty. Changes in place. */
  description?: pulumi.Input<string>;
  /**
   * Take over an existing group of the same name (compared trimmed and ignoring case) instead of
   * failing: its name and description are converged to this declaration and `pulumi destroy` deletes it,
   * members included. Default `false`.
   */
  adopt?: pulumi.Input<boolean>;
}

/**
 * A Strongly FinOps resource group: platform resources whose costs roll up together for chargeback.
 * Add members with `strongly.GroupMember`. Nothing about a group forces a replacement. Settings:
 * `resourcegroups:stronglyEndpoint` (the instance URL) and `resourcegroups:stronglyApiKey` (secret; a key
 * with `finops:read` and `finops:write`), or `RESOURCEGROUPS_STRONGLY_ENDPOINT` and
 * `RESOURCEGROUPS_STRONGLY_API_KEY`.
 */
export class ResourceGroup extends pulumi.dynamic.Resource {
  /** The name as the API holds it (trimmed). */
  declare readonly name: pulumi.Output<string>;
  /** The group's description as the API holds it. */
  declare readonly description: pulumi.Output<string>;
  /** Whether the group was taken over by name instead of created (`false` for a group read with `get`). */
  declare readonly adopt: pulumi.Output<boolean>;
  /** The group's status; `active` for every group the API documents. */
  declare readonly status: pulumi.Output<string>;
  /** The user who owns the group. */
  declare readonly ownerId: pulumi.Output<string>;
  /** The organization the group belongs to. */
  declare readonly organizationId: pulumi.Output<string>;
  /** When the group was created (ISO-8601 UTC). */
  declare readonly createdAt: pulumi.Output<string>;
  /** When the group last changed, members included (ISO-8601 UTC), as of the last create, update or refresh. */
  declare readonly updatedAt: pulumi.Output<string>;

  constructor(name: string, args: ResourceGroupArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(
      argsUnlessGet({ ...args, name: args.name ?? name }, opts),
      ["name", "description", "adopt"],
      ["status", "ownerId", "organizationId", "createdAt", "updatedAt"],
    );
    const restore = shortTracesWhileRegistering();
    try {
      super(
        provider,
        name,
        props,
        opts,
        KINDS.stronglyResourceGroup.module,
        KINDS.stronglyResourceGroup.type,
      );
    } finally {
      restore();
    }
  }

  /**
   * Reads the existing group with this id into the program without managing it: its outputs are the group
   * as the vendor holds it, `pulumi refresh` reads it again, and `pulumi destroy` leaves it in place. The
   * id is the group's id (`rg_` and 16 lowercase letters or digits). A group that does not exist fails the
   * read, naming the id.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ResourceGroup {
    return new ResourceGroup(name, {}, { ...opts, id });
  }

  /**
   * The API's id for the group (`_id`: `rg_` and 16 lowercase letters or digits). It is the resource's
   * `id`, which a preview of an update still knows, so a rename does not show the members as replaced.
   */
  get groupId(): pulumi.Output<string> {
    return this.id;
  }
}

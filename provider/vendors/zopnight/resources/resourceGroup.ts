import * as pulumi from "@pulumi/pulumi";
import provider from "../../../runtime/providers/zopnightResourceGroup";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { shortTracesWhileRegistering } from "../../../core/registrationTraces";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";
import { argsUnlessGet } from "../../../core/getArgs";

export interface ResourceGroupArgs extends ConnectionArgs {
  /**
   * Group name: 1-100 characters once trimmed (stored trimmed), unique ignoring case. Defaults to the
   * resource's name. Changes in place.
   */
  name?: pulumi.Input<string>;
  /** At most 500 characters. Default empty. Changes in place. */
  description?: pulumi.Input<string>;
  /**
   * Take over an existing group of the same name (ignoring case) instead of failing: its name and
   * description are set to this declaration and `pulumi destroy` deletes it. Default `false`.
   */
  adopt?: pulumi.Input<boolean>;
}

/** A schedule attached to a group, which starts and stops its members tier by tier. */
export interface AttachedSchedule {
  /** ZopNight's id for the schedule. */
  id: string;
  /** The schedule's name. */
  name: string;
  /** IANA time zone the schedule's crons run in. */
  timezone: string;
}

/**
 * A ZopNight resource group: cloud resources that a schedule starts and stops together, tier by tier.
 * Add resources with `GroupMember`, or declare the whole start-up order with `StartupSequence`.
 * Nothing replaces the group: name and description change in place.
 */
export class ResourceGroup extends pulumi.dynamic.Resource {
  /** The group's name as the API holds it. */
  declare readonly name: pulumi.Output<string>;
  /** The group's description as the API holds it. */
  declare readonly description: pulumi.Output<string>;
  /** Whether the group was taken over by name instead of created (`false` for a group read with `get`). */
  declare readonly adopt: pulumi.Output<boolean>;
  /** Email of the user whose token created the group. */
  declare readonly createdBy: pulumi.Output<string>;
  /** When the group was created (ISO-8601). */
  declare readonly createdAt: pulumi.Output<string>;
  /** When the group last changed (ISO-8601); changes when the name or description does. */
  declare readonly updatedAt: pulumi.Output<string>;
  /** The schedules attached to the group (attached in ZopNight, not here), read on every refresh. */
  declare readonly schedules: pulumi.Output<AttachedSchedule[]>;

  constructor(name: string, args: ResourceGroupArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(
      argsUnlessGet({ ...args, name: args.name ?? name }, opts),
      ["name", "description", "adopt"],
      ["createdBy", "createdAt", "updatedAt", "schedules"],
    );
    const restore = shortTracesWhileRegistering();
    try {
      super(
        provider,
        name,
        props,
        opts,
        KINDS.zopnightResourceGroup.module,
        KINDS.zopnightResourceGroup.type,
      );
    } finally {
      restore();
    }
  }

  /**
   * Reads the existing group with this id into the program without managing it: its outputs are the group
   * as the vendor holds it, `pulumi refresh` reads it again, and `pulumi destroy` leaves it in place. The
   * id is the group's id (`grp_` and 12 characters). A group that does not exist fails the read, naming the
   * id.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ResourceGroup {
    return new ResourceGroup(name, {}, { ...opts, id });
  }

  /** ZopNight's id for the group (`grp_` and 12 characters): the resource's id. */
  get groupId(): pulumi.Output<string> {
    return this.id;
  }
}

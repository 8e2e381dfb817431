import * as pulumi from "@pulumi/pulumi";
import provider from "../../../runtime/providers/zopnightGroupMember";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { shortTracesWhileRegistering } from "../../../core/registrationTraces";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";
import { argsUnlessGet } from "../../../core/getArgs";

/** A tier, `tier-1` (started first) to `tier-10`. */
export type ExecutionTier = `tier-${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}`;

export interface GroupMemberArgs extends ConnectionArgs {
  /** `groupId` of a ZopNight `ResourceGroup`. Changing it replaces the member. */
  groupId: pulumi.Input<string>;
  /**
   * The resource: its ZopNight id (`res_...`) or its cloud UID exactly as the inventory lists it
   * (e.g. `i-0abc123def456`), resolved through the inventory; an unknown UID fails the create. Naming
   * another resource replaces the member; naming the same one the other way changes nothing remote.
   */
  resource: pulumi.Input<string>;
  /**
   * The tier the member starts in, `tier-1` to `tier-10`. Default `tier-1`. Changes in place through
   * ZopNight's sequence call: the member never leaves the group.
   */
  executionTier?: pulumi.Input<ExecutionTier>;
  /**
   * Position within the tier, an integer 1-1000; ties start in the order members were added. Default 1.
   * Changes in place.
   */
  executionOrder?: pulumi.Input<number>;
}

/**
 * One inventory resource in a ZopNight resource group, at a tier and an order.
 *
 * On start, ZopNight processes tier-1 first, its members by ascending `executionOrder`, then tier-2
 * once tier-1 has completed, and so on. On stop, the API contracts do not say that tiers run in
 * reverse: do not rely on a stop order. A refresh reads the group once for all its members; a member
 * removed outside Pulumi disappears from the stack, and a tier or order changed outside shows as drift
 * that the next `up` restores.
 */
export class GroupMember extends pulumi.dynamic.Resource {
  /** `groupId` of the ZopNight `ResourceGroup` the member is in. */
  declare readonly groupId: pulumi.Output<string>;
  /**
   * The resource as declared: its ZopNight id or its cloud UID (its ZopNight id for a member read
   * with `get`).
   */
  declare readonly resource: pulumi.Output<string>;
  /** The tier the member starts in, `tier-1` (first) to `tier-10`. */
  declare readonly executionTier: pulumi.Output<ExecutionTier>;
  /** Position within the tier, an integer 1-1000. */
  declare readonly executionOrder: pulumi.Output<number>;
  /** The resource's ZopNight id, whichever way `resource` names it. */
  declare readonly resourceId: pulumi.Output<string>;
  /** ZopNight's membership id. */
  declare readonly memberId: pulumi.Output<string>;
  /** The resource's cloud UID, e.g. `i-0abc123def456`. */
  declare readonly resourceUID: pulumi.Output<string>;
  /** The resource's name in the inventory. */
  declare readonly resourceName: pulumi.Output<string>;
  /** The resource's type in the inventory, e.g. `aws-ec2`. */
  declare readonly resourceType: pulumi.Output<string>;
  /** The cloud: `aws`, `gcp` or `azure` (the member's `provider` field). */
  declare readonly cloudProvider: pulumi.Output<string>;
  /** The cloud account that holds the resource. */
  declare readonly cloudAccountID: pulumi.Output<string>;
  /** The cloud region of the resource. */
  declare readonly region: pulumi.Output<string>;

  constructor(name: string, args: GroupMemberArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(
      argsUnlessGet(args, opts),
      ["groupId", "resource", "executionTier", "executionOrder"],
      [
        "resourceId",
        "memberId",
        "resourceUID",
        "resourceName",
        "resourceType",
        "cloudProvider",
        "cloudAccountID",
        "region",
      ],
    );
    const restore = shortTracesWhileRegistering();
    try {
      super(provider, name, props, opts, KINDS.zopnightGroupMember.module, KINDS.zopnightGroupMember.type);
    } finally {
      restore();
    }
  }

  /**
   * Reads the existing member with this id into the program without managing it: its outputs are the member
   * as the vendor holds it, `pulumi refresh` reads it again, and `pulumi destroy` leaves it in place. The
   * id is `<groupId>/<resourceId>`, with the resource's ZopNight id (`res_...`). A member that does not
   * exist fails the read, naming the id.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): GroupMember {
    return new GroupMember(name, {} as GroupMemberArgs, { ...opts, id });
  }
}

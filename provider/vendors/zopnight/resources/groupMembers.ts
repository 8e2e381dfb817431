import * as pulumi from "@pulumi/pulumi";
import provider from "../../../runtime/providers/zopnightGroupMembers";
import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { shortTracesWhileRegistering } from "../../../core/registrationTraces";
import { resourceProps } from "../../../core/resourceProps";
import type { ConnectionArgs } from "../../../core/connectionArgs";
import { argsUnlessGet } from "../../../core/getArgs";
import type { ExecutionTier } from "./groupMember";

/** One member of the list: the same fields, rules and defaults as a `GroupMember`'s. */
export interface ListedMemberArgs {
  /**
   * The resource: its ZopNight id (`res_...`) or its cloud UID exactly as the inventory lists it,
   * resolved through the inventory. A resource appears once, whichever way it is named.
   */
  resource: pulumi.Input<string>;
  /** `tier-1` (started first) to `tier-10`. Default `tier-1`. Changes in place. */
  executionTier?: pulumi.Input<ExecutionTier>;
  /** Position within the tier, an integer 1-1000; ties start in the order members were added. Default 1. */
  executionOrder?: pulumi.Input<number>;
}

export interface GroupMembersArgs extends ConnectionArgs {
  /** `groupId` of a ZopNight `ResourceGroup`. Changing it replaces the resource. */
  groupId: pulumi.Input<string>;
  /**
   * Every member of the group, each resource once; the order of the list does not matter, each
   * member's tier and order do. An empty list means the group has no members. Changes in place,
   * writing only the difference.
   */
  members: pulumi.Input<pulumi.Input<ListedMemberArgs>[]>;
}

/** A member as the group holds it. */
export interface HeldMemberOutput {
  /** As declared; a member added outside Pulumi shows its ZopNight id. */
  resource: string;
  /** The resource's ZopNight id. */
  resourceId: string;
  /** The resource's cloud UID, e.g. `i-0abc123def456`. */
  resourceUID: string;
  /** The resource's name in the inventory. */
  resourceName: string;
  /** The tier the member starts in, `tier-1` (first) to `tier-10`. */
  executionTier: ExecutionTier;
  /** Position within the tier, an integer 1-1000. */
  executionOrder: number;
}

/**
 * The whole membership of one ZopNight group, each resource at a tier and an order, for programs that
 * own all of it: members added outside Pulumi show as drift on refresh and the next `up` removes them.
 * Do not combine it with `GroupMember`s (or a `StartupSequence`) of the same group.
 */
export class GroupMembers extends pulumi.dynamic.Resource {
  /** `groupId` of the ZopNight `ResourceGroup` whose membership this is. */
  declare readonly groupId: pulumi.Output<string>;
  /** The members as the group held them at the last create, update or refresh. */
  declare readonly members: pulumi.Output<HeldMemberOutput[]>;
  /** The members declared at the last create or update, resolved: what deleting this resource removes. */
  declare readonly declaredMembers: pulumi.Output<
    { resource: string; resourceId: string; executionTier: ExecutionTier; executionOrder: number }[]
  >;

  constructor(name: string, args: GroupMembersArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(argsUnlessGet(args, opts), ["groupId", "members"], ["declaredMembers"]);
    const restore = shortTracesWhileRegistering();
    try {
      super(provider, name, props, opts, KINDS.zopnightGroupMembers.module, KINDS.zopnightGroupMembers.type);
    } finally {
      restore();
    }
  }

  /**
   * Reads the existing membership with this id into the program without managing it: its outputs are the
   * membership as the vendor holds it, `pulumi refresh` reads it again, and `pulumi destroy` leaves it in
   * place. The id is the group's id; `members` are then all the members of the group. A membership that
   * does not exist fails the read, naming the id.
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): GroupMembers {
    return new GroupMembers(name, {} as GroupMembersArgs, { ...opts, id });
  }
}

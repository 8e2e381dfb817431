import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { zopnight } from "pulumi-resource-groups-contracts/constants";
import { GroupMember, type ExecutionTier } from "./groupMember";
import { ResourceGroup } from "./resourceGroup";
import type { ConnectionArgs } from "../../../core/connectionArgs";

export interface StartupSequenceArgs extends ConnectionArgs {
  /** The group's name; defaults to the component's name. See `ResourceGroup`. */
  groupName?: pulumi.Input<string>;
  /** The group's description, at most 500 characters. */
  description?: pulumi.Input<string>;
  /** Take over an existing group of the same name; see `ResourceGroup`. */
  adopt?: pulumi.Input<boolean>;
  /**
   * The start-up order: `tiers[0]` becomes `tier-1`, `tiers[1]` `tier-2` and so on (at most 10 tiers);
   * within a tier, a resource's position gives its `executionOrder` (1 for the first). Each resource
   * is a ZopNight id (`res_...`) or a cloud UID, and may appear only once. Plain strings, not outputs:
   * each resource's member is named after it.
   */
  tiers: readonly (readonly string[])[];
}

/** One entry of the declared start order. */
export interface SequenceEntry {
  /** The resource as given in `tiers`. */
  resource: string;
  /** Its tier: `tier-<n>` for the n-th list of `tiers`. */
  executionTier: ExecutionTier;
  /** Its position in the tier, from 1. */
  executionOrder: number;
}

/** The start order the component declares: tier by tier, each tier in order. */
export function plannedSequence(tiers: readonly (readonly string[])[]): SequenceEntry[] {
  return tiers.flatMap((tier, i) =>
    tier.map((resource, j) => ({
      resource,
      executionTier: `tier-${i + 1}` as ExecutionTier,
      executionOrder: j + 1,
    })),
  );
}

/** Every broken rule of `tiers`, each naming its position. */
export function sequenceProblems(tiers: readonly (readonly string[])[]): string[] {
  const problems: string[] = [];
  if (!Array.isArray(tiers)) return ["tiers must be a list of tiers, each a list of resources"];
  if (tiers.length > zopnight.ZOPNIGHT_LIMITS.tierCount) {
    problems.push(
      `tiers must have at most ${zopnight.ZOPNIGHT_LIMITS.tierCount} tiers (got ${tiers.length})`,
    );
  }
  const seen = new Map<string, string>();
  tiers.forEach((tier, i) => {
    if (!Array.isArray(tier)) {
      problems.push(`tiers[${i}] must be a list of resources`);
      return;
    }
    if (tier.length > zopnight.ZOPNIGHT_LIMITS.orderMax) {
      problems.push(
        `tiers[${i}] must have at most ${zopnight.ZOPNIGHT_LIMITS.orderMax} resources (got ${tier.length})`,
      );
    }
    tier.forEach((resource: unknown, j) => {
      const at = `tiers[${i}][${j}]`;
      const problem = zopnight.resourceRefProblem(resource);
      if (problem !== undefined) {
        problems.push(`${at}: ${problem}`);
        return;
      }
      const ref = resource as string;
      const earlier = seen.get(ref);
      if (earlier)
        problems.push(`${at}: resource '${ref}' is already at ${earlier}; a resource is in a group once`);
      else seen.set(ref, at);
    });
  });
  return problems;
}

/**
 * The member's name, from the resource alone: moving a resource to another tier or position then
 * updates the same member in place instead of replacing it.
 */
export function memberName(sequence: string, resource: string): string {
  const slug = resource.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug === resource) return `${sequence}-${resource}`;
  // UIDs such as ARNs carry characters a resource name should not; a hash keeps distinct ones apart.
  const hash = createHash("sha256").update(resource).digest("hex").slice(0, 8);
  return `${sequence}-${slug.slice(-60)}-${hash}`;
}

/**
 * A ZopNight resource group and its whole start-up order, declared in one place.
 *
 * **What tiers mean.** When a schedule (or a start action) starts the group, ZopNight processes
 * `tier-1` first, its members by ascending `executionOrder` (ties in the order they were added), and
 * starts `tier-2` only after tier-1 has completed, and so on: a database in tier 1 is up before the
 * app servers of tier 2. When it stops the group, the API contracts do **not** say that tiers run in
 * reverse; do not rely on a stop order.
 *
 * **Changing the order.** Each resource's `GroupMember` is named after the resource, not its position,
 * so moving a resource between tiers or within a tier previews as in-place updates of tier and order
 * (ZopNight's sequence call) — no member leaves the group. Adding a resource creates a member;
 * dropping one removes it. Naming a resource another way (its UID instead of its id) renames its
 * member, which replaces it: keep one spelling.
 *
 * Type token `resourcegroups:zopnight:StartupSequence`.
 */
export class StartupSequence extends pulumi.ComponentResource {
  /** The ZopNight resource group the sequence declares. */
  readonly group: ResourceGroup;
  /** The group's id (`grp_` and 12 characters). */
  readonly groupId: pulumi.Output<string>;
  /** The members, keyed by resource as given in `tiers`. */
  readonly members: Readonly<Record<string, GroupMember>>;
  /** The declared start order, tier by tier. */
  readonly startOrder: readonly SequenceEntry[];

  constructor(name: string, args: StartupSequenceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("resourcegroups:zopnight:StartupSequence", name, {}, opts);
    const problems = sequenceProblems(args.tiers);
    if (problems.length > 0) {
      throw new Error(`zopnight.StartupSequence '${name}': ${problems.join("; ")}`);
    }
    // The group and its members live behind the same connection; none given is none passed on.
    const connection = args.connection === undefined ? {} : { connection: args.connection };
    this.group = new ResourceGroup(
      name,
      { name: args.groupName ?? name, description: args.description, adopt: args.adopt, ...connection },
      { parent: this },
    );
    this.groupId = this.group.groupId;
    this.startOrder = plannedSequence(args.tiers);
    const members: Record<string, GroupMember> = {};
    for (const entry of this.startOrder) {
      members[entry.resource] = new GroupMember(
        memberName(name, entry.resource),
        {
          groupId: this.group.groupId,
          ...connection,
          resource: entry.resource,
          executionTier: entry.executionTier,
          executionOrder: entry.executionOrder,
        },
        { parent: this },
      );
    }
    this.members = members;
    this.registerOutputs({ groupId: this.groupId, startOrder: this.startOrder });
  }
}

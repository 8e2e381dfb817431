/**
 * resource-groups-zopnight-tier-order (stack policy, advisory): the start order of each ZopNight group of
 * the stack is unambiguous. ZopNight starts tier-1, then tier-2 once tier-1 has completed, and so on; within
 * a tier, members start by ascending `executionOrder`, ties in the order they were added. So this reports
 *   - gaps: a tier with no member below the highest tier used (tier-1 and tier-3 but no tier-2), usually a
 *     member left out or numbered wrong;
 *   - duplicate orders: members of one tier with the same `executionOrder`, whose relative order then
 *     depends on the order the deployment happened to add them.
 * A member without `executionTier` or `executionOrder` is at the provider's defaults, tier-1 and 1.
 * Members are those of GroupMember resources and those listed in GroupMembers, matched to groups like the
 * other stack policies (see core/targets.ts); a member whose group cannot be told is left out.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { zopnight } from "pulumi-resource-groups-contracts";
import { booleanFlag, configObject } from "../../core/config";
import { UNKNOWN } from "../../core/known";
import { list, quote } from "../../core/messages";
import { StackGroups } from "../../core/targets";
import type { StackResource } from "../../core/targets";
import {
  STARTUP_SEQUENCE_TYPE,
  ZOPNIGHT_VENDOR,
  isZopNightMember,
  isZopNightMembers,
  readZopNightMember,
  readZopNightMembers,
} from "./resource-types";
import type { ZopNightMemberView } from "./resource-types";

export const ZOPNIGHT_TIER_ORDER = "resource-groups-zopnight-tier-order";

export interface TierOrderConfig {
  reportGaps: boolean;
  reportDuplicateOrders: boolean;
}

export function parseTierOrderConfig(raw: unknown): TierOrderConfig {
  const config = configObject(ZOPNIGHT_TIER_ORDER, raw);
  return {
    reportGaps: booleanFlag(ZOPNIGHT_TIER_ORDER, "reportGaps", config["reportGaps"], true),
    reportDuplicateOrders: booleanFlag(
      ZOPNIGHT_TIER_ORDER,
      "reportDuplicateOrders",
      config["reportDuplicateOrders"],
      true,
    ),
  };
}

/** The place of a member, from a GroupMember or from a GroupMembers' list. */
type Place = Pick<ZopNightMemberView, "executionTier" | "executionOrder">;

interface Member {
  resource: StackResource;
  view: Place;
  /** Position in a GroupMembers' `members`; undefined for a GroupMember. */
  index?: number;
}

/** What a GroupMembers whose list is not known yet holds: tier and order to be decided. */
const NOT_KNOWN_YET: Place = { executionTier: UNKNOWN, executionOrder: UNKNOWN };

/** The members a GroupMember or GroupMembers declares. */
function membersOf(resource: StackResource): Member[] {
  if (isZopNightMember(resource)) {
    return [{ resource, view: readZopNightMember(resource.props) }];
  }
  const { members } = readZopNightMembers(resource.props);
  if (members === UNKNOWN) {
    return [{ resource, view: NOT_KNOWN_YET }]; // its tiers may fill a gap: decided when known
  }
  return (members ?? []).map((view) => ({ resource, view, index: view.index }));
}

/** `'db', 'cache'` for GroupMember resources only, else each with its kind and list position. */
function describeMembers(members: readonly Member[]): string {
  if (members.every((member) => member.index === undefined)) {
    return `GroupMembers ${list(members.map((member) => quote(member.resource.name)))}`;
  }
  return `members ${list(
    members.map((member) =>
      member.index === undefined
        ? `GroupMember ${quote(member.resource.name)}`
        : `GroupMembers ${quote(member.resource.name)} members[${member.index}]`,
    ),
  )}`;
}

const tierName = (tier: number) => `tier-${tier}`;

/** The empty tiers below the highest one used; none while a member's tier is not known yet. */
export function tierGaps(members: readonly Place[]): { used: number[]; missing: number[] } {
  if (members.some((member) => member.executionTier === UNKNOWN)) {
    return { used: [], missing: [] }; // the unknown tier may be the missing one: decided when known
  }
  const used = [...new Set(members.map((member) => zopnight.tierNumber(member.executionTier as string)))]
    .filter((tier) => Number.isInteger(tier))
    .sort((a, b) => a - b);
  const highest = used[used.length - 1] ?? 0;
  const missing = Array.from({ length: highest }, (_, i) => i + 1).filter((tier) => !used.includes(tier));
  return { used, missing };
}

/** Members sharing a known tier and order, keyed `tier-N order M`, in tier then order sequence. */
export function duplicateOrders<M extends { view: Place }>(members: readonly M[]): [string, M[]][] {
  const slots = new Map<string, { tier: number; order: number; members: M[] }>();
  for (const member of members) {
    const { executionTier, executionOrder } = member.view;
    if (executionTier === UNKNOWN || typeof executionOrder !== "number") {
      continue; // not known yet, or not a number (the provider refuses it)
    }
    const tier = zopnight.tierNumber(executionTier);
    if (!Number.isInteger(tier)) {
      continue;
    }
    const key = `${tierName(tier)} order ${executionOrder}`;
    const slot = slots.get(key) ?? { tier, order: executionOrder, members: [] };
    slot.members.push(member);
    slots.set(key, slot);
  }
  return [...slots]
    .filter(([, slot]) => slot.members.length > 1)
    .sort(([, a], [, b]) => a.tier - b.tier || a.order - b.order)
    .map(([key, slot]) => [key, slot.members]);
}

/** " (declared by StartupSequence 'x')" when a StartupSequence component holds the group. */
function declaredBy(group: StackResource): string {
  return group.parent?.type === STARTUP_SEQUENCE_TYPE
    ? ` (declared by StartupSequence ${quote(group.parent.name)})`
    : "";
}

export const zopnightTierOrder: StackValidationPolicy = {
  name: ZOPNIGHT_TIER_ORDER,
  description:
    "ZopNight groups must have a clear start order: no empty tier below the highest one, no shared order within a tier.",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps:
    "Number the tiers from tier-1 without gaps, and give each member of a tier its own executionOrder (a StartupSequence does both unless a tier is an empty list).",
  configSchema: {
    properties: {
      reportGaps: {
        description: "Report empty tiers below the highest tier a group uses.",
        type: "boolean",
        default: true,
      },
      reportDuplicateOrders: {
        description: "Report members of one tier that share an executionOrder.",
        type: "boolean",
        default: true,
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const memberResources = args.resources.filter(
      (resource) => isZopNightMember(resource) || isZopNightMembers(resource),
    );
    if (memberResources.length === 0) {
      args.notApplicable("no ZopNight GroupMember or GroupMembers resources in the stack");
    }
    const config = parseTierOrderConfig(args.getConfig());
    const stack = new StackGroups(args.resources, ZOPNIGHT_VENDOR.groups);
    const byGroup = new Map<string, Member[]>();
    for (const resource of memberResources) {
      const target = stack.targetOf(resource);
      if (target.kind !== "group") {
        continue; // several candidates, outside the stack or not known: no group to put it in
      }
      const urn = target.group.resource.urn;
      byGroup.set(urn, [...(byGroup.get(urn) ?? []), ...membersOf(resource)]);
    }

    for (const { resource: group } of stack.groups) {
      const members = byGroup.get(group.urn) ?? [];
      const subject = `ZopNight ResourceGroup '${group.name}'${declaredBy(group)}`;
      const { used, missing } = tierGaps(members.map((member) => member.view));
      if (config.reportGaps && missing.length > 0) {
        reportViolation(
          `${subject} has members in ${list(used.map(tierName))} but none in ${list(missing.map(tierName))}: ` +
            "tiers start one after the other from tier-1, so an empty tier usually means a member is missing or in the wrong tier.",
          group.urn,
        );
      }
      if (!config.reportDuplicateOrders) {
        continue;
      }
      for (const [slot, sharing] of duplicateOrders(members)) {
        reportViolation(
          `${subject} has ${describeMembers(sharing)} all at ${slot}: they start in the order they were added, ` +
            "which the program does not fix. Give each its own executionOrder.",
          group.urn,
        );
      }
    }
  },
};

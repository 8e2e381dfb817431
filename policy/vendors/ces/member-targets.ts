/**
 * resource-groups-member-targets (stack policy, mandatory): every GroupMember and GroupMembers targets a
 * Manual group and every TagRule a TAG group.
 *
 * Only targets found in the stack can be checked. A target outside the stack (a literal `groupId` of a
 * group managed elsewhere) or one that cannot be told during preview is NOT reported here: the companion
 * advisory policy `resource-groups-member-targets-unverified` reports it as "could not be verified", so a
 * mandatory level never blocks a deployment on a guess. Both use {@link findTargetFindings}.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../core/known";
import { list, quote } from "../../core/messages";
import { StackGroups } from "../../core/targets";
import type { GroupRef, StackResource } from "../../core/targets";
import { CES_VENDOR, isGroupMember, isGroupMembers, isTagRule } from "./resource-types";
import type { GroupType, ResourceGroupView } from "./resource-types";

export const MEMBER_TARGETS = "resource-groups-member-targets";

export const NOT_APPLICABLE = "no GroupMember, GroupMembers or TagRule resources in the stack";

export interface TargetFinding {
  /** `violation`: the target is in the stack and of the wrong type; `unverified`: could not be checked. */
  kind: "violation" | "unverified";
  resource: StackResource;
  message: string;
  /** The target's `groupId`, when known (lets the unverified policy skip trusted groups). */
  groupId?: string;
}

const MANUAL_ONLY =
  "members can only be added to Manual groups (TAG groups pick their members by tag, EPS groups by enterprise project)";

const RULES = {
  GroupMember: { expected: "Manual", why: MANUAL_ONLY },
  GroupMembers: { expected: "Manual", why: MANUAL_ONLY },
  TagRule: { expected: "TAG", why: "tag rules only apply to TAG groups" },
} as const satisfies Record<string, { expected: GroupType; why: string }>;

function describe(group: GroupRef<ResourceGroupView>): string {
  return `ResourceGroup '${group.resource.name}'`;
}

type TargetingKind = keyof typeof RULES;

function targetingKind(resource: StackResource): TargetingKind | undefined {
  return isGroupMember(resource)
    ? "GroupMember"
    : isGroupMembers(resource)
      ? "GroupMembers"
      : isTagRule(resource)
        ? "TagRule"
        : undefined;
}

/** Whether `resource` is checked by the member-targets policies. */
export function targetsAGroup(resource: StackResource): boolean {
  return targetingKind(resource) !== undefined;
}

/** Checks the target of every GroupMember, GroupMembers and TagRule of the stack. */
export function findTargetFindings(resources: readonly StackResource[]): TargetFinding[] {
  const stack = new StackGroups(resources, CES_VENDOR.groups);
  const findings: TargetFinding[] = [];
  for (const resource of resources) {
    const kind = targetingKind(resource);
    if (kind === undefined) {
      continue;
    }
    const { expected, why } = RULES[kind];
    const subject = `${kind} '${resource.name}' field groupId`;
    const unverifiable = `could not verify that it is a ${expected} group`;
    const groupId = CES_VENDOR.groups.targetIdOf(resource);
    const known = typeof groupId === "string" ? { groupId } : {};
    const target = stack.targetOf(resource);
    const report = (findingKind: TargetFinding["kind"], message: string) =>
      findings.push({ kind: findingKind, resource, message, ...known });

    switch (target.kind) {
      case "group": {
        const { type } = target.group.view;
        if (type === UNKNOWN) {
          report(
            "unverified",
            `${subject} targets ${describe(target.group)}, whose type is not known yet: ${unverifiable}.`,
          );
        } else if (type !== expected) {
          report(
            "violation",
            `${subject} targets ${describe(target.group)}, a ${quote(type)} group: ${why}.`,
          );
        }
        break;
      }
      case "ambiguous": {
        const types = target.groups.map((group) => group.view.type);
        const names = list(target.groups.map(describe));
        if (types.every((type) => type !== UNKNOWN && type !== expected)) {
          report(
            "violation",
            `${subject} is computed from ${names}, none of them a ${expected} group: ${why}.`,
          );
        } else if (!types.every((type) => type === expected)) {
          report("unverified", `${subject} is computed from several groups (${names}): ${unverifiable}.`);
        }
        break;
      }
      case "external":
        report(
          "unverified",
          `${subject} targets group ${quote(target.groupId)}, which is not managed by this stack: ${unverifiable}.`,
        );
        break;
      case "unresolved":
        report(
          "unverified",
          groupId === undefined
            ? `${subject} is not set: ${unverifiable}.`
            : `${subject} is not known yet and does not come from a ResourceGroup of this stack: ${unverifiable}.`,
        );
        break;
    }
  }
  return findings;
}

export const memberTargets: StackValidationPolicy = {
  name: MEMBER_TARGETS,
  description:
    "GroupMember and GroupMembers resources must target Manual groups and TagRules TAG groups of the same stack.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Point the resource's groupId at a group of the right type: a Manual group for a GroupMember or GroupMembers, a TAG group for a TagRule.",
  configSchema: { properties: {} },
  validateStack: (args, reportViolation) => {
    if (!args.resources.some(targetsAGroup)) {
      args.notApplicable(NOT_APPLICABLE);
    }
    for (const finding of findTargetFindings(args.resources)) {
      if (finding.kind === "violation") {
        reportViolation(finding.message, finding.resource.urn);
      }
    }
  },
};

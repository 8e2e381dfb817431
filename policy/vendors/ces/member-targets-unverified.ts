/**
 * resource-groups-member-targets-unverified (stack policy, advisory): the GroupMember, GroupMembers and
 * TagRule resources whose target group `resource-groups-member-targets` could not check - a group outside
 * the stack, or a `groupId` that is unknown during preview and not computed from a ResourceGroup of the
 * stack.
 *
 * A separate policy because a Pulumi policy has one enforcement level: the checkable violations block
 * (mandatory), the unverifiable ones only warn. Raise this one to mandatory to forbid targets outside the
 * stack, or list the groups managed elsewhere in `trustedGroupIds`.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { configObject, stringArray, stringListField } from "../../core/config";
import { NOT_APPLICABLE, findTargetFindings, targetsAGroup } from "./member-targets";

export const MEMBER_TARGETS_UNVERIFIED = "resource-groups-member-targets-unverified";

export interface MemberTargetsUnverifiedConfig {
  trustedGroupIds: string[];
}

export function parseMemberTargetsUnverifiedConfig(raw: unknown): MemberTargetsUnverifiedConfig {
  const config = configObject(MEMBER_TARGETS_UNVERIFIED, raw);
  return {
    trustedGroupIds: stringArray(MEMBER_TARGETS_UNVERIFIED, "trustedGroupIds", config["trustedGroupIds"], []),
  };
}

export const memberTargetsUnverified: StackValidationPolicy = {
  name: MEMBER_TARGETS_UNVERIFIED,
  description:
    "Reports GroupMember, GroupMembers and TagRule resources whose target group could not be verified (not in the stack, or unknown during preview).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps:
    "Manage the target group in the same stack, or list its groupId in this policy's trustedGroupIds once you have checked its type.",
  configSchema: {
    properties: {
      trustedGroupIds: stringListField(
        "groupIds of groups managed outside the stack whose type has been checked by hand; targets among them are not reported.",
        [],
      ),
    },
  },
  validateStack: (args, reportViolation) => {
    if (!args.resources.some(targetsAGroup)) {
      args.notApplicable(NOT_APPLICABLE);
    }
    const trusted = new Set(parseMemberTargetsUnverifiedConfig(args.getConfig()).trustedGroupIds);
    for (const finding of findTargetFindings(args.resources)) {
      if (finding.kind === "unverified" && !(finding.groupId !== undefined && trusted.has(finding.groupId))) {
        reportViolation(finding.message, finding.resource.urn);
      }
    }
  },
};

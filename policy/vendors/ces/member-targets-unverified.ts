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
import { stringListConfig } from "../../core/config";
import { NOT_APPLICABLE, findTargetFindings, targetsAGroup } from "./member-targets";

export const MEMBER_TARGETS_UNVERIFIED = "resource-groups-member-targets-unverified";

const CONFIG = stringListConfig(
  MEMBER_TARGETS_UNVERIFIED,
  "trustedGroupIds",
  "groupIds of groups managed outside the stack whose type has been checked by hand; targets among them are not reported.",
);

export const parseMemberTargetsUnverifiedConfig = CONFIG.parse;

export const memberTargetsUnverified: StackValidationPolicy = {
  name: MEMBER_TARGETS_UNVERIFIED,
  description:
    "Reports GroupMember, GroupMembers and TagRule resources whose target group could not be verified (not in the stack, or unknown during preview).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps:
    "Manage the target group in the same stack, or list its groupId in this policy's trustedGroupIds once you have checked its type.",
  configSchema: CONFIG.schema,
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

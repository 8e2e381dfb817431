/**
 * resource-groups-strongly-member-types (resource policy, mandatory): the members of Strongly groups,
 * whether declared one per GroupMember or listed in a GroupMembers, are of the configured member types
 * only. The default list is every type, which restricts nothing; configure `allowed` to, for example,
 * keep models out of a team's chargeback groups.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { strongly } from "pulumi-resource-groups-contracts";
import { choiceListField, chosenFrom, configObject } from "../../core/config";
import { UNKNOWN } from "../../core/known";
import type { Maybe } from "../../core/known";
import { list, quote } from "../../core/messages";
import {
  isStronglyMember,
  isStronglyMembers,
  readStronglyMember,
  readStronglyMembers,
} from "./resource-types";

export const STRONGLY_MEMBER_TYPES = "resource-groups-strongly-member-types";

const MEMBER_TYPES: readonly string[] = strongly.MEMBER_TYPES;

export interface StronglyMemberTypesConfig {
  allowed: string[];
}

export function parseStronglyMemberTypesConfig(raw: unknown): StronglyMemberTypesConfig {
  const config = configObject(STRONGLY_MEMBER_TYPES, raw);
  return {
    allowed: chosenFrom(STRONGLY_MEMBER_TYPES, "allowed", config["allowed"], MEMBER_TYPES, "member type"),
  };
}

export const stronglyMemberTypes: ResourceValidationPolicy = {
  name: STRONGLY_MEMBER_TYPES,
  description:
    "The members of Strongly groups (GroupMember and GroupMembers) must be of an allowed member type.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    "Put only resources of the allowed types in the group, or add the type to this policy's 'allowed' list.",
  configSchema: {
    properties: {
      allowed: choiceListField(
        "Member types a Strongly group may hold. The default, every type, restricts nothing.",
        MEMBER_TYPES,
      ),
    },
  },
  validateResource: (args, reportViolation) => {
    const listed = isStronglyMembers(args);
    if (!listed && !isStronglyMember(args)) {
      args.notApplicable("applies to Strongly GroupMember and GroupMembers resources only");
    }
    const { allowed } = parseStronglyMemberTypesConfig(args.getConfig());
    if (MEMBER_TYPES.every((type) => allowed.includes(type))) {
      args.notApplicable("every member type is allowed");
    }
    const check = (subject: string, type: Maybe<string> | undefined) => {
      if (type === UNKNOWN || type === undefined || allowed.includes(type)) {
        return; // allowed, not known yet (checked again when known), or missing (the provider refuses it)
      }
      const why = MEMBER_TYPES.includes(type)
        ? "which is not an allowed member type"
        : "which is not a member type at all";
      reportViolation(`${subject} is ${quote(type)}, ${why} (config allowed: ${list(allowed)}).`);
    };
    if (!listed) {
      check(`Strongly GroupMember '${args.name}' field type`, readStronglyMember(args.props).type);
      return;
    }
    const { members } = readStronglyMembers(args.props);
    if (members === UNKNOWN || members === undefined) {
      return; // the list is not known yet (checked again when known), or missing (the provider refuses it)
    }
    for (const { index, type } of members) {
      check(`Strongly GroupMembers '${args.name}' field members[${index}].type`, type);
    }
  },
};

/**
 * resource-groups-allowed-types (resource policy, mandatory): groups use one of the allowed types.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { choiceListField, chosenFrom, configObject } from "../../core/config";
import { UNKNOWN } from "../../core/known";
import { list, quote } from "../../core/messages";
import { GROUP_TYPES, isGroupType, isResourceGroup, readResourceGroup } from "./resource-types";
import type { GroupType } from "./resource-types";

export const ALLOWED_TYPES = "resource-groups-allowed-types";

export interface AllowedTypesConfig {
  allowed: GroupType[];
}

export function parseAllowedTypesConfig(raw: unknown): AllowedTypesConfig {
  const config = configObject(ALLOWED_TYPES, raw);
  return { allowed: chosenFrom(ALLOWED_TYPES, "allowed", config["allowed"], GROUP_TYPES, "group type") };
}

export const allowedTypes: ResourceValidationPolicy = {
  name: ALLOWED_TYPES,
  description: "Resource groups must use an allowed group type (Manual, TAG or EPS).",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Set the group's 'type' field to one of the allowed types.",
  configSchema: {
    properties: {
      allowed: choiceListField(
        "Group types that may be used. A group without 'type' is a Manual group.",
        GROUP_TYPES,
      ),
    },
  },
  validateResource: (args, reportViolation) => {
    if (!isResourceGroup(args)) {
      args.notApplicable("applies to ResourceGroup resources only");
    }
    const { allowed } = parseAllowedTypesConfig(args.getConfig());
    const { type, typeIsDefault } = readResourceGroup(args.props);
    if (type === UNKNOWN || (allowed as string[]).includes(type)) {
      return;
    }
    const shown = typeIsDefault ? `not set, so ${quote(type)} (the provider's default)` : quote(type);
    const why = isGroupType(type) ? "which is not an allowed group type" : "which is not a group type at all";
    reportViolation(
      `ResourceGroup '${args.name}' field type is ${shown}, ${why} (config allowed: ${list(allowed)}).`,
    );
  },
};

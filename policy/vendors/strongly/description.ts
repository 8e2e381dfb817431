/**
 * resource-groups-strongly-description (resource policy, advisory): every Strongly group has a
 * description. Strongly groups exist for chargeback, and the description is what a cost report shows
 * beside the name to say whose costs these are.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../core/known";
import { isStronglyGroup, readStronglyGroup } from "./resource-types";

export const STRONGLY_DESCRIPTION = "resource-groups-strongly-description";

export const stronglyDescription: ResourceValidationPolicy = {
  name: STRONGLY_DESCRIPTION,
  description: "Strongly resource groups must have a non-empty description.",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps:
    "Set the group's 'description' to what the group's costs are for (team, product or project).",
  configSchema: { properties: {} },
  validateResource: (args, reportViolation) => {
    if (!isStronglyGroup(args)) {
      args.notApplicable("applies to Strongly ResourceGroup resources only");
    }
    const { description } = readStronglyGroup(args.props);
    if (description === UNKNOWN) {
      return; // checked again when known
    }
    if (description === undefined) {
      reportViolation(`Strongly ResourceGroup '${args.name}' has no 'description' field.`);
    } else if (description.trim() === "") {
      reportViolation(`Strongly ResourceGroup '${args.name}' field description is empty (or only spaces).`);
    }
  },
};

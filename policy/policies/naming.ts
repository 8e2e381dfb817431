/**
 * resource-groups-naming (resource policy, advisory): the group names of every vendor follow their
 * vendor's rule (from the contracts) and, on top of it, the configured naming convention.
 *
 * Advisory by default: a naming convention is an organisation's choice, groups taken over with
 * `adopt: true` keep the names they already have in the cloud, and the vendor rule is enforced anyway by
 * the provider's own input check (it fails the preview). Raise it to mandatory once names are clean.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { compilePattern, configObject, optionalString } from "../core/config";
import { UNKNOWN, asString, readField } from "../core/known";
import { quote } from "../core/messages";
import { ruleErrors } from "../core/rules";
import type { VendorGroup } from "../core/vendor";
import { CES_VENDOR } from "../vendors/ces/resource-types";
import { CLOUDFLARE_VENDOR } from "../vendors/cloudflare/resource-types";
import { STRONGLY_VENDOR } from "../vendors/strongly/resource-types";
import { ZOPNIGHT_VENDOR } from "../vendors/zopnight/resource-types";

export const NAMING = "resource-groups-naming";
/** The groups of every vendor, by type token. */
export const NAMED_GROUPS: ReadonlyMap<string, VendorGroup> = new Map(
  [CES_VENDOR, CLOUDFLARE_VENDOR, STRONGLY_VENDOR, ZOPNIGHT_VENDOR].map((group) => [group.type, group]),
);
/** Lowercase kebab-case, 3-63 characters: a DNS-label-like name that is also valid for the vendor. */
export const DEFAULT_NAME_PATTERN = "^[a-z][a-z0-9-]{2,62}$";
export const DEFAULT_NAME_PATTERN_HINT =
  "lowercase kebab-case: a lowercase letter, then lowercase letters, digits or '-', 3-63 characters";

export interface NamingConfig {
  /** `undefined` when the configured pattern is empty: only the vendor rule is checked. */
  pattern: RegExp | undefined;
  patternHint: string;
}

export function parseNamingConfig(raw: unknown): NamingConfig {
  const config = configObject(NAMING, raw);
  const source = optionalString(NAMING, "pattern", config["pattern"]) ?? DEFAULT_NAME_PATTERN;
  const patternHint =
    optionalString(NAMING, "patternHint", config["patternHint"]) ??
    (source === DEFAULT_NAME_PATTERN ? DEFAULT_NAME_PATTERN_HINT : "");
  return { pattern: source === "" ? undefined : compilePattern(NAMING, "pattern", source), patternHint };
}

export const naming: ResourceValidationPolicy = {
  name: NAMING,
  description:
    "Resource group names (of every vendor) must be valid for their vendor and follow the naming convention.",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Rename the group (its 'name' field) so that it matches the naming convention.",
  configSchema: {
    properties: {
      pattern: {
        description:
          "Naming convention on top of the vendor rule: a JavaScript regular expression (no flags) the whole name must match; empty to check the vendor rule only.",
        type: "string",
        default: DEFAULT_NAME_PATTERN,
      },
      patternHint: {
        description: "Plain-words description of 'pattern', shown in violation messages.",
        type: "string",
        default: DEFAULT_NAME_PATTERN_HINT,
      },
    },
  },
  validateResource: (args, reportViolation) => {
    const group = NAMED_GROUPS.get(args.type);
    if (group === undefined) {
      return args.notApplicable("applies to the ResourceGroup resources of every vendor only");
    }
    const config = parseNamingConfig(args.getConfig());
    const name = asString(readField(args.props, "name"));
    const subject = `${group.label} '${args.name}'`;
    if (name === UNKNOWN) {
      return; // checked again when known
    }
    if (name === undefined) {
      const [rule = "a name is required"] = ruleErrors(group.nameRule, "");
      reportViolation(`${subject} has no 'name' field (vendor rule: ${rule}).`);
      return;
    }
    for (const error of ruleErrors(group.nameRule, name)) {
      reportViolation(`${subject} field name ${quote(name)}: ${error} (vendor rule).`);
    }
    if (config.pattern !== undefined && !config.pattern.test(name)) {
      const hint = config.patternHint === "" ? "" : `: ${config.patternHint}`;
      reportViolation(
        `${subject} field name ${quote(name)} does not follow the naming convention ` +
          `(config pattern: ${config.pattern.source}${hint}).`,
      );
    }
  },
};

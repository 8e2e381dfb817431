/**
 * resource-groups-allowed-tag-values (resource policy, mandatory): per tag key, the values a TAG group
 * may match on - an allowed list, a regex pattern, or both (then a value must satisfy both). Applied to
 * a ResourceGroup's own `tags` and to TagRules.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import {
  PolicyConfigError,
  compilePattern,
  configObject,
  optionalString,
  stringArray,
} from "../../core/config";
import { UNKNOWN } from "../../core/known";
import { list, quote } from "../../core/messages";
import { isResourceGroup, isTagRule, readResourceGroup, readTagRule } from "./resource-types";

export const ALLOWED_TAG_VALUES = "resource-groups-allowed-tag-values";

export interface TagValueRule {
  allowed?: string[];
  pattern?: RegExp;
}

export interface AllowedTagValuesConfig {
  rules: Map<string, TagValueRule>;
}

export function parseAllowedTagValuesConfig(raw: unknown): AllowedTagValuesConfig {
  const config = configObject(ALLOWED_TAG_VALUES, raw);
  const rules = new Map<string, TagValueRule>();
  const rawRules = configObject(ALLOWED_TAG_VALUES, config["rules"]);
  for (const [key, rawRule] of Object.entries(rawRules)) {
    const ruleObject = configObject(ALLOWED_TAG_VALUES, rawRule);
    const field = `rules.${key}`;
    const rule: TagValueRule = {};
    if (ruleObject["allowed"] !== undefined) {
      rule.allowed = stringArray(ALLOWED_TAG_VALUES, `${field}.allowed`, ruleObject["allowed"], []);
    }
    const pattern = optionalString(ALLOWED_TAG_VALUES, `${field}.pattern`, ruleObject["pattern"]);
    if (pattern !== undefined) {
      rule.pattern = compilePattern(ALLOWED_TAG_VALUES, `${field}.pattern`, pattern);
    }
    if (rule.allowed === undefined && rule.pattern === undefined) {
      throw new PolicyConfigError(ALLOWED_TAG_VALUES, `'${field}' needs 'allowed' or 'pattern'`);
    }
    rules.set(key, rule);
  }
  return { rules };
}

/** Why `value` breaks `rule` (one reason per failed constraint); empty when it is fine. */
export function tagValueProblems(key: string, value: string | undefined, rule: TagValueRule): string[] {
  const shown =
    value === undefined || value === "" ? "no value (it matches any value)" : `value ${quote(value)}`;
  const problems: string[] = [];
  if (rule.allowed !== undefined && !rule.allowed.includes(value ?? "")) {
    problems.push(
      `has ${shown}, not one of the allowed values for ${quote(key)} (config allowed: ${list(rule.allowed)})`,
    );
  }
  if (rule.pattern !== undefined && !rule.pattern.test(value ?? "")) {
    problems.push(
      `has ${shown}, which does not match the pattern for ${quote(key)} (config pattern: ${rule.pattern.source})`,
    );
  }
  return problems;
}

export const allowedTagValues: ResourceValidationPolicy = {
  name: ALLOWED_TAG_VALUES,
  description: "Tag values that resource groups and TagRules match on must be allowed for their key.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    "Use one of the allowed values (or a value matching the pattern) configured for the tag key.",
  configSchema: {
    properties: {
      rules: {
        description:
          "Per tag key: 'allowed' (list of values) and/or 'pattern' (JavaScript regular expression, no flags; anchor it with ^ and $). With both, a value must satisfy both.",
        type: "object",
        additionalProperties: {
          type: "object",
          properties: {
            allowed: { type: "array", items: { type: "string" }, uniqueItems: true },
            pattern: { type: "string" },
          },
          additionalProperties: false,
          minProperties: 1,
        },
        default: {},
      },
    },
  },
  validateResource: (args, reportViolation) => {
    if (!isResourceGroup(args) && !isTagRule(args)) {
      args.notApplicable("applies to ResourceGroup and TagRule resources only");
    }
    const { rules } = parseAllowedTagValuesConfig(args.getConfig());
    if (rules.size === 0) {
      args.notApplicable("no tag value rules configured");
    }
    if (isTagRule(args)) {
      const { key, value } = readTagRule(args.props);
      const rule = typeof key === "string" ? rules.get(key) : undefined;
      if (key === UNKNOWN || key === undefined || rule === undefined || value === UNKNOWN) {
        return; // no rule for this key, or not known yet (checked again when known)
      }
      for (const problem of tagValueProblems(key, value, rule)) {
        reportViolation(`TagRule '${args.name}' (key ${quote(key)}) field value ${problem}.`);
      }
      return;
    }
    const { tags } = readResourceGroup(args.props);
    if (tags === UNKNOWN || tags === undefined) {
      return;
    }
    for (const tag of tags) {
      const rule = typeof tag.key === "string" ? rules.get(tag.key) : undefined;
      if (typeof tag.key !== "string" || rule === undefined || tag.value === UNKNOWN) {
        continue;
      }
      for (const problem of tagValueProblems(tag.key, tag.value, rule)) {
        reportViolation(
          `ResourceGroup '${args.name}' field tags[${tag.index}] (key ${quote(tag.key)}) ${problem}.`,
        );
      }
    }
  },
};

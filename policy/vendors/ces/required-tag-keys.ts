/**
 * resource-groups-required-tag-keys (stack policy, mandatory): every TAG group matches on the configured
 * tag keys, counting both its own `tags` and the TagRules that target it.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { stringListConfig } from "../../core/config";
import { UNKNOWN } from "../../core/known";
import { list } from "../../core/messages";
import { StackGroups } from "../../core/targets";
import { CES_VENDOR, isTagRule, readTagRule } from "./resource-types";

export const REQUIRED_TAG_KEYS = "resource-groups-required-tag-keys";
export const DEFAULT_REQUIRED_KEYS: readonly string[] = ["env", "owner", "cost-center"];

const CONFIG = stringListConfig(
  REQUIRED_TAG_KEYS,
  "keys",
  "Tag keys every TAG group must match on (case-sensitive).",
  DEFAULT_REQUIRED_KEYS,
  { minLength: 1 },
);

export const parseRequiredTagKeysConfig = CONFIG.parse;

interface KeysFromRules {
  keys: Set<string>;
  /** A TagRule targeting the group has a key that is not known yet. */
  someUnknown: boolean;
}

export const requiredTagKeys: StackValidationPolicy = {
  name: REQUIRED_TAG_KEYS,
  description:
    "TAG resource groups must match on the required tag keys (own tags plus TagRules targeting them).",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    "Add the missing keys to the group's `tags`, or create TagRule resources for them whose groupId is the group's groupId.",
  configSchema: CONFIG.schema,
  validateStack: (args, reportViolation) => {
    const { keys } = parseRequiredTagKeysConfig(args.getConfig());
    if (keys.length === 0) {
      args.notApplicable("no required tag keys configured");
    }
    const stack = new StackGroups(args.resources, CES_VENDOR.groups);
    const fromRules = new Map<string, KeysFromRules>();
    for (const resource of args.resources.filter(isTagRule)) {
      const target = stack.targetOf(resource);
      if (target.kind !== "group") {
        continue; // outside the stack or not attributable: resource-groups-member-targets reports those
      }
      const urn = target.group.resource.urn;
      const entry = fromRules.get(urn) ?? { keys: new Set<string>(), someUnknown: false };
      fromRules.set(urn, entry);
      const { key } = readTagRule(resource.props);
      if (key === UNKNOWN) {
        entry.someUnknown = true;
      } else if (key !== undefined) {
        entry.keys.add(key);
      }
    }

    for (const { resource, view } of stack.groups) {
      if (view.type !== "TAG" || view.tags === UNKNOWN) {
        continue; // not a TAG group, or not known yet: checked again once known
      }
      const rules = fromRules.get(resource.urn) ?? { keys: new Set<string>(), someUnknown: false };
      const present = new Set(rules.keys);
      let someUnknown = rules.someUnknown;
      for (const tag of view.tags ?? []) {
        if (tag.key === UNKNOWN) {
          someUnknown = true;
        } else if (tag.key !== undefined) {
          present.add(tag.key);
        }
      }
      const missing = keys.filter((key) => !present.has(key));
      if (missing.length === 0 || someUnknown) {
        continue; // an unknown key may be a missing one: decided when the values are known
      }
      reportViolation(
        `TAG group '${resource.name}' is missing required tag key(s): ${list(missing)} ` +
          `(config keys: ${list(keys)}; it matches on: ${list([...present].sort())}). ` +
          "Add them to its 'tags' field or as TagRules targeting it.",
        resource.urn,
      );
    }
  },
};

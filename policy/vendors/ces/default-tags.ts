/**
 * resource-groups-default-tags (resource policy, remediate): TAG groups get the configured default tags.
 *
 * At enforcementLevel "remediate" (the default) the engine runs `remediateResource` before any
 * validation and deploys the returned properties: a TAG group missing a default key gets
 * `{key, value}` appended to its `tags`. It adds all missing defaults or none: when they would take the
 * group's own `tags` above the vendor limit of 10, it changes nothing and `validateResource` reports it
 * (the engine reports violations of a "remediate" policy as mandatory). At "advisory" or "mandatory" the
 * engine does not remediate; `validateResource` reports every missing default instead.
 *
 * Only the group's own `tags` are seen (a resource policy sees one resource): a key that a TagRule
 * supplies is still added, and the TagRules' share of the 10-rule limit is not counted.
 */
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { ces } from "pulumi-resource-groups-contracts";
import { PolicyConfigError, configObject } from "../../core/config";
import { UNKNOWN } from "../../core/known";
import { list } from "../../core/messages";
import { ruleErrors } from "../../core/rules";
import { isResourceGroup, readResourceGroup } from "./resource-types";
import type { GroupTag, ResourceGroupView } from "./resource-types";

export const DEFAULT_TAGS = "resource-groups-default-tags";

export interface DefaultTagsConfig {
  defaults: Map<string, string>;
}

export function parseDefaultTagsConfig(raw: unknown): DefaultTagsConfig {
  const config = configObject(DEFAULT_TAGS, raw);
  const defaults = new Map<string, string>();
  for (const [key, value] of Object.entries(configObject(DEFAULT_TAGS, config["defaults"]))) {
    if (typeof value !== "string") {
      throw new PolicyConfigError(DEFAULT_TAGS, `'defaults.${key}' must be a string`);
    }
    const errors = [...ruleErrors(ces.tagKey, key), ...ruleErrors(ces.tagValue, value)];
    if (errors.length > 0) {
      throw new PolicyConfigError(DEFAULT_TAGS, `'defaults.${key}': ${errors.join("; ")} (vendor rule)`);
    }
    defaults.set(key, value);
  }
  return { defaults };
}

export type DefaultTagsPlan =
  /** Nothing to add (not a TAG group, or no default missing). */
  | { kind: "none" }
  /** Type or tag keys not known yet (preview): decided when known. */
  | { kind: "unknown" }
  | { kind: "add"; missing: GroupTag[]; total: number }
  /** Adding `missing` would make `total` tags, above the vendor limit. */
  | { kind: "overflow"; missing: GroupTag[]; total: number };

export function planDefaultTags(
  view: ResourceGroupView,
  defaults: ReadonlyMap<string, string>,
): DefaultTagsPlan {
  if (view.type === UNKNOWN || view.tags === UNKNOWN) {
    return view.type === "TAG" || view.type === UNKNOWN ? { kind: "unknown" } : { kind: "none" };
  }
  if (view.type !== "TAG" || defaults.size === 0) {
    return { kind: "none" };
  }
  const tags = view.tags ?? [];
  if (tags.some((tag) => tag.key === UNKNOWN)) {
    return { kind: "unknown" };
  }
  const present = new Set(tags.map((tag) => tag.key));
  const missing = [...defaults].filter(([key]) => !present.has(key)).map(([key, value]) => ({ key, value }));
  if (missing.length === 0) {
    return { kind: "none" };
  }
  const total = tags.length + missing.length;
  return { kind: total > ces.CES_LIMITS.tagsMax ? "overflow" : "add", missing, total };
}

function shown(tags: readonly GroupTag[]): string {
  return list(tags.map((tag) => `${tag.key}=${tag.value ?? ""}`));
}

function plan(args: ResourceValidationArgs): DefaultTagsPlan {
  const { defaults } = parseDefaultTagsConfig(args.getConfig());
  if (defaults.size === 0) {
    args.notApplicable("no default tags configured");
  }
  return planDefaultTags(readResourceGroup(args.props), defaults);
}

export const defaultTags: ResourceValidationPolicy = {
  name: DEFAULT_TAGS,
  description:
    "TAG resource groups get the configured default tags (added automatically at level 'remediate').",
  enforcementLevel: "remediate",
  severity: "low",
  remediationSteps:
    "Add the default tags to the group's 'tags' field, or run this policy at enforcementLevel 'remediate'.",
  configSchema: {
    properties: {
      defaults: {
        description: "Default tags {key: value} every TAG group must have in its own 'tags'.",
        type: "object",
        additionalProperties: { type: "string", maxLength: ces.CES_LIMITS.tagValueMax },
        default: {},
      },
    },
  },
  remediateResource: (args) => {
    if (!isResourceGroup(args)) {
      args.notApplicable("applies to ResourceGroup resources only");
    }
    const result = plan(args);
    if (result.kind !== "add") {
      return undefined;
    }
    // Keep the existing entries as the engine gave them (they may hold secrets or unknown values) and
    // assign through `props`, which keeps a secret `tags` secret; this is the pattern @pulumi/policy
    // documents for remediations (mutate the props, return them).
    const props = args.props;
    const existing: unknown = props["tags"];
    props["tags"] = [...(Array.isArray(existing) ? (existing as unknown[]) : []), ...result.missing];
    return props;
  },
  validateResource: (args, reportViolation) => {
    if (!isResourceGroup(args)) {
      args.notApplicable("applies to ResourceGroup resources only");
    }
    const result = plan(args);
    if (result.kind === "add") {
      reportViolation(
        `TAG group '${args.name}' field tags is missing default tag(s): ${shown(result.missing)} (config defaults). ` +
          "They are added automatically only at enforcementLevel 'remediate'.",
      );
    } else if (result.kind === "overflow") {
      reportViolation(
        `TAG group '${args.name}' field tags is missing default tag(s): ${shown(result.missing)} (config defaults), ` +
          `but adding them would make ${result.total} tags, above the vendor limit of ${ces.CES_LIMITS.tagsMax} per group, ` +
          "so none were added: make room in 'tags' and add them by hand.",
      );
    }
  },
};

/** The policies for Huawei Cloud Eye (CES) resources only. */
import type { Policies } from "@pulumi/policy";
import { allowedTagValues } from "./allowed-tag-values";
import { allowedTypes } from "./allowed-types";
import { defaultTags } from "./default-tags";
import { memberTargets } from "./member-targets";
import { memberTargetsUnverified } from "./member-targets-unverified";
import { requiredTagKeys } from "./required-tag-keys";

/** The remediation first: the engine runs every remediation before any validation anyway. */
export const cesRemediations: Policies = [defaultTags];

export const cesPolicies: Policies = [
  allowedTypes,
  allowedTagValues,
  requiredTagKeys,
  memberTargets,
  memberTargetsUnverified,
];

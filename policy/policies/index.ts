/** Every policy of the pack, in the order the engine runs them. */
import type { Policies } from "@pulumi/policy";
import { allowedTagValues } from "./allowed-tag-values";
import { allowedTypes } from "./allowed-types";
import { defaultTags } from "./default-tags";
import { memberTargets } from "./member-targets";
import { memberTargetsUnverified } from "./member-targets-unverified";
import { naming } from "./naming";
import { requiredTagKeys } from "./required-tag-keys";

export const policies: Policies = [
  // Remediation first in the list too: the engine runs every remediation before any validation anyway.
  defaultTags,
  allowedTypes,
  naming,
  allowedTagValues,
  requiredTagKeys,
  memberTargets,
  memberTargetsUnverified,
];

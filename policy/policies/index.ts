/** Every policy of the pack, in the order the engine runs them: those for every vendor, then per vendor. */
import type { Policies } from "@pulumi/policy";
import { cesPolicies, cesRemediations } from "../vendors/ces";
import { cloudflarePolicies } from "../vendors/cloudflare";
import { stronglyPolicies } from "../vendors/strongly";
import { zopnightPolicies } from "../vendors/zopnight";
import { naming } from "./naming";
import { oneMembershipOwner } from "./one-membership-owner";

export const policies: Policies = [
  ...cesRemediations,
  naming,
  oneMembershipOwner,
  ...cesPolicies,
  ...cloudflarePolicies,
  ...stronglyPolicies,
  ...zopnightPolicies,
];

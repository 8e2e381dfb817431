/** The policies for ZopNight resources only. */
import type { Policies } from "@pulumi/policy";
import { zopnightTierOrder } from "./tier-order";

export const zopnightPolicies: Policies = [zopnightTierOrder];

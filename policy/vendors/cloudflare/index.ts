/** The policies for Cloudflare IAM resources only. */
import type { Policies } from "@pulumi/policy";
import { cloudflareAccountWideScope } from "./account-wide-scope";
import { cloudflareExclusiveMembers } from "./exclusive-members";

export const cloudflarePolicies: Policies = [cloudflareAccountWideScope, cloudflareExclusiveMembers];

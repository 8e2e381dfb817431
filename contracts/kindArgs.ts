/** The argument schema of every kind: what check() applies, and what JSON Schemas are generated from. */
import type { z } from "zod";
import { outputsOf } from "./core/arguments";
import type { KindName } from "./kinds";
import * as ces from "./vendors/ces/args";
import * as cloudflare from "./vendors/cloudflare/args";
import * as strongly from "./vendors/strongly/args";
import * as zopnight from "./vendors/zopnight/args";

export const KIND_ARGS = {
  resourceGroup: ces.resourceGroupArgs,
  groupMember: ces.groupMemberArgs,
  tagRule: ces.tagRuleArgs,
  groupMembers: ces.groupMembersArgs,
  cloudflareResourceGroup: cloudflare.resourceGroupArgs,
  cloudflareGroupMember: cloudflare.groupMemberArgs,
  cloudflareGroupMembers: cloudflare.groupMembersArgs,
  stronglyResourceGroup: strongly.resourceGroupArgs,
  stronglyGroupMember: strongly.groupMemberArgs,
  stronglyGroupMembers: strongly.groupMembersArgs,
  zopnightResourceGroup: zopnight.resourceGroupArgs,
  zopnightGroupMember: zopnight.groupMemberArgs,
  zopnightGroupMembers: zopnight.groupMembersArgs,
} as const satisfies { readonly [K in KindName]: z.ZodType };

/** The outputs of a kind beyond its arguments: what its class passes as placeholders for the engine. */
export function kindOutputs(kind: KindName): readonly string[] {
  return outputsOf(KIND_ARGS[kind]);
}

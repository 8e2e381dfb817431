/** Fills a resource's account from the settings, so every state records the account it lives in. */
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { checkWith } from "../../../core/check";
import { ResourceGroupsError } from "../../../core/errors";
import { defaultAccountId } from "../settings";
import type { DeclaredScope } from "./scope";

type WithAccount =
  { ok: true; inputs: Record<string, unknown> } | { ok: false; result: pulumi.dynamic.CheckResult };

function withAccount(news: Record<string, unknown>): WithAccount {
  if (news.accountId !== undefined && news.accountId !== null) return { ok: true, inputs: news };
  try {
    return { ok: true, inputs: { ...news, accountId: defaultAccountId() } };
  } catch (error) {
    if (!(error instanceof ResourceGroupsError)) throw error;
    return {
      ok: false,
      result: { inputs: news, failures: [{ property: "accountId", reason: error.message }] },
    };
  }
}

/**
 * check() of a Cloudflare kind: the inputs, with the configured account when they name none, run
 * through `schema` (and `normalize`).
 */
export function checkWithAccount<S extends z.ZodType>(
  schema: S,
  news: Record<string, unknown>,
  normalize: (value: z.output<S>) => Record<string, unknown> = (value) => ({ ...(value as object) }),
): pulumi.dynamic.CheckResult {
  const filled = withAccount(news);
  return filled.ok ? checkWith(schema, filled.inputs, normalize) : filled.result;
}

/**
 * Groups declared `exclusive` in this run, as `<account>/<group>`: the provider process serves every
 * resource of the run, so a GroupMember aimed at one is refused instead of being removed by the
 * group's next update.
 */
const exclusiveGroups = new Set<string>();

export function markExclusive(accountId: string, groupId: string, exclusive: boolean): void {
  if (exclusive) exclusiveGroups.add(`${accountId}/${groupId}`);
  else exclusiveGroups.delete(`${accountId}/${groupId}`);
}

export const isExclusive = (accountId: string, groupId: string): boolean =>
  exclusiveGroups.has(`${accountId}/${groupId}`);

/**
 * What this run declares, by `<account>/<group>`: the scope of each ResourceGroup, the groups whose
 * zones a GroupMembers owns whole, and the groups that have GroupMember resources (one zone each).
 * Two of these on one group would undo each other's writes, so check() refuses the mixes it can see;
 * groups of other stacks are beyond its sight.
 */
const declaredScopes = new Map<string, DeclaredScope>();
const wholeMemberships = new Set<string>();
const singleMembers = new Set<string>();

export function noteDeclaredScope(
  accountId: string,
  groupId: string,
  scope: DeclaredScope | undefined,
): void {
  if (scope) declaredScopes.set(`${accountId}/${groupId}`, scope);
  else declaredScopes.delete(`${accountId}/${groupId}`);
}

export const declaredScope = (accountId: string, groupId: string): DeclaredScope | undefined =>
  declaredScopes.get(`${accountId}/${groupId}`);

export function noteWholeMembership(accountId: string, groupId: string): void {
  wholeMemberships.add(`${accountId}/${groupId}`);
}

export const hasWholeMembership = (accountId: string, groupId: string): boolean =>
  wholeMemberships.has(`${accountId}/${groupId}`);

export function noteSingleMember(accountId: string, groupId: string): void {
  singleMembers.add(`${accountId}/${groupId}`);
}

export const hasSingleMembers = (accountId: string, groupId: string): boolean =>
  singleMembers.has(`${accountId}/${groupId}`);

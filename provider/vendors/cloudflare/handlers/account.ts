/** Fills a resource's account from the settings, so every state records the account it lives in. */
import type * as pulumi from "@pulumi/pulumi";
import { ResourceGroupsError } from "../../../core/errors";
import { defaultAccountId } from "../settings";

export type WithAccount =
  { ok: true; inputs: Record<string, unknown> } | { ok: false; result: pulumi.dynamic.CheckResult };

export function withAccount(news: Record<string, unknown>): WithAccount {
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

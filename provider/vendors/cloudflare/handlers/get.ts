/**
 * What the Cloudflare handlers need for a class's static `get(name, id)`: the form of each kind's id.
 * A get reads in the configured account (`resourcegroups:cloudflareAccountId`).
 */
import type { GetTarget } from "../../../core/readForGet";
import { defaultAccountId } from "../settings";

const GROUP_ID_FORM = "the group's id, 32 lowercase hexadecimal characters";

export const GET_TARGETS = {
  resourceGroup: { kind: "cloudflare.ResourceGroup", vendor: "Cloudflare", idForm: GROUP_ID_FORM },
  groupMembers: { kind: "cloudflare.GroupMembers", vendor: "Cloudflare", idForm: GROUP_ID_FORM },
  groupMember: { kind: "cloudflare.GroupMember", vendor: "Cloudflare", idForm: "<groupId>/<zoneId>" },
} satisfies Record<string, GetTarget>;

/** The account a get reads in; fails naming the setting when none is configured. */
export const getAccountId = (): string => defaultAccountId();

export const inAccount = (accountId: string): string => `in account ${accountId}`;

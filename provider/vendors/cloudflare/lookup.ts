/** `cloudflare.getResourceGroup`: a Cloudflare group that the program references but does not manage. */
import type * as pulumi from "@pulumi/pulumi";
import { inProgram, lookupBy, noGroup, outputForm } from "../../core/lookup";

export interface GetResourceGroupArgs {
  /** The group's name (unique in the account, compared exactly). Give this or `id`. */
  name?: string;
  /** The group's id, 32 lowercase hexadecimal characters. Give this or `name`. */
  id?: string;
  /** The account to look in, when it is not the configured `resourcegroups:cloudflareAccountId`. */
  accountId?: string;
  /** A named connection (stack config `resourcegroups:connections`) to read through; default: none. */
  connection?: string;
}

/** A Cloudflare IAM resource group as the API holds it. */
export interface GetResourceGroupResult {
  /** The group's id, 32 hexadecimal characters: what a `GroupMember`'s `groupId` takes. */
  id: string;
  /** The same as `id`, under the name the `ResourceGroup` class gives it. */
  groupId: string;
  /** The account the group belongs to. */
  accountId: string;
  /** The group's name. */
  name: string;
  /** The zones of the group's scope, by zone id; empty when it scopes the whole account. */
  zones: string[];
  /** Whether the group scopes the whole account (`*`). */
  wholeAccount: boolean;
  /** False for the account's built-in group, which Cloudflare manages and nobody can change. */
  editable: boolean;
}

const FN = "cloudflare.getResourceGroup";

/** Finds a Cloudflare resource group by name or id; fails naming the vendor and the name if none. */
export async function getResourceGroup(args: GetResourceGroupArgs): Promise<GetResourceGroupResult> {
  const key = lookupBy(FN, args);
  return inProgram(args.connection, async () => {
    const [{ cloudflareApi, defaultAccountId }, { coversWholeAccount, zonesOf }] = await Promise.all([
      import("./settings"),
      import("pulumi-resource-groups-contracts/cloudflare"),
    ]);
    const accountId = args.accountId ?? defaultAccountId();
    const api = cloudflareApi();
    const group =
      key.by === "name"
        ? await api.findGroupByName(accountId, key.value)
        : await api.getGroup(accountId, key.value);
    if (!group) throw noGroup(FN, "Cloudflare", key, `in account ${accountId}`);
    return {
      id: group.id,
      groupId: group.id,
      accountId,
      name: group.name,
      zones: zonesOf(group.objects),
      wholeAccount: coversWholeAccount(group.objects),
      editable: group.editable,
    };
  });
}

/** {@link getResourceGroup} taking Outputs, for names and ids other resources produce. */
export const getResourceGroupOutput: (args: {
  [K in keyof GetResourceGroupArgs]: pulumi.Input<GetResourceGroupArgs[K]>;
}) => pulumi.Output<GetResourceGroupResult> = outputForm(getResourceGroup);

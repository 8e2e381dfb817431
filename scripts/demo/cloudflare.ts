/** The Cloudflare groups of the demo account with their zones; the built-in group is left out. */
import type { RunningEmulator } from "../../emulator";
import { getJson, line } from "./http";

export const CLOUDFLARE_ACCOUNT = "de0de0de0de0de0de0de0de0de0de0de";

interface WireGroup {
  id: string;
  name: string;
  scope: { key: string; objects: { key: string }[] }[];
  meta: { key: string; value: string };
}

export async function printCloudflare(emulator: RunningEmulator): Promise<void> {
  const { result } = await getJson<{ result: WireGroup[] }>(
    emulator,
    `/client/v4/accounts/${CLOUDFLARE_ACCOUNT}/iam/resource_groups`,
    { Authorization: `Bearer ${emulator.tokens.cloudflare}` },
  );
  const groups = result.filter((g) => g.meta.value !== "false");
  line(`Cloudflare: ${groups.length} resource group(s) in account ${CLOUDFLARE_ACCOUNT}`);
  for (const group of groups) {
    const objects = (group.scope[0]?.objects ?? []).map((o) =>
      o.key === "*" ? "the whole account" : o.key.replace("com.cloudflare.api.account.zone.", "zone "),
    );
    line(`  ${group.name.padEnd(18)} ${group.id}  ${objects.length} object(s)`);
    for (const object of objects) line(`    ${object}`);
  }
}

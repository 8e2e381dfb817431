/** The ZopNight groups with their members in start order: tier by tier, by order within a tier. */
import type { RunningEmulator } from "../../emulator";
import { getJson, line } from "./http";

interface WireMember {
  resourceName: string;
  resourceUID: string;
  executionTier: string;
  executionOrder: number;
}

const tierNumber = (tier: string): number => Number(tier.replace("tier-", ""));

export async function printZopNight(emulator: RunningEmulator): Promise<void> {
  const headers = { Authorization: `Bearer ${emulator.tokens.zopnight}` };
  const list = await getJson<{ data: { id: string }[]; pagination: { total: number } }>(
    emulator,
    "/api/resource-groups?limit=100",
    headers,
  );
  line(`ZopNight: ${list.pagination.total} resource group(s)`);
  for (const { id } of list.data) {
    const { data: group } = await getJson<{ data: { name: string; id: string; members: WireMember[] } }>(
      emulator,
      `/api/resource-groups/${id}`,
      headers,
    );
    line(`  ${group.name.padEnd(18)} ${group.id}  start order:`);
    const ordered = [...group.members].sort(
      (a, b) =>
        tierNumber(a.executionTier) - tierNumber(b.executionTier) || a.executionOrder - b.executionOrder,
    );
    for (const member of ordered) {
      line(
        `    ${member.executionTier.padEnd(7)} #${member.executionOrder}  ${member.resourceName.padEnd(18)} ${member.resourceUID}`,
      );
    }
  }
}

/** The Strongly groups with their members, as cost reports group them. */
import type { RunningEmulator } from "../../emulator";
import { getJson, line } from "./http";

interface WireGroup {
  _id: string;
  name: string;
  description: string;
  resources: { type: string; resourceId: string; name: string }[];
}

export async function printStrongly(emulator: RunningEmulator): Promise<void> {
  const headers = { "X-API-Key": emulator.tokens.strongly };
  const base = "/api/v1/finops/resource-groups";
  const list = await getJson<{ count: number; items: { _id: string }[] }>(
    emulator,
    `${base}?limit=100`,
    headers,
  );
  line(`Strongly FinOps: ${list.count} resource group(s)`);
  for (const { _id } of list.items) {
    const group = await getJson<WireGroup>(emulator, `${base}/${_id}`, headers);
    line(
      `  ${group.name.padEnd(18)} ${group._id}  ${group.resources.length} member(s): ${group.description}`,
    );
    for (const member of group.resources) {
      line(`    ${member.type.padEnd(10)} ${member.resourceId.padEnd(22)} ${member.name}`);
    }
  }
}

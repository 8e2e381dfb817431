/** The CES groups of the demo project, with their members or tags. */
import type { RunningEmulator } from "../../emulator";
import { getJson, line } from "./http";

export const CES_PROJECT = "demo-project";

interface WireGroup {
  group_id: string;
  group_name: string;
  type: string;
  tags: { key: string; value: string }[];
  association_ep_ids: string[];
}

export async function printCes(emulator: RunningEmulator): Promise<void> {
  const get = <T>(path: string) =>
    getJson<T>(emulator, `/v2/${CES_PROJECT}/resource-groups${path}`, {
      "X-Auth-Token": emulator.tokens.ces,
    });
  const memberCount = async (groupId: string): Promise<string> => {
    const parts: string[] = [];
    for (const service of ["SYS.ECS", "SYS.RDS"]) {
      const { count } = await get<{ count: number }>(`/${groupId}/services/${service}/resources`);
      if (count > 0) parts.push(`${count} in ${service}`);
    }
    return parts.length > 0 ? parts.join(", ") : "none";
  };

  const list = await get<{ count: number; resource_groups: { group_id: string }[] }>("");
  line(`Huawei Cloud Eye: ${list.count} resource group(s) in project ${CES_PROJECT}`);
  for (const { group_id } of list.resource_groups) {
    const group = await get<WireGroup>(`/${group_id}`);
    let detail = "";
    if (group.type === "Manual") detail = `members: ${await memberCount(group.group_id)}`;
    if (group.type === "TAG") detail = `tags: ${group.tags.map((t) => `${t.key}=${t.value}`).join(", ")}`;
    if (group.type === "EPS") detail = `enterprise projects: ${group.association_ep_ids.join(", ")}`;
    line(`  ${group.group_name.padEnd(18)} ${group.type.padEnd(6)} ${group.group_id}  ${detail}`);
  }
}

/** CES groups for the overview page: every project, in creation order, with their stored members. */
import type { Dimension, Tag } from "pulumi-resource-groups-contracts/ces";
import { groupsWithMembers, type VendorOverview } from "../../core/overview";
import type { SqlDatabase } from "../../core/sqlite";

interface GroupRow {
  seq: number;
  project_id: string;
  group_id: string;
  group_name: string;
  type: string;
  enterprise_project_id: string;
  tags: string;
  association_ep_ids: string;
}

interface MemberRow {
  group_seq: number;
  namespace: string;
  dimensions: string;
}

export function cesOverview(db: SqlDatabase): Omit<VendorOverview, "vendor"> {
  const sql = {
    groups: "SELECT * FROM ces_groups ORDER BY seq",
    members: "SELECT group_seq, namespace, dimensions FROM ces_members ORDER BY seq",
  };
  return {
    title: "Huawei Cloud Eye (CES) v2",
    groups: groupsWithMembers<GroupRow, MemberRow>(db, sql, (row, members) => ({
      id: row.group_id,
      name: row.group_name,
      kind: row.type,
      scopes: [
        `project ${row.project_id}`,
        `enterprise project ${row.enterprise_project_id}`,
        ...(JSON.parse(row.association_ep_ids) as string[]).map(
          (id) => `associated enterprise project ${id}`,
        ),
      ],
      tags: JSON.parse(row.tags) as Tag[],
      members: members.map((m) => ({
        name: m.namespace,
        detail: (JSON.parse(m.dimensions) as Dimension[]).map((d) => `${d.name}=${d.value}`).join(", "),
      })),
    })),
  };
}

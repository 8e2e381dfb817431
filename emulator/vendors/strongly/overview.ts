/** Strongly FinOps groups for the overview page, in creation order, members in the order added. */
import { groupsWithMembers, type VendorOverview } from "../../core/overview";
import type { SqlDatabase } from "../../core/sqlite";

interface GroupRow {
  seq: number;
  group_id: string;
  organization_id: string;
  name: string;
  description: string;
  status: string;
}

interface MemberRow {
  group_seq: number;
  type: string;
  resource_id: string;
  name: string;
}

export function stronglyOverview(db: SqlDatabase): Omit<VendorOverview, "vendor"> {
  const sql = {
    groups: "SELECT * FROM strongly_groups ORDER BY seq",
    members: "SELECT group_seq, type, resource_id, name FROM strongly_members ORDER BY seq",
  };
  return {
    title: "Strongly FinOps",
    groups: groupsWithMembers<GroupRow, MemberRow>(db, sql, (row, members) => ({
      id: row.group_id,
      name: row.name,
      kind: row.status,
      description: row.description || undefined,
      scopes: [`organization ${row.organization_id}`],
      tags: [],
      members: members.map((m) => ({ name: m.name, detail: `${m.type} ${m.resource_id}` })),
    })),
  };
}

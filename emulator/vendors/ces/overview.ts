/** CES groups for the overview page: every project, in creation order, with their stored members. */
import type { OverviewGroup, VendorOverview } from "../../core/overview";
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
  const groups = db.prepare<[], GroupRow>("SELECT * FROM ces_groups ORDER BY seq").all();
  const members = db
    .prepare<[], MemberRow>("SELECT group_seq, namespace, dimensions FROM ces_members ORDER BY seq")
    .all();
  return {
    title: "Huawei Cloud Eye (CES) v2",
    groups: groups.map((row): OverviewGroup => {
      const epIds = JSON.parse(row.association_ep_ids) as string[];
      return {
        id: row.group_id,
        name: row.group_name,
        kind: row.type,
        scopes: [
          `project ${row.project_id}`,
          `enterprise project ${row.enterprise_project_id}`,
          ...epIds.map((id) => `associated enterprise project ${id}`),
        ],
        tags: JSON.parse(row.tags) as { key: string; value: string }[],
        members: members
          .filter((m) => m.group_seq === row.seq)
          .map((m) => ({
            name: m.namespace,
            detail: (JSON.parse(m.dimensions) as { name: string; value: string }[])
              .map((d) => `${d.name}=${d.value}`)
              .join(", "),
          })),
      };
    }),
  };
}

/**
 * ZopNight groups for the overview page, members in start order (tier, then order within the tier,
 * then the order they joined), with the schedules attached to each group.
 */
import { groupsWithMembers, type VendorOverview } from "../../core/overview";
import type { SqlDatabase } from "../../core/sqlite";
import { tierName } from "./store";

interface GroupRow {
  seq: number;
  id: string;
  name: string;
  description: string;
}

interface MemberRow {
  group_seq: number;
  tier_number: number;
  execution_order: number;
  name: string;
  type: string;
  region: string;
}

interface ScheduleRow {
  group_seq: number;
  name: string;
  timezone: string;
}

export function zopnightOverview(db: SqlDatabase): Omit<VendorOverview, "vendor"> {
  const schedules = db
    .prepare<[], ScheduleRow>(
      `SELECT a.group_seq, s.name, s.timezone FROM zopnight_schedule_groups a
       JOIN zopnight_schedules s ON s.seq = a.schedule_seq ORDER BY s.seq`,
    )
    .all();
  const sql = {
    groups: "SELECT seq, id, name, description FROM zopnight_groups ORDER BY created_at, seq",
    members: `SELECT m.group_seq, m.tier_number, m.execution_order, r.name, r.type, r.region
       FROM zopnight_members m JOIN zopnight_resources r ON r.id = m.resource_id
       ORDER BY m.group_seq, m.tier_number, m.execution_order, m.seq`,
  };
  return {
    title: "ZopNight",
    groups: groupsWithMembers<GroupRow, MemberRow>(db, sql, (row, members) => ({
      id: row.id,
      name: row.name,
      description: row.description || undefined,
      scopes: schedules
        .filter((s) => s.group_seq === row.seq)
        .map((s) => `schedule ${s.name} (${s.timezone})`),
      tags: [],
      members: members.map((m) => ({
        name: m.name,
        detail: `${tierName(m.tier_number)} #${m.execution_order} · ${m.type} · ${m.region}`,
      })),
    })),
  };
}

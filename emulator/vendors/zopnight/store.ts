/**
 * SQLite storage of ZopNight resource groups, their members, the resource inventory and schedules.
 * Every write runs in one transaction.
 */
import {
  DEFAULT_TIER,
  TIERS,
  ZOPNIGHT_LIMITS,
  nameKey,
  tierNumber,
  type CreateGroupBody,
  type InventoryResourceInput,
  type Paging,
  type SequenceBody,
  type UpdateGroupBody,
  type WireGroup,
  type WireMember,
  type WireSchedule,
} from "pulumi-resource-groups-contracts/zopnight";
import type { Migration } from "../../core/db";
import type { SqlDatabase } from "../../core/sqlite";
import { LOWERCASE_ALPHANUMERIC, found, randomId, unusedId } from "../../core/store";
import { zopnightErrors } from "./errors";
import { STARTING_INVENTORY, type InventoryResource } from "./inventory";
import type { InventoryFilters, NewSchedule } from "./validation";

export const ZOPNIGHT_MIGRATIONS: readonly Migration[] = [
  {
    id: "zopnight/001-groups-members-inventory-schedules",
    sql: `
      CREATE TABLE zopnight_groups (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, -- creation order, the order lists answer in
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,         -- the name lowercased: names are unique ignoring case
        description TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE zopnight_resources (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        uid TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        provider TEXT NOT NULL,
        cloud_account_id TEXT NOT NULL,
        region TEXT NOT NULL
      );
      CREATE TABLE zopnight_members (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, -- membership order, which breaks ties of order
        id TEXT NOT NULL UNIQUE,
        group_seq INTEGER NOT NULL REFERENCES zopnight_groups (seq) ON DELETE CASCADE,
        resource_id TEXT NOT NULL REFERENCES zopnight_resources (id) ON DELETE CASCADE,
        tier_number INTEGER NOT NULL,          -- 3 for tier-3
        execution_order INTEGER NOT NULL,
        UNIQUE (group_seq, resource_id)
      );
      CREATE TABLE zopnight_schedules (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        timezone TEXT NOT NULL
      );
      CREATE TABLE zopnight_schedule_groups (
        schedule_seq INTEGER NOT NULL REFERENCES zopnight_schedules (seq) ON DELETE CASCADE,
        group_seq INTEGER NOT NULL REFERENCES zopnight_groups (seq) ON DELETE CASCADE,
        PRIMARY KEY (schedule_seq, group_seq)
      );
    `,
  },
];

/** Who the emulator says made a group: the email behind its only token. */
export const EMULATOR_USER_EMAIL = "emulator@zopnight.local";

export interface Page<T> {
  total: number;
  items: T[];
}

interface GroupRow {
  seq: number;
  id: string;
  name: string;
  description: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

interface ResourceRow {
  id: string;
  uid: string;
  name: string;
  type: string;
  provider: InventoryResource["provider"];
  cloud_account_id: string;
  region: string;
}

interface MemberRow extends ResourceRow {
  member_id: string;
  tier_number: number;
  execution_order: number;
}

const newId = (prefix: string) => () => randomId(prefix, 12, LOWERCASE_ALPHANUMERIC);

/** The name of a stored tier number (3 -> tier-3): the table keeps numbers, so that tiers sort. */
export function tierName(tier: number): string {
  return found(TIERS[tier - 1], () => new Error(`no ZopNight tier ${tier}`));
}

function toResource(row: ResourceRow): InventoryResource {
  return {
    id: row.id,
    uid: row.uid,
    name: row.name,
    type: row.type,
    provider: row.provider,
    cloudAccountID: row.cloud_account_id,
    region: row.region,
  };
}

function toMember(row: MemberRow): WireMember {
  return {
    id: row.member_id,
    resourceID: row.id,
    resourceUID: row.uid,
    resourceName: row.name,
    resourceType: row.type,
    provider: row.provider,
    cloudAccountID: row.cloud_account_id,
    region: row.region,
    executionTier: tierName(row.tier_number),
    executionOrder: row.execution_order,
  };
}

const MEMBER_SELECT = `
  SELECT m.id AS member_id, m.tier_number, m.execution_order, r.id, r.uid, r.name, r.type, r.provider,
         r.cloud_account_id, r.region
  FROM zopnight_members m JOIN zopnight_resources r ON r.id = m.resource_id`;

const INVENTORY_FILTER = `
  (@search IS NULL OR instr(lower(name), lower(@search)) > 0 OR instr(lower(uid), lower(@search)) > 0)
  AND (@provider IS NULL OR provider = @provider)
  AND (@type IS NULL OR type = @type)`;

/** The store's statements, each typed where it is written. */
function prepareStatements(db: SqlDatabase) {
  return {
    groupById: db.prepare<[string], GroupRow>("SELECT * FROM zopnight_groups WHERE id = ?"),
    groupByNameKey: db.prepare<[string], GroupRow>("SELECT * FROM zopnight_groups WHERE name_key = ?"),
    groupIdTaken: db.prepare<[string], { one: number }>("SELECT 1 AS one FROM zopnight_groups WHERE id = ?"),
    insertGroup: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO zopnight_groups (id, name, name_key, description, created_by, created_at, updated_at)
       VALUES (@id, @name, @nameKey, @description, @createdBy, @now, @now)`,
    ),
    updateGroup: db.prepare<[Record<string, unknown>]>(
      `UPDATE zopnight_groups SET name = @name, name_key = @nameKey, description = @description,
         updated_at = @now WHERE seq = @seq`,
    ),
    deleteGroup: db.prepare<[number]>("DELETE FROM zopnight_groups WHERE seq = ?"),
    countGroups: db.prepare<[], { count: number }>("SELECT count(*) AS count FROM zopnight_groups"),
    listGroups: db.prepare<[number, number], GroupRow>(
      "SELECT * FROM zopnight_groups ORDER BY created_at, seq LIMIT ? OFFSET ?",
    ),
    membersOf: db.prepare<[number], MemberRow>(
      `${MEMBER_SELECT} WHERE m.group_seq = ? ORDER BY m.tier_number, m.execution_order, m.seq`,
    ),
    member: db.prepare<[number, string], MemberRow>(
      `${MEMBER_SELECT} WHERE m.group_seq = ? AND m.resource_id = ?`,
    ),
    memberIdTaken: db.prepare<[string], { one: number }>(
      "SELECT 1 AS one FROM zopnight_members WHERE id = ?",
    ),
    highestOrder: db.prepare<[number, number], { highest: number | null }>(
      "SELECT max(execution_order) AS highest FROM zopnight_members WHERE group_seq = ? AND tier_number = ?",
    ),
    insertMember: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO zopnight_members (id, group_seq, resource_id, tier_number, execution_order)
       VALUES (@id, @group, @resource, @tier, @order)`,
    ),
    deleteMember: db.prepare<[number, string]>(
      "DELETE FROM zopnight_members WHERE group_seq = ? AND resource_id = ?",
    ),
    sequenceMember: db.prepare<[number, number, number, string]>(
      "UPDATE zopnight_members SET tier_number = ?, execution_order = ? WHERE group_seq = ? AND resource_id = ?",
    ),
    resourceById: db.prepare<[string], ResourceRow>("SELECT * FROM zopnight_resources WHERE id = ?"),
    insertResource: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO zopnight_resources (id, uid, name, type, provider, cloud_account_id, region)
       VALUES (@id, @uid, @name, @type, @provider, @cloudAccountID, @region)`,
    ),
    countResources: db.prepare<[Record<string, unknown>], { count: number }>(
      `SELECT count(*) AS count FROM zopnight_resources WHERE ${INVENTORY_FILTER}`,
    ),
    listResources: db.prepare<[Record<string, unknown>], ResourceRow>(
      `SELECT * FROM zopnight_resources WHERE ${INVENTORY_FILTER} ORDER BY seq LIMIT @limit OFFSET @offset`,
    ),
    scheduleById: db.prepare<[string], { seq: number }>("SELECT seq FROM zopnight_schedules WHERE id = ?"),
    insertSchedule: db.prepare<[string, string, string]>(
      "INSERT INTO zopnight_schedules (id, name, timezone) VALUES (?, ?, ?)",
    ),
    updateSchedule: db.prepare<[string, string, number]>(
      "UPDATE zopnight_schedules SET name = ?, timezone = ? WHERE seq = ?",
    ),
    attachSchedule: db.prepare<[number, number]>(
      "INSERT OR IGNORE INTO zopnight_schedule_groups (schedule_seq, group_seq) VALUES (?, ?)",
    ),
    schedulesOf: db.prepare<[number], WireSchedule>(
      `SELECT s.id, s.name, s.timezone FROM zopnight_schedules s
       JOIN zopnight_schedule_groups a ON a.schedule_seq = s.seq WHERE a.group_seq = ? ORDER BY s.seq`,
    ),
  };
}

export class ZopNightStore {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: SqlDatabase) {
    this.statements = prepareStatements(db);
    this.seedInventory();
  }

  createGroup(input: CreateGroupBody): WireGroup {
    return this.db.transaction(() => {
      this.assertNameFree(input.name);
      const id = unusedId(newId("grp_"), (candidate) => this.statements.groupIdTaken.get(candidate));
      this.statements.insertGroup.run({
        id,
        name: input.name,
        nameKey: nameKey(input.name),
        description: input.description,
        createdBy: EMULATOR_USER_EMAIL,
        now: new Date().toISOString(),
      });
      return this.toGroup(this.requireGroup(id));
    })();
  }

  getGroup(groupId: string): WireGroup {
    return this.toGroup(this.requireGroup(groupId));
  }

  listGroups(paging: Paging): Page<WireGroup> {
    const total = this.statements.countGroups.get()?.count ?? 0;
    const rows = this.statements.listGroups.all(paging.limit, (paging.page - 1) * paging.limit);
    return { total, items: rows.map((row) => this.toGroup(row)) };
  }

  updateGroup(groupId: string, update: UpdateGroupBody): WireGroup {
    return this.db.transaction(() => {
      const row = this.requireGroup(groupId);
      const name = update.name ?? row.name;
      if (nameKey(name) !== nameKey(row.name)) this.assertNameFree(name);
      this.statements.updateGroup.run({
        seq: row.seq,
        name,
        nameKey: nameKey(name),
        description: update.description ?? row.description,
        now: new Date().toISOString(),
      });
      return this.toGroup(this.requireGroup(groupId));
    })();
  }

  /** Deletes the group; its members and schedule attachments go with it, by cascade. */
  deleteGroup(groupId: string): void {
    this.db.transaction(() => {
      this.statements.deleteGroup.run(this.requireGroup(groupId).seq);
    })();
  }

  /** Adds a member in tier-1, after the highest order there (capped at the largest valid order). */
  addMember(groupId: string, resourceId: string): WireMember {
    return this.db.transaction(() => {
      const group = this.requireGroup(groupId);
      if (!this.statements.resourceById.get(resourceId)) throw zopnightErrors.resourceNotFound(resourceId);
      if (this.statements.member.get(group.seq, resourceId))
        throw zopnightErrors.memberExists(groupId, resourceId);
      const tier = tierNumber(DEFAULT_TIER);
      const highest = this.statements.highestOrder.get(group.seq, tier)?.highest ?? 0;
      const id = unusedId(newId("mem_"), (candidate) => this.statements.memberIdTaken.get(candidate));
      this.statements.insertMember.run({
        id,
        group: group.seq,
        resource: resourceId,
        tier,
        order: Math.min(highest + 1, ZOPNIGHT_LIMITS.orderMax),
      });
      return this.requireMember(group, resourceId);
    })();
  }

  removeMember(groupId: string, resourceId: string): void {
    this.db.transaction(() => {
      const group = this.requireGroup(groupId);
      if (this.statements.deleteMember.run(group.seq, resourceId).changes === 0) {
        throw zopnightErrors.memberNotFound(groupId, resourceId);
      }
    })();
  }

  /** Checks the group and the membership; the body is parsed only after, so 404 wins over 400. */
  requireMembership(groupId: string, resourceId: string): void {
    this.requireMember(this.requireGroup(groupId), resourceId);
  }

  sequenceMember(groupId: string, resourceId: string, sequence: SequenceBody): WireMember {
    return this.db.transaction(() => {
      const group = this.requireGroup(groupId);
      this.requireMember(group, resourceId);
      const tier = tierNumber(sequence.executionTier);
      this.statements.sequenceMember.run(tier, sequence.executionOrder, group.seq, resourceId);
      return this.requireMember(group, resourceId);
    })();
  }

  schedulesOf(groupId: string): WireSchedule[] {
    return this.statements.schedulesOf.all(this.requireGroup(groupId).seq);
  }

  /** Creates the schedule (or renames a known one) and attaches it to the group. */
  attachSchedule(groupId: string, schedule: NewSchedule): WireSchedule {
    return this.db.transaction(() => {
      const group = this.requireGroup(groupId);
      const id = schedule.id ?? newId("sch_")();
      let known = this.statements.scheduleById.get(id);
      if (known) this.statements.updateSchedule.run(schedule.name, schedule.timezone, known.seq);
      else {
        this.statements.insertSchedule.run(id, schedule.name, schedule.timezone);
        known = this.statements.scheduleById.get(id);
      }
      if (!known) throw new Error(`schedule ${id} was not stored`);
      this.statements.attachSchedule.run(known.seq, group.seq);
      return { id, name: schedule.name, timezone: schedule.timezone };
    })();
  }

  listResources(filters: InventoryFilters, paging: Paging): Page<InventoryResource> {
    const params = {
      search: filters.search ?? null,
      provider: filters.provider ?? null,
      type: filters.type ?? null,
    };
    const total = this.statements.countResources.get(params)?.count ?? 0;
    const rows = this.statements.listResources.all({
      ...params,
      limit: paging.limit,
      offset: (paging.page - 1) * paging.limit,
    });
    return { total, items: rows.map(toResource) };
  }

  addResource(input: InventoryResourceInput): InventoryResource {
    return this.db.transaction(() => {
      if (input.id !== undefined && this.statements.resourceById.get(input.id)) {
        throw zopnightErrors.resourceExists(input.id);
      }
      const id =
        input.id ?? unusedId(newId("res_"), (candidate) => this.statements.resourceById.get(candidate));
      const resource: InventoryResource = { ...input, id };
      this.statements.insertResource.run({ ...resource });
      return resource;
    })();
  }

  /** Deletes every group and schedule and returns the inventory to its starting set. */
  reset(): void {
    this.db.transaction(() => {
      this.db.exec(`
        DELETE FROM zopnight_schedule_groups; DELETE FROM zopnight_schedules; DELETE FROM zopnight_members;
        DELETE FROM zopnight_groups; DELETE FROM zopnight_resources;`);
      this.seedInventory();
    })();
  }

  private seedInventory(): void {
    this.db.transaction(() => {
      for (const resource of STARTING_INVENTORY) {
        if (!this.statements.resourceById.get(resource.id))
          this.statements.insertResource.run({ ...resource });
      }
    })();
  }

  private toGroup(row: GroupRow): WireGroup {
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      members: this.statements.membersOf.all(row.seq).map(toMember),
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  private requireGroup(groupId: string): GroupRow {
    return found(this.statements.groupById.get(groupId), () => zopnightErrors.groupNotFound(groupId));
  }

  private requireMember(group: GroupRow, resourceId: string): WireMember {
    const row = this.statements.member.get(group.seq, resourceId);
    return toMember(found(row, () => zopnightErrors.memberNotFound(group.id, resourceId)));
  }

  private assertNameFree(name: string): void {
    if (this.statements.groupByNameKey.get(nameKey(name))) throw zopnightErrors.duplicateName(name);
  }
}

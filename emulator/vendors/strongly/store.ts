/**
 * SQLite storage of Strongly FinOps resource groups and their members. The emulator has one organization
 * and one owner, so every group carries the same `organizationId` and `ownerId`. Each write runs in one
 * transaction, so the checks it makes (name free, member absent, room left) hold when it commits.
 */
import { randomInt } from "node:crypto";
import type { Migration } from "../../core/db";
import type { SqlDatabase, SqlStatement as Statement } from "../../core/sqlite";
import {
  STRONGLY_LIMITS,
  type GroupStatus,
  type GroupUpdate,
  type Member,
  type MemberType,
  type NewGroup,
} from "pulumi-resource-groups-contracts/strongly";
import { stronglyErrors } from "./errors";
import type { ListQuery } from "./validation";

export const STRONGLY_ORGANIZATION_ID = "org_emulator";
export const STRONGLY_OWNER_ID = "user_emulator";

export const STRONGLY_MIGRATIONS: readonly Migration[] = [
  {
    id: "strongly/001-groups-and-members",
    sql: `
      CREATE TABLE strongly_groups (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, -- creation order, the tie-break of every sort
        group_id TEXT NOT NULL UNIQUE,
        organization_id TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,        -- the name lower-cased: uniqueness, search and sort ignore case
        description TEXT NOT NULL,
        description_key TEXT NOT NULL, -- the description lower-cased, for search
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,      -- ISO-8601 UTC, which sorts as text
        updated_at TEXT NOT NULL,
        UNIQUE (organization_id, name_key)
      );
      CREATE TABLE strongly_members (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, -- the order members were added in
        group_seq INTEGER NOT NULL REFERENCES strongly_groups (seq) ON DELETE CASCADE,
        type TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        name TEXT NOT NULL,
        UNIQUE (group_seq, type, resource_id)
      );
    `,
  },
];

export interface StoredGroup {
  _id: string;
  name: string;
  description: string;
  status: GroupStatus;
  ownerId: string;
  organizationId: string;
  resources: Member[];
  createdAt: string;
  updatedAt: string;
}

export type GroupSummary = Omit<StoredGroup, "resources">;

export interface Page {
  count: number;
  items: GroupSummary[];
}

interface GroupRow {
  seq: number;
  group_id: string;
  owner_id: string;
  organization_id: string;
  name: string;
  description: string;
  status: GroupStatus;
  created_at: string;
  updated_at: string;
}

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function newGroupId(): string {
  let id = "rg_";
  for (let i = 0; i < 16; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

const nameKey = (name: string) => name.toLowerCase();

function toSummary(row: GroupRow): GroupSummary {
  return {
    _id: row.group_id,
    name: row.name,
    description: row.description,
    status: row.status,
    ownerId: row.owner_id,
    organizationId: row.organization_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const LIST_FILTER = `
  organization_id = @org
  AND (@search IS NULL OR instr(name_key, @search) > 0 OR instr(description_key, @search) > 0)
  AND (@status IS NULL OR status = @status)`;

/** Sort columns are fixed strings chosen by field, never text from the request. */
const ORDER_COLUMNS = { name: "name_key", createdAt: "created_at", updatedAt: "updated_at" } as const;

export class StronglyStore {
  private readonly statements: {
    groupById: Statement<[string, string], GroupRow>;
    groupByNameKey: Statement<[string, string], GroupRow>;
    idTaken: Statement<[string], { one: number }>;
    insertGroup: Statement<[Record<string, unknown>]>;
    updateGroup: Statement<[Record<string, unknown>]>;
    touchGroup: Statement<[string, number]>;
    deleteGroup: Statement<[string, string]>;
    countGroups: Statement<[Record<string, unknown>], { count: number }>;
    members: Statement<[number], { type: MemberType; resource_id: string; name: string }>;
    memberExists: Statement<[number, string, string], { one: number }>;
    countMembers: Statement<[number], { count: number }>;
    insertMember: Statement<[number, string, string, string]>;
    deleteMember: Statement<[number, string, string]>;
  };
  private readonly listStatements = new Map<string, Statement<[Record<string, unknown>], GroupRow>>();

  constructor(private readonly db: SqlDatabase) {
    this.statements = {
      groupById: db.prepare("SELECT * FROM strongly_groups WHERE organization_id = ? AND group_id = ?"),
      groupByNameKey: db.prepare("SELECT * FROM strongly_groups WHERE organization_id = ? AND name_key = ?"),
      idTaken: db.prepare("SELECT 1 AS one FROM strongly_groups WHERE group_id = ?"),
      insertGroup: db.prepare(
        `INSERT INTO strongly_groups (group_id, organization_id, owner_id, name, name_key, description,
           description_key, status, created_at, updated_at)
         VALUES (@id, @org, @owner, @name, @nameKey, @description, @descriptionKey, 'active', @now, @now)`,
      ),
      updateGroup: db.prepare(
        `UPDATE strongly_groups SET name = @name, name_key = @nameKey, description = @description,
           description_key = @descriptionKey, updated_at = @now WHERE seq = @seq`,
      ),
      touchGroup: db.prepare("UPDATE strongly_groups SET updated_at = ? WHERE seq = ?"),
      deleteGroup: db.prepare("DELETE FROM strongly_groups WHERE organization_id = ? AND group_id = ?"),
      countGroups: db.prepare(`SELECT count(*) AS count FROM strongly_groups WHERE ${LIST_FILTER}`),
      members: db.prepare(
        "SELECT type, resource_id, name FROM strongly_members WHERE group_seq = ? ORDER BY seq",
      ),
      memberExists: db.prepare(
        "SELECT 1 AS one FROM strongly_members WHERE group_seq = ? AND type = ? AND resource_id = ?",
      ),
      countMembers: db.prepare("SELECT count(*) AS count FROM strongly_members WHERE group_seq = ?"),
      insertMember: db.prepare(
        "INSERT INTO strongly_members (group_seq, type, resource_id, name) VALUES (?, ?, ?, ?)",
      ),
      deleteMember: db.prepare(
        "DELETE FROM strongly_members WHERE group_seq = ? AND type = ? AND resource_id = ?",
      ),
    };
  }

  createGroup(group: NewGroup): string {
    return this.db.transaction(() => {
      this.assertNameFree(group.name);
      let id = newGroupId();
      while (this.statements.idTaken.get(id)) id = newGroupId();
      const description = group.description ?? "";
      this.statements.insertGroup.run({
        id,
        org: STRONGLY_ORGANIZATION_ID,
        owner: STRONGLY_OWNER_ID,
        name: group.name,
        nameKey: nameKey(group.name),
        description,
        descriptionKey: description.toLowerCase(),
        now: new Date().toISOString(),
      });
      return id;
    })();
  }

  getGroup(groupId: string): StoredGroup | undefined {
    const row = this.statements.groupById.get(STRONGLY_ORGANIZATION_ID, groupId);
    return row && this.withMembers(row);
  }

  listGroups(query: ListQuery): Page {
    const params = {
      org: STRONGLY_ORGANIZATION_ID,
      search: query.search ?? null,
      status: query.status ?? null,
    };
    const count = this.statements.countGroups.get(params)?.count ?? 0;
    const rows = this.listStatement(query).all({ ...params, limit: query.limit, offset: query.offset });
    return { count, items: rows.map(toSummary) };
  }

  updateGroup(groupId: string, update: GroupUpdate): StoredGroup {
    return this.db.transaction(() => {
      const row = this.requireGroup(groupId);
      const name = update.name ?? row.name;
      if (nameKey(name) !== nameKey(row.name)) this.assertNameFree(name);
      const description = update.description ?? row.description;
      this.statements.updateGroup.run({
        seq: row.seq,
        name,
        nameKey: nameKey(name),
        description,
        descriptionKey: description.toLowerCase(),
        now: new Date().toISOString(),
      });
      return this.withMembers(this.requireGroup(groupId));
    })();
  }

  /** Members go with the group, by cascade. */
  deleteGroup(groupId: string): void {
    if (this.statements.deleteGroup.run(STRONGLY_ORGANIZATION_ID, groupId).changes === 0) {
      throw stronglyErrors.groupNotFound(groupId);
    }
  }

  /** A member already present is refused before the member limit is looked at. */
  addMember(groupId: string, member: Member): StoredGroup {
    return this.db.transaction(() => {
      const row = this.requireGroup(groupId);
      if (this.statements.memberExists.get(row.seq, member.type, member.resourceId)) {
        throw stronglyErrors.resourceExists(
          `The ${member.type} ${member.resourceId} is already in resource group ${groupId}`,
        );
      }
      const count = this.statements.countMembers.get(row.seq)?.count ?? 0;
      if (count >= STRONGLY_LIMITS.membersPerGroupMax) {
        throw stronglyErrors.limitExceeded(
          `resources: a resource group holds at most ${STRONGLY_LIMITS.membersPerGroupMax} resources`,
        );
      }
      this.statements.insertMember.run(row.seq, member.type, member.resourceId, member.name);
      this.statements.touchGroup.run(new Date().toISOString(), row.seq);
      return this.withMembers(this.requireGroup(groupId));
    })();
  }

  removeMember(groupId: string, type: MemberType, resourceId: string): StoredGroup {
    return this.db.transaction(() => {
      const row = this.requireGroup(groupId);
      if (this.statements.deleteMember.run(row.seq, type, resourceId).changes === 0) {
        throw stronglyErrors.resourceNotFound(
          `The ${type} ${resourceId} is not in resource group ${groupId}`,
        );
      }
      this.statements.touchGroup.run(new Date().toISOString(), row.seq);
      return this.withMembers(this.requireGroup(groupId));
    })();
  }

  reset(): void {
    this.db.transaction(() => {
      this.db.exec("DELETE FROM strongly_members; DELETE FROM strongly_groups;");
    })();
  }

  private listStatement(query: ListQuery): Statement<[Record<string, unknown>], GroupRow> {
    const direction = query.sort.descending ? "DESC" : "ASC";
    const key = `${query.sort.field} ${direction}`;
    let statement = this.listStatements.get(key);
    if (!statement) {
      // Ties keep creation order in both directions.
      statement = this.db.prepare(
        `SELECT * FROM strongly_groups WHERE ${LIST_FILTER}
         ORDER BY ${ORDER_COLUMNS[query.sort.field]} ${direction}, seq ASC LIMIT @limit OFFSET @offset`,
      );
      this.listStatements.set(key, statement);
    }
    return statement;
  }

  private withMembers(row: GroupRow): StoredGroup {
    const resources = this.statements.members
      .all(row.seq)
      .map((m) => ({ type: m.type, resourceId: m.resource_id, name: m.name }));
    const { createdAt, updatedAt, ...rest } = toSummary(row);
    return { ...rest, resources, createdAt, updatedAt };
  }

  private requireGroup(groupId: string): GroupRow {
    const row = this.statements.groupById.get(STRONGLY_ORGANIZATION_ID, groupId);
    if (!row) throw stronglyErrors.groupNotFound(groupId);
    return row;
  }

  private assertNameFree(name: string): void {
    if (this.statements.groupByNameKey.get(STRONGLY_ORGANIZATION_ID, nameKey(name))) {
      throw stronglyErrors.duplicateName(name);
    }
  }
}

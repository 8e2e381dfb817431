/**
 * SQLite storage of Strongly FinOps resource groups and their members. The emulator has one organization
 * and one owner, so every group carries the same `organizationId` and `ownerId`. Each write runs in one
 * transaction, so the checks it makes (name free, member absent, room left) hold when it commits.
 */
import {
  STRONGLY_LIMITS,
  type GroupStatus,
  type GroupUpdate,
  type Member,
  type MemberType,
  type NewGroup,
  type WireGroup,
  type WireSummary,
} from "pulumi-resource-groups-contracts/strongly";
import type { Migration } from "../../core/db";
import type { SqlDatabase, SqlStatement as Statement } from "../../core/sqlite";
import { LOWERCASE_ALPHANUMERIC, found, randomId, unusedId } from "../../core/store";
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

/** The emulator answers every field of a group: a member list and a description, empty or not. */
export type StoredGroup = Required<WireGroup>;
export type GroupSummary = Required<WireSummary>;

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

const newGroupId = () => randomId("rg_", 16, LOWERCASE_ALPHANUMERIC);

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

/** The store's statements, each typed where it is written. */
function prepareStatements(db: SqlDatabase) {
  return {
    groupById: db.prepare<[string, string], GroupRow>(
      "SELECT * FROM strongly_groups WHERE organization_id = ? AND group_id = ?",
    ),
    groupByNameKey: db.prepare<[string, string], GroupRow>(
      "SELECT * FROM strongly_groups WHERE organization_id = ? AND name_key = ?",
    ),
    idTaken: db.prepare<[string], { one: number }>("SELECT 1 AS one FROM strongly_groups WHERE group_id = ?"),
    insertGroup: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO strongly_groups (group_id, organization_id, owner_id, name, name_key, description,
         description_key, status, created_at, updated_at)
       VALUES (@id, @org, @owner, @name, @nameKey, @description, @descriptionKey, 'active', @now, @now)`,
    ),
    updateGroup: db.prepare<[Record<string, unknown>]>(
      `UPDATE strongly_groups SET name = @name, name_key = @nameKey, description = @description,
         description_key = @descriptionKey, updated_at = @now WHERE seq = @seq`,
    ),
    touchGroup: db.prepare<[string, number]>("UPDATE strongly_groups SET updated_at = ? WHERE seq = ?"),
    deleteGroup: db.prepare<[string, string]>(
      "DELETE FROM strongly_groups WHERE organization_id = ? AND group_id = ?",
    ),
    countGroups: db.prepare<[Record<string, unknown>], { count: number }>(
      `SELECT count(*) AS count FROM strongly_groups WHERE ${LIST_FILTER}`,
    ),
    members: db.prepare<[number], { type: MemberType; resource_id: string; name: string }>(
      "SELECT type, resource_id, name FROM strongly_members WHERE group_seq = ? ORDER BY seq",
    ),
    memberExists: db.prepare<[number, string, string], { one: number }>(
      "SELECT 1 AS one FROM strongly_members WHERE group_seq = ? AND type = ? AND resource_id = ?",
    ),
    countMembers: db.prepare<[number], { count: number }>(
      "SELECT count(*) AS count FROM strongly_members WHERE group_seq = ?",
    ),
    insertMember: db.prepare<[number, string, string, string]>(
      "INSERT INTO strongly_members (group_seq, type, resource_id, name) VALUES (?, ?, ?, ?)",
    ),
    deleteMember: db.prepare<[number, string, string]>(
      "DELETE FROM strongly_members WHERE group_seq = ? AND type = ? AND resource_id = ?",
    ),
  };
}

export class StronglyStore {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly listStatements = new Map<string, Statement<[Record<string, unknown>], GroupRow>>();

  constructor(private readonly db: SqlDatabase) {
    this.statements = prepareStatements(db);
  }

  createGroup(group: NewGroup): string {
    return this.db.transaction(() => {
      this.assertNameFree(group.name);
      const id = unusedId(newGroupId, (candidate) => this.statements.idTaken.get(candidate));
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
    return found(this.statements.groupById.get(STRONGLY_ORGANIZATION_ID, groupId), () =>
      stronglyErrors.groupNotFound(groupId),
    );
  }

  private assertNameFree(name: string): void {
    if (this.statements.groupByNameKey.get(STRONGLY_ORGANIZATION_ID, nameKey(name))) {
      throw stronglyErrors.duplicateName(name);
    }
  }
}

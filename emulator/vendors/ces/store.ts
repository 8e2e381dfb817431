/** SQLite storage of CES resource groups and their members. Every write runs in one transaction. */
import { randomInt } from "node:crypto";
import type { SqlDatabase, SqlStatement as Statement } from "../../core/sqlite";
import type { GroupType } from "pulumi-resource-groups-contracts/ces";
import type { Migration } from "../../core/db";
import { cesErrors } from "./errors";
import type {
  Dimension,
  GroupFilters,
  GroupUpdate,
  Member,
  MemberFilters,
  NewGroup,
  Paging,
  Tag,
} from "./validation";

export const CES_MIGRATIONS: readonly Migration[] = [
  {
    id: "ces/001-groups-and-members",
    sql: `
      CREATE TABLE ces_groups (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, -- creation order, the order lists answer in
        project_id TEXT NOT NULL,
        group_id TEXT NOT NULL UNIQUE,
        group_name TEXT NOT NULL,
        type TEXT NOT NULL,
        enterprise_project_id TEXT NOT NULL,
        tags TEXT NOT NULL,               -- JSON [{key, value}]
        association_ep_ids TEXT NOT NULL, -- JSON [string]
        create_time INTEGER NOT NULL,     -- ms since the epoch
        UNIQUE (project_id, group_name)
      );
      CREATE TABLE ces_members (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        group_seq INTEGER NOT NULL REFERENCES ces_groups (seq) ON DELETE CASCADE,
        namespace TEXT NOT NULL,
        identity TEXT NOT NULL,   -- the dimension set, sorted, so order does not make a new member
        dimensions TEXT NOT NULL, -- JSON [{name, value}] as first added
        UNIQUE (group_seq, namespace, identity)
      );
      CREATE INDEX ces_members_by_namespace ON ces_members (group_seq, namespace, seq);
    `,
  },
];

export interface StoredGroup {
  groupId: string;
  groupName: string;
  type: GroupType;
  enterpriseProjectId: string;
  tags: Tag[];
  associationEpIds: string[];
  createTime: number;
}

export interface StoredMember {
  namespace: string;
  dimensions: Dimension[];
}

export interface Page<T> {
  count: number;
  items: T[];
}

interface GroupRow {
  seq: number;
  group_id: string;
  group_name: string;
  type: GroupType;
  enterprise_project_id: string;
  tags: string;
  association_ep_ids: string;
  create_time: number;
}

interface MemberRow {
  namespace: string;
  dimensions: string;
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function newGroupId(): string {
  let id = "rg";
  for (let i = 0; i < 22; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

function toGroup(row: GroupRow): StoredGroup {
  return {
    groupId: row.group_id,
    groupName: row.group_name,
    type: row.type,
    enterpriseProjectId: row.enterprise_project_id,
    tags: JSON.parse(row.tags) as Tag[],
    associationEpIds: JSON.parse(row.association_ep_ids) as string[],
    createTime: row.create_time,
  };
}

/** A member is its namespace plus its SET of dimensions: exact repeats collapse, order does not matter. */
function memberIdentity(member: Member): { identity: string; dimensions: Dimension[] } {
  const unique = new Map<string, Dimension>();
  for (const d of member.dimensions)
    unique.set(JSON.stringify([d.name, d.value]), { name: d.name, value: d.value });
  return { identity: `[${[...unique.keys()].sort().join(",")}]`, dimensions: [...unique.values()] };
}

const GROUP_FILTER = `
  project_id = @project
  AND (@name IS NULL OR instr(group_name, @name) > 0)
  AND (@id IS NULL OR group_id = @id)
  AND (@type IS NULL OR type = @type)
  AND (@ep IS NULL OR enterprise_project_id = @ep)`;

const MEMBER_FILTER = `
  group_seq = @group AND namespace = @namespace
  AND (@dimName IS NULL OR EXISTS (
    SELECT 1 FROM json_each(ces_members.dimensions) AS d
    WHERE json_extract(d.value, '$.name') = @dimName
      AND (@dimValue IS NULL OR json_extract(d.value, '$.value') = @dimValue)))`;

export class CesStore {
  private readonly statements: {
    groupById: Statement<[string, string], GroupRow>;
    groupByName: Statement<[string, string], GroupRow>;
    idTaken: Statement<[string], { one: number }>;
    insertGroup: Statement<[Record<string, unknown>]>;
    updateGroup: Statement<[Record<string, unknown>]>;
    deleteGroup: Statement<[string, string]>;
    countGroups: Statement<[Record<string, unknown>], { count: number }>;
    listGroups: Statement<[Record<string, unknown>], GroupRow>;
    insertMember: Statement<[number, string, string, string]>;
    deleteMember: Statement<[number, string, string]>;
    countMembers: Statement<[Record<string, unknown>], { count: number }>;
    listMembers: Statement<[Record<string, unknown>], MemberRow>;
  };

  constructor(private readonly db: SqlDatabase) {
    this.statements = {
      groupById: db.prepare("SELECT * FROM ces_groups WHERE project_id = ? AND group_id = ?"),
      groupByName: db.prepare("SELECT * FROM ces_groups WHERE project_id = ? AND group_name = ?"),
      idTaken: db.prepare("SELECT 1 AS one FROM ces_groups WHERE group_id = ?"),
      insertGroup: db.prepare(
        `INSERT INTO ces_groups (project_id, group_id, group_name, type, enterprise_project_id, tags,
           association_ep_ids, create_time)
         VALUES (@project, @id, @name, @type, @ep, @tags, @epIds, @createTime)`,
      ),
      updateGroup: db.prepare(
        "UPDATE ces_groups SET group_name = @name, tags = coalesce(@tags, tags) WHERE seq = @seq",
      ),
      deleteGroup: db.prepare("DELETE FROM ces_groups WHERE project_id = ? AND group_id = ?"),
      countGroups: db.prepare(`SELECT count(*) AS count FROM ces_groups WHERE ${GROUP_FILTER}`),
      listGroups: db.prepare(
        `SELECT * FROM ces_groups WHERE ${GROUP_FILTER} ORDER BY seq LIMIT @limit OFFSET @offset`,
      ),
      insertMember: db.prepare(
        "INSERT OR IGNORE INTO ces_members (group_seq, namespace, identity, dimensions) VALUES (?, ?, ?, ?)",
      ),
      deleteMember: db.prepare(
        "DELETE FROM ces_members WHERE group_seq = ? AND namespace = ? AND identity = ?",
      ),
      countMembers: db.prepare(`SELECT count(*) AS count FROM ces_members WHERE ${MEMBER_FILTER}`),
      listMembers: db.prepare(
        `SELECT namespace, dimensions FROM ces_members WHERE ${MEMBER_FILTER}
         ORDER BY seq LIMIT @limit OFFSET @offset`,
      ),
    };
  }

  createGroup(projectId: string, group: NewGroup): StoredGroup {
    return this.db.transaction(() => {
      this.assertNameFree(projectId, group.groupName);
      let groupId = newGroupId();
      while (this.statements.idTaken.get(groupId)) groupId = newGroupId();
      const createTime = Date.now();
      this.statements.insertGroup.run({
        project: projectId,
        id: groupId,
        name: group.groupName,
        type: group.type,
        ep: group.enterpriseProjectId,
        tags: JSON.stringify(group.tags),
        epIds: JSON.stringify(group.associationEpIds),
        createTime,
      });
      return { ...group, groupId, createTime };
    })();
  }

  getGroup(projectId: string, groupId: string): StoredGroup | undefined {
    const row = this.statements.groupById.get(projectId, groupId);
    return row && toGroup(row);
  }

  listGroups(projectId: string, filters: GroupFilters, paging: Paging): Page<StoredGroup> {
    const params = {
      project: projectId,
      name: filters.groupName ?? null,
      id: filters.groupId ?? null,
      type: filters.type ?? null,
      ep: filters.enterpriseProjectId ?? null,
    };
    const count = this.statements.countGroups.get(params)?.count ?? 0;
    const items = this.statements.listGroups.all({ ...params, ...paging }).map(toGroup);
    return { count, items };
  }

  updateGroup(projectId: string, groupId: string, update: GroupUpdate): void {
    this.db.transaction(() => {
      const row = this.requireGroup(projectId, groupId);
      if (update.tags !== undefined && row.type !== "TAG") {
        throw cesErrors.badBody(`tags can only be set on TAG resource groups (${groupId} is ${row.type})`);
      }
      if (update.groupName !== row.group_name) this.assertNameFree(projectId, update.groupName);
      this.statements.updateGroup.run({
        seq: row.seq,
        name: update.groupName,
        tags: update.tags === undefined ? null : JSON.stringify(update.tags),
      });
    })();
  }

  /** Deletes the groups that exist (members go with them, by cascade) and returns their ids. */
  deleteGroups(projectId: string, groupIds: readonly string[]): string[] {
    return this.db.transaction(() =>
      groupIds.filter((id) => this.statements.deleteGroup.run(projectId, id).changes > 0),
    )();
  }

  /** Returns how many members were really added; members already present are no-ops. */
  addMembers(projectId: string, groupId: string, members: readonly Member[]): number {
    return this.db.transaction(() => {
      const seq = this.requireManualGroup(projectId, groupId).seq;
      let added = 0;
      for (const member of members) {
        const { identity, dimensions } = memberIdentity(member);
        added += this.statements.insertMember.run(
          seq,
          member.namespace,
          identity,
          JSON.stringify(dimensions),
        ).changes;
      }
      return added;
    })();
  }

  /** Returns how many members were really removed; members not present are no-ops. */
  removeMembers(projectId: string, groupId: string, members: readonly Member[]): number {
    return this.db.transaction(() => {
      const seq = this.requireManualGroup(projectId, groupId).seq;
      let removed = 0;
      for (const member of members) {
        removed += this.statements.deleteMember.run(
          seq,
          member.namespace,
          memberIdentity(member).identity,
        ).changes;
      }
      return removed;
    })();
  }

  /** Members of one namespace; TAG and EPS groups have no stored members, so they list none. */
  listMembers(
    projectId: string,
    groupId: string,
    namespace: string,
    filters: MemberFilters,
    paging: Paging,
  ): Page<StoredMember> & { group: StoredGroup } {
    const row = this.requireGroup(projectId, groupId);
    const params = {
      group: row.seq,
      namespace,
      dimName: filters.dimName ?? null,
      dimValue: filters.dimValue ?? null,
    };
    const count = this.statements.countMembers.get(params)?.count ?? 0;
    const items = this.statements.listMembers.all({ ...params, ...paging }).map((m) => ({
      namespace: m.namespace,
      dimensions: JSON.parse(m.dimensions) as Dimension[],
    }));
    return { group: toGroup(row), count, items };
  }

  reset(): void {
    this.db.transaction(() => {
      this.db.exec("DELETE FROM ces_members; DELETE FROM ces_groups;");
    })();
  }

  private requireGroup(projectId: string, groupId: string): GroupRow {
    const row = this.statements.groupById.get(projectId, groupId);
    if (!row) throw cesErrors.groupNotFound(groupId);
    return row;
  }

  private requireManualGroup(projectId: string, groupId: string): GroupRow {
    const row = this.requireGroup(projectId, groupId);
    if (row.type !== "Manual") {
      throw cesErrors.badBody(
        `Members can only be added to or removed from Manual resource groups (${groupId} is ${row.type})`,
      );
    }
    return row;
  }

  private assertNameFree(projectId: string, name: string): void {
    if (this.statements.groupByName.get(projectId, name)) throw cesErrors.duplicateName(name);
  }
}

/** SQLite storage of CES resource groups and their members. Every write runs in one transaction. */
import {
  typeListProblem,
  type Dimension,
  type Group,
  type GroupChange,
  type GroupSpec,
  type GroupType,
  type Member,
} from "pulumi-resource-groups-contracts/ces";
import type { Migration } from "../../core/db";
import type { SqlDatabase } from "../../core/sqlite";
import { ALPHANUMERIC, found, randomId, unusedId } from "../../core/store";
import { cesErrors } from "./errors";
import type { GroupFilters, MemberFilters, Paging } from "./validation";

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

const newGroupId = () => randomId("rg", 22, ALPHANUMERIC);

function toGroup(row: GroupRow): Group {
  return {
    id: row.group_id,
    name: row.group_name,
    type: row.type,
    enterpriseProjectId: row.enterprise_project_id,
    tags: JSON.parse(row.tags) as Group["tags"],
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

/** The store's statements, each typed where it is written. */
function prepareStatements(db: SqlDatabase) {
  return {
    groupById: db.prepare<[string, string], GroupRow>(
      "SELECT * FROM ces_groups WHERE project_id = ? AND group_id = ?",
    ),
    groupByName: db.prepare<[string, string], GroupRow>(
      "SELECT * FROM ces_groups WHERE project_id = ? AND group_name = ?",
    ),
    idTaken: db.prepare<[string], { one: number }>("SELECT 1 AS one FROM ces_groups WHERE group_id = ?"),
    insertGroup: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO ces_groups (project_id, group_id, group_name, type, enterprise_project_id, tags,
         association_ep_ids, create_time)
       VALUES (@project, @id, @name, @type, @ep, @tags, @epIds, @createTime)`,
    ),
    updateGroup: db.prepare<[Record<string, unknown>]>(
      "UPDATE ces_groups SET group_name = @name, tags = coalesce(@tags, tags) WHERE seq = @seq",
    ),
    deleteGroup: db.prepare<[string, string]>("DELETE FROM ces_groups WHERE project_id = ? AND group_id = ?"),
    countGroups: db.prepare<[Record<string, unknown>], { count: number }>(
      `SELECT count(*) AS count FROM ces_groups WHERE ${GROUP_FILTER}`,
    ),
    listGroups: db.prepare<[Record<string, unknown>], GroupRow>(
      `SELECT * FROM ces_groups WHERE ${GROUP_FILTER} ORDER BY seq LIMIT @limit OFFSET @offset`,
    ),
    insertMember: db.prepare<[number, string, string, string]>(
      "INSERT OR IGNORE INTO ces_members (group_seq, namespace, identity, dimensions) VALUES (?, ?, ?, ?)",
    ),
    deleteMember: db.prepare<[number, string, string]>(
      "DELETE FROM ces_members WHERE group_seq = ? AND namespace = ? AND identity = ?",
    ),
    countMembers: db.prepare<[Record<string, unknown>], { count: number }>(
      `SELECT count(*) AS count FROM ces_members WHERE ${MEMBER_FILTER}`,
    ),
    listMembers: db.prepare<[Record<string, unknown>], MemberRow>(
      `SELECT namespace, dimensions FROM ces_members WHERE ${MEMBER_FILTER}
       ORDER BY seq LIMIT @limit OFFSET @offset`,
    ),
  };
}

export class CesStore {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: SqlDatabase) {
    this.statements = prepareStatements(db);
  }

  createGroup(projectId: string, group: GroupSpec): Group {
    return this.db.transaction(() => {
      this.assertNameFree(projectId, group.name);
      const id = unusedId(newGroupId, (candidate) => this.statements.idTaken.get(candidate));
      const createTime = Date.now();
      this.statements.insertGroup.run({
        project: projectId,
        id,
        name: group.name,
        type: group.type,
        ep: group.enterpriseProjectId,
        tags: JSON.stringify(group.tags),
        epIds: JSON.stringify(group.associationEpIds),
        createTime,
      });
      return { ...group, id, createTime };
    })();
  }

  getGroup(projectId: string, groupId: string): Group | undefined {
    const row = this.statements.groupById.get(projectId, groupId);
    return row && toGroup(row);
  }

  listGroups(projectId: string, filters: GroupFilters, paging: Paging): Page<Group> {
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

  updateGroup(projectId: string, groupId: string, update: GroupChange): void {
    this.db.transaction(() => {
      const row = this.requireGroup(projectId, groupId);
      if (typeListProblem(row.type, "tags", update.tags)?.kind === "other-type") {
        throw cesErrors.badBody(`tags can only be set on TAG resource groups (${groupId} is ${row.type})`);
      }
      if (update.name !== row.group_name) this.assertNameFree(projectId, update.name);
      this.statements.updateGroup.run({
        seq: row.seq,
        name: update.name,
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
  ): Page<Member> & { group: Group } {
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
    return found(this.statements.groupById.get(projectId, groupId), () => cesErrors.groupNotFound(groupId));
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

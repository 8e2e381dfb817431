/**
 * SQLite storage of Cloudflare resource groups. Every account is its own namespace and owns one built-in
 * group, made the first time the account is touched. Every call runs in one transaction.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  accountKey,
  ALL_OBJECTS,
  builtInGroupName,
  type CloudflareGroup,
} from "pulumi-resource-groups-contracts/cloudflare";
import type { Migration } from "../../core/db";
import type { SqlDatabase } from "../../core/sqlite";
import { found } from "../../core/store";
import { cloudflareErrors } from "./errors";
import type { GroupFilters, GroupUpdate, NewGroup } from "./validation";

export const CLOUDFLARE_MIGRATIONS: readonly Migration[] = [
  {
    id: "cloudflare/001-groups",
    sql: `
      CREATE TABLE cloudflare_groups (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, -- creation order, the order lists answer in
        account_id TEXT NOT NULL,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        scope_key TEXT NOT NULL,
        scope_objects TEXT NOT NULL,           -- JSON [key], in the order sent
        built_in INTEGER NOT NULL DEFAULT 0,   -- 1 for the account's own group, which cannot change
        UNIQUE (account_id, name)
      );
    `,
  },
];

interface GroupRow {
  id: string;
  name: string;
  scope_key: string;
  scope_objects: string;
  built_in: number;
}

/** A group as the provider's handlers see it; only the built-in group is not editable. */
function toGroup(row: GroupRow): CloudflareGroup {
  const editable = row.built_in !== 1;
  return {
    id: row.id,
    name: row.name,
    scopeKey: row.scope_key,
    objects: JSON.parse(row.scope_objects) as string[],
    editable,
    meta: { key: "editable", value: String(editable) },
  };
}

/** Stable per account, so the built-in group keeps its id across resets and restarts. */
export function builtInGroupId(accountId: string): string {
  return createHash("sha256")
    .update(`cloudflare built-in resource group ${accountId}`)
    .digest("hex")
    .slice(0, 32);
}

const COLUMNS = "id, name, scope_key, scope_objects, built_in";

/** The store's statements, each typed where it is written. */
function prepareStatements(db: SqlDatabase) {
  const insert = `INSERT INTO cloudflare_groups (account_id, ${COLUMNS})
    VALUES (@account, @id, @name, @scope_key, @scope_objects, @builtIn)`;
  return {
    insert: db.prepare<[Record<string, unknown>]>(insert),
    // The built-in group's id is derived from the account, so a second insert is simply ignored.
    insertBuiltIn: db.prepare<[Record<string, unknown>]>(insert.replace("INSERT", "INSERT OR IGNORE")),
    byId: db.prepare<[string, string], GroupRow>(
      `SELECT ${COLUMNS} FROM cloudflare_groups WHERE account_id = ? AND id = ?`,
    ),
    byName: db.prepare<[string, string], { id: string }>(
      "SELECT id FROM cloudflare_groups WHERE account_id = ? AND name = ?",
    ),
    list: db.prepare<[Record<string, unknown>], GroupRow>(
      `SELECT ${COLUMNS} FROM cloudflare_groups
       WHERE account_id = @account AND (@id IS NULL OR id = @id) AND (@name IS NULL OR name = @name)
       ORDER BY seq`,
    ),
    update: db.prepare<[Record<string, unknown>]>(
      "UPDATE cloudflare_groups SET name = @name, scope_key = @scope_key, scope_objects = @scope_objects WHERE id = @id",
    ),
    remove: db.prepare<[string, string]>("DELETE FROM cloudflare_groups WHERE account_id = ? AND id = ?"),
  };
}

export class CloudflareStore {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: SqlDatabase) {
    this.statements = prepareStatements(db);
  }

  createGroup(accountId: string, group: NewGroup): CloudflareGroup {
    return this.db.transaction(() => {
      this.touch(accountId);
      this.assertNameFree(accountId, group.name);
      const id = randomBytes(16).toString("hex");
      const columns = this.columns(group);
      this.statements.insert.run({ account: accountId, id, ...columns, builtIn: 0 });
      return toGroup({ id, ...columns, built_in: 0 });
    })();
  }

  getGroup(accountId: string, groupId: string): CloudflareGroup {
    return this.db.transaction(() => {
      this.touch(accountId);
      return toGroup(this.requireGroup(accountId, groupId));
    })();
  }

  listGroups(accountId: string, filters: GroupFilters): CloudflareGroup[] {
    return this.db.transaction(() => {
      this.touch(accountId);
      return this.statements.list
        .all({ account: accountId, id: filters.id ?? null, name: filters.name ?? null })
        .map(toGroup);
    })();
  }

  /**
   * Checks existence, then that the group is editable, and only then reads the body (`parse`), so the
   * errors come in the documented order; all in the one transaction of the write.
   */
  updateGroup(accountId: string, groupId: string, parse: () => GroupUpdate): CloudflareGroup {
    return this.db.transaction(() => {
      this.touch(accountId);
      const current = toGroup(this.requireEditable(accountId, groupId));
      const update = parse();
      const next: NewGroup = {
        name: update.name ?? current.name,
        scope: update.scope ?? { key: current.scopeKey, objects: current.objects },
      };
      if (next.name !== current.name) this.assertNameFree(accountId, next.name);
      const columns = this.columns(next);
      this.statements.update.run({ id: groupId, ...columns });
      return toGroup({ id: groupId, ...columns, built_in: 0 });
    })();
  }

  deleteGroup(accountId: string, groupId: string): void {
    this.db.transaction(() => {
      this.touch(accountId);
      this.requireEditable(accountId, groupId);
      this.statements.remove.run(accountId, groupId);
    })();
  }

  reset(): void {
    this.db.transaction(() => this.db.exec("DELETE FROM cloudflare_groups"))();
  }

  /** Makes the account's built-in group the first time the account is seen. */
  private touch(accountId: string): void {
    const group: NewGroup = {
      name: builtInGroupName(accountId),
      scope: { key: accountKey(accountId), objects: [ALL_OBJECTS] },
    };
    this.statements.insertBuiltIn.run({
      account: accountId,
      id: builtInGroupId(accountId),
      ...this.columns(group),
      builtIn: 1,
    });
  }

  /** The columns of a group's fields, named as in the table. */
  private columns(group: NewGroup): Omit<GroupRow, "id" | "built_in"> {
    return {
      name: group.name,
      scope_key: group.scope.key,
      scope_objects: JSON.stringify(group.scope.objects),
    };
  }

  private requireGroup(accountId: string, groupId: string): GroupRow {
    return found(this.statements.byId.get(accountId, groupId), () => cloudflareErrors.groupNotFound(groupId));
  }

  private requireEditable(accountId: string, groupId: string): GroupRow {
    const row = this.requireGroup(accountId, groupId);
    if (row.built_in === 1) throw cloudflareErrors.builtInGroup(groupId);
    return row;
  }

  private assertNameFree(accountId: string, name: string): void {
    if (this.statements.byName.get(accountId, name)) throw cloudflareErrors.duplicateName(name);
  }
}

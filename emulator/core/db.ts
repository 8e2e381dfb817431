/** Opens the emulator's SQLite database and brings its schema up to date. */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { openSqlite, type SqlDatabase } from "./sqlite";

export const DEFAULT_DB_PATH = ".data/emulator.sqlite";

/** One schema step. Ids are namespaced by vendor ("ces/001-groups") so vendor folders never collide. */
export interface Migration {
  id: string;
  sql: string;
}

export function openDatabase(file: string, migrations: readonly Migration[]): SqlDatabase {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = openSqlite(file);
  try {
    // WAL lets readers (e.g. a sqlite3 shell) look at the file while the emulator writes.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function migrate(db: SqlDatabase, migrations: readonly Migration[]): void {
  db.exec(
    "CREATE TABLE IF NOT EXISTS emulator_migrations (id TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)",
  );
  const applied = new Set(
    db
      .prepare<[], { id: string }>("SELECT id FROM emulator_migrations")
      .all()
      .map((row) => row.id),
  );
  const record = db.prepare("INSERT INTO emulator_migrations (id, applied_at) VALUES (?, ?)");
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, Date.now());
    })();
  }
}

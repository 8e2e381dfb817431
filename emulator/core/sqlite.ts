/**
 * The little of SQLite the emulator needs, over two drivers. better-sqlite3 before 13 aborts Node
 * 24.19+ when its statements are garbage-collected, and 13 no longer supports Node 20; Node's own
 * `node:sqlite` is stable on 24 but still warns that it is experimental on 22. So: `node:sqlite` on
 * Node 24 and later, better-sqlite3 below, each falling back to the other when it cannot load.
 */
import { createRequire } from "node:module";

export interface RunResult {
  changes: number;
}

export interface SqlStatement<P extends unknown[] = unknown[], R = unknown> {
  get(...params: P): R | undefined;
  all(...params: P): R[];
  run(...params: P): RunResult;
}

export interface SqlDatabase {
  readonly driver: "node:sqlite" | "better-sqlite3";
  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): SqlStatement<P, R>;
  exec(sql: string): void;
  /** Wraps `fn` so that each call runs in one transaction, rolled back if it throws. */
  transaction<T>(fn: () => T): () => T;
  /** The first column of the pragma's answer, e.g. `pragma("journal_mode")` -> "wal". */
  pragma(statement: string): unknown;
  close(): void;
}

export interface OpenOptions {
  readonly?: boolean;
}

interface NodeSqliteModule {
  DatabaseSync: new (
    path: string,
    options?: { readOnly?: boolean },
  ) => {
    prepare(sql: string): SqlStatement;
    exec(sql: string): void;
    close(): void;
  };
}

interface BetterSqliteDatabase {
  prepare(sql: string): SqlStatement;
  exec(sql: string): void;
  transaction<T>(fn: () => T): () => T;
  pragma(statement: string, options: { simple: true }): unknown;
  close(): void;
}

function builtinSqlite(): NodeSqliteModule | undefined {
  try {
    // getBuiltinModule answers undefined (or throws, behind a flag) where node:sqlite is not usable.
    return process.getBuiltinModule?.("node:sqlite") as NodeSqliteModule | undefined;
  } catch {
    return undefined;
  }
}

function firstColumn(row: unknown): unknown {
  return row && typeof row === "object" ? Object.values(row)[0] : undefined;
}

function openBuiltin(sqlite: NodeSqliteModule, file: string, options: OpenOptions): SqlDatabase {
  const db = new sqlite.DatabaseSync(file, { readOnly: options.readonly ?? false });
  let depth = 0;
  return {
    driver: "node:sqlite",
    prepare: <P extends unknown[], R>(sql: string) => db.prepare(sql) as unknown as SqlStatement<P, R>,
    exec: (sql) => db.exec(sql),
    transaction: (fn) => () => {
      // Nested calls join the outer transaction, as better-sqlite3's do (through savepoints).
      if (depth > 0) return fn();
      db.exec("BEGIN IMMEDIATE");
      depth++;
      try {
        const result = fn();
        db.exec("COMMIT");
        return result;
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      } finally {
        depth--;
      }
    },
    pragma: (statement) => firstColumn(db.prepare(`PRAGMA ${statement}`).get()),
    close: () => db.close(),
  };
}

function openBetterSqlite(file: string, options: OpenOptions): SqlDatabase {
  let Database: new (path: string, options?: { readonly?: boolean }) => BetterSqliteDatabase;
  try {
    // Loaded only where node:sqlite is missing; it is an optional dependency.
    Database = createRequire(__filename)("better-sqlite3") as typeof Database;
  } catch (error) {
    throw new Error(
      `The emulator needs SQLite: this Node (${process.version}) has no node:sqlite and the optional ` +
        `dependency better-sqlite3 did not load (${(error as Error).message}). Run npm install, or use Node 22.13+.`,
    );
  }
  const db = new Database(file, { readonly: options.readonly ?? false });
  return {
    driver: "better-sqlite3",
    prepare: <P extends unknown[], R>(sql: string) => db.prepare(sql) as unknown as SqlStatement<P, R>,
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    pragma: (statement) => db.pragma(statement, { simple: true }),
    close: () => db.close(),
  };
}

const NODE_MAJOR = Number(process.versions.node.split(".")[0]);

export function openSqlite(file: string, options: OpenOptions = {}): SqlDatabase {
  // Loading node:sqlite is what prints Node 22's warning, so it is loaded only when it will be used.
  const builtin = NODE_MAJOR >= 24 ? builtinSqlite() : undefined;
  if (builtin) return openBuiltin(builtin, file, options);
  try {
    return openBetterSqlite(file, options);
  } catch (error) {
    const fallback = builtinSqlite();
    if (fallback) return openBuiltin(fallback, file, options);
    throw error;
  }
}

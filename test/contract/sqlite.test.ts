import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqlite, type SqlDatabase } from "../../emulator/core/sqlite";

let dir: string;
let db: SqlDatabase;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "rg-sqlite-"));
  db = openSqlite(join(dir, "t.sqlite"));
  db.exec("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)");
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = () => db.prepare<[], { n: number }>("SELECT count(*) AS n FROM t").get()?.n;

describe("SQLite driver", () => {
  it("uses node:sqlite from Node 24 on and better-sqlite3 below", () => {
    const major = Number(process.versions.node.split(".")[0]);
    expect(db.driver).toBe(major >= 24 ? "node:sqlite" : "better-sqlite3");
  });

  it("binds positional and named parameters and counts changes", () => {
    const insert = db.prepare<[{ k: string; v: number }]>("INSERT INTO t (k, v) VALUES (@k, @v)");
    expect(insert.run({ k: "a", v: 1 }).changes).toBe(1);
    expect(db.prepare<[string], { v: number }>("SELECT v FROM t WHERE k = ?").get("a")).toEqual({ v: 1 });
    expect(db.prepare("SELECT v FROM t WHERE k = ?").get("missing")).toBeUndefined();
  });

  it("commits a transaction, rolls it back when it throws, and nests", () => {
    const insert = db.prepare<[string, number]>("INSERT INTO t (k, v) VALUES (?, ?)");
    db.transaction(() => {
      insert.run("a", 1);
      db.transaction(() => insert.run("b", 2))();
    })();
    expect(count()).toBe(2);
    expect(() =>
      db.transaction(() => {
        insert.run("c", 3);
        throw new Error("boom");
      })(),
    ).toThrow("boom");
    expect(count()).toBe(2);
  });

  it("answers pragmas with their value", () => {
    expect(db.pragma("journal_mode = WAL")).toBe("wal");
    expect(db.pragma("journal_mode")).toBe("wal");
  });
});

/** SQLite storage: WAL mode, data surviving a restart on the same file, and in-memory databases. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { openSqlite } from "../../emulator/core/sqlite";
import { startEmulator } from "../../emulator";
import { CesClient, ecs, removeDb, tempDbPath } from "./helpers";

test("data survives a restart on the same database file", async () => {
  const db = tempDbPath("restart");
  try {
    const first = await startEmulator({ port: 0, db });
    const api = new CesClient(first);
    const manual = await api.createOk({ group_name: "persisted" });
    const tag = await api.createOk({
      group_name: "tagged",
      type: "TAG",
      tags: [{ key: "env", value: "prod" }],
    });
    await api.addMembers(manual, [ecs("i-1"), ecs("i-2")]);
    await api.update(tag, { group_name: "tagged2" });
    const before = await api.list();
    await first.close();

    const second = await startEmulator({ port: 0, db });
    try {
      const again = new CesClient(second);
      expect((await again.list()).json).toEqual(before.json);
      expect((await again.show(tag)).json).toMatchObject({
        group_name: "tagged2",
        tags: [{ key: "env", value: "prod" }],
      });
      expect((await again.listMembers(manual, "SYS.ECS")).json.count).toBe(2);
      // Uniqueness and no-op counting still hold against the stored data.
      expect((await again.create({ group_name: "persisted" })).status).toBe(400);
      expect((await again.addMembers(manual, [ecs("i-1")])).json.succeed_count).toBe(0);
    } finally {
      await second.close();
    }
  } finally {
    removeDb(db);
  }
});

test("the database runs in WAL mode and the folder is created", async () => {
  const db = tempDbPath("wal");
  const nested = join(db, "..", "deeper", "still", "emulator.sqlite");
  try {
    const emulator = await startEmulator({ port: 0, db: nested });
    try {
      await new CesClient(emulator).createOk({ group_name: "w" });
      expect(existsSync(`${nested}-wal`)).toBe(true);
      const reader = openSqlite(nested, { readonly: true });
      try {
        expect(reader.pragma("journal_mode")).toBe("wal");
        const row = reader.prepare("SELECT group_name FROM ces_groups").get() as { group_name: string };
        expect(row.group_name).toBe("w");
      } finally {
        reader.close();
      }
    } finally {
      await emulator.close();
    }
  } finally {
    removeDb(db);
  }
});

test(":memory: works and keeps nothing after close", async () => {
  const first = await startEmulator({ port: 0, db: ":memory:" });
  await new CesClient(first).createOk({ group_name: "fleeting" });
  expect((await new CesClient(first).list()).json.count).toBe(1);
  await first.close();
  const second = await startEmulator({ port: 0, db: ":memory:" });
  try {
    expect((await new CesClient(second).list()).json.count).toBe(0);
  } finally {
    await second.close();
  }
});

test("close is idempotent and frees the port", async () => {
  const emulator = await startEmulator({ port: 0, db: ":memory:" });
  await Promise.all([emulator.close(), emulator.close()]);
  await expect(fetch(`${emulator.url}/healthz`)).rejects.toThrow("fetch failed");
  const again = await startEmulator({ port: emulator.port, db: ":memory:" });
  expect(again.port).toBe(emulator.port);
  await again.close();
});

test("start-up fails clearly when the port is taken, without leaking the database", async () => {
  const db = tempDbPath("busy");
  const holder = await startEmulator({ port: 0, db: ":memory:" });
  try {
    await expect(startEmulator({ port: holder.port, db })).rejects.toThrow(/EADDRINUSE/);
    // The database was opened and migrated before the port failed, and is left in a usable state.
    const reader = openSqlite(db);
    expect(reader.pragma("journal_mode")).toBe("wal");
    reader.close();
  } finally {
    await holder.close();
    removeDb(db);
  }
});

test("the defaults: 127.0.0.1 and the dev token", async () => {
  const emulator = await startEmulator({ port: 0, db: ":memory:" });
  try {
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(emulator.token).toBe("dev-token-not-secret");
  } finally {
    await emulator.close();
  }
});

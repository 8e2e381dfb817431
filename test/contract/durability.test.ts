/**
 * Durability of the emulator's SQLite file: the CLI, killed with SIGKILL in the middle of a burst of
 * writes to every dialect, is restarted on the same file. Every write it answered with success is
 * there with what was sent, and every group that is there is whole: all of its tags or scope objects,
 * never some of them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { openSqlite } from "../../emulator/core/sqlite";
import { CLOUDFLARE_ACCOUNT } from "../support/emulator";
import { removeDb, tempDbPath } from "./helpers";

const ROOT = join(__dirname, "..", "..");
const TOKEN = "durability-token";
const START_LINE = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
const IN_FLIGHT = 24;
const ROUNDS = 3;

/** One write per dialect: a group holding several parts, so a half-written one would show. */
interface Write {
  dialect: "ces" | "cloudflare" | "strongly" | "zopnight";
  name: string;
  /** The parts the group must hold whole: tags, zones, or its description. */
  parts: string[];
}

interface Held {
  name: string;
  parts: string[];
}

const zoneKey = (n: number) => `com.cloudflare.api.account.zone.${n.toString(16).padStart(32, "0")}`;

function request(write: Write): { path: string; headers: Record<string, string>; body: unknown } {
  const json = { "Content-Type": "application/json" };
  switch (write.dialect) {
    case "ces":
      return {
        path: "/v2/durability/resource-groups",
        headers: { ...json, "X-Auth-Token": TOKEN },
        body: {
          group_name: write.name,
          type: "TAG",
          tags: write.parts.map((p) => ({ key: p.split("=")[0], value: p.split("=")[1] })),
        },
      };
    case "cloudflare":
      return {
        path: `/client/v4/accounts/${CLOUDFLARE_ACCOUNT}/iam/resource_groups`,
        headers: { ...json, Authorization: `Bearer ${TOKEN}` },
        body: {
          name: write.name,
          scope: {
            key: `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`,
            objects: write.parts.map((key) => ({ key })),
          },
        },
      };
    case "strongly":
      return {
        path: "/api/v1/finops/resource-groups",
        headers: { ...json, "X-API-Key": TOKEN },
        body: { name: write.name, description: write.parts[0] ?? "" },
      };
    case "zopnight":
      return {
        path: "/api/resource-groups",
        headers: { ...json, Authorization: `Bearer ${TOKEN}` },
        body: { name: write.name, description: write.parts[0] ?? "" },
      };
  }
}

function nthWrite(round: number, n: number): Write {
  const name = `durable-${round}-${n}`;
  switch (n % 4) {
    case 0:
      return { dialect: "ces", name, parts: [`a=${n}`, `b=${n}`, `c=${n}`].sort() };
    case 1:
      return {
        dialect: "cloudflare",
        name,
        parts: [zoneKey(n * 3), zoneKey(n * 3 + 1), zoneKey(n * 3 + 2)].sort(),
      };
    case 2:
      return { dialect: "strongly", name, parts: [`description of ${name}`] };
    default:
      return { dialect: "zopnight", name, parts: [`description of ${name}`] };
  }
}

/** Node itself runs the CLI (tsx only as a loader), so SIGKILL reaches the process that serves. */
function startCli(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "emulator/cli.ts", "--port", "0", "--db", db, "--token", TOKEN],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = START_LINE.exec(seen);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.on("close", (code) => reject(new Error(`the emulator exited (${code}) before starting: ${seen}`)));
  });
}

async function get<T>(url: string, path: string, headers: Record<string, string>): Promise<T> {
  const response = await fetch(url + path, { headers });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Every group of every dialect, as `<dialect>/<name>` -> what it holds. */
async function everything(url: string): Promise<Map<string, Held>> {
  const held = new Map<string, Held>();
  const put = (dialect: string, name: string, parts: string[]) => {
    const key = `${dialect}/${name}`;
    if (held.has(key)) throw new Error(`${key} is held twice`);
    held.set(key, { name, parts: [...parts].sort() });
  };
  const ces = { "X-Auth-Token": TOKEN };
  for (let offset = 0; ; offset += 100) {
    const page = await get<{ count: number; resource_groups: { group_id: string; group_name: string }[] }>(
      url,
      `/v2/durability/resource-groups?offset=${offset}&limit=100`,
      ces,
    );
    for (const g of page.resource_groups) {
      const one = await get<{ tags: { key: string; value: string }[] }>(
        url,
        `/v2/durability/resource-groups/${g.group_id}`,
        ces,
      );
      put(
        "ces",
        g.group_name,
        one.tags.map((t) => `${t.key}=${t.value}`),
      );
    }
    if (offset + 100 >= page.count) break;
  }
  const cf = await get<{
    result: { name: string; meta: { value: string }; scope: { objects: { key: string }[] }[] }[];
  }>(url, `/client/v4/accounts/${CLOUDFLARE_ACCOUNT}/iam/resource_groups`, {
    Authorization: `Bearer ${TOKEN}`,
  });
  for (const g of cf.result.filter((g) => g.meta.value !== "false")) {
    put(
      "cloudflare",
      g.name,
      (g.scope[0]?.objects ?? []).map((o) => o.key),
    );
  }
  for (let offset = 0; ; offset += 100) {
    const page = await get<{ count: number; items: { name: string; description: string }[] }>(
      url,
      `/api/v1/finops/resource-groups?limit=100&offset=${offset}`,
      { "X-API-Key": TOKEN },
    );
    for (const g of page.items) put("strongly", g.name, [g.description]);
    if (offset + 100 >= page.count) break;
  }
  for (let page = 1; ; page++) {
    const list = await get<{ data: { name: string; description: string }[]; pagination: { total: number } }>(
      url,
      `/api/resource-groups?page=${page}&limit=100`,
      { Authorization: `Bearer ${TOKEN}` },
    );
    for (const g of list.data) put("zopnight", g.name, [g.description]);
    if (page * 100 >= list.pagination.total) break;
  }
  return held;
}

/**
 * Writes until the emulator stops answering. `acknowledged` fills as answers arrive, so the caller
 * can kill the emulator once enough are in; `done` settles when every writer has stopped.
 */
function burst(url: string, round: number, sent: Map<string, Write>) {
  const acknowledged: Write[] = [];
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped) {
      const write = nthWrite(round, next++);
      sent.set(`${write.dialect}/${write.name}`, write);
      const { path, headers, body } = request(write);
      let response: Response;
      try {
        response = await fetch(url + path, { method: "POST", headers, body: JSON.stringify(body) });
        await response.arrayBuffer();
      } catch {
        stopped = true; // The emulator is gone.
        return;
      }
      if (!response.ok) throw new Error(`POST ${path} answered ${response.status}`);
      acknowledged.push(write);
    }
  };
  return { acknowledged, done: Promise.all(Array.from({ length: IN_FLIGHT }, worker)) };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

test("a SIGKILL during a burst of writes loses no acknowledged write and leaves nothing half-written", async () => {
  const db = tempDbPath("durability");
  const sent = new Map<string, Write>();
  const acknowledged: Write[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const { child, url } = await startCli(db);
      const closed = new Promise((resolve) => child.on("close", resolve));
      const writes = burst(url, round, sent);
      // Killed at a different moment of each burst, with IN_FLIGHT writes under way.
      await until(() => writes.acknowledged.length >= 100 + round * 150);
      child.kill("SIGKILL");
      await closed;
      await writes.done;
      acknowledged.push(...writes.acknowledged);
      // The file itself is sound before anything opens it for writing again.
      const file = openSqlite(db);
      try {
        expect(file.pragma("integrity_check")).toBe("ok");
      } finally {
        file.close();
      }
    }
    const { child, url } = await startCli(db);
    try {
      const held = await everything(url);
      for (const write of acknowledged) {
        expect({ [write.name]: held.get(`${write.dialect}/${write.name}`)?.parts }).toEqual({
          [write.name]: write.parts,
        });
      }
      // Anything else held is a write in flight at the kill: there whole, or not at all.
      for (const [key, group] of held) {
        expect({ [key]: group.parts }).toEqual({ [key]: sent.get(key)?.parts });
      }
      expect(held.size).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      child.kill("SIGKILL");
    }
  } finally {
    removeDb(db);
  }
}, 120_000);

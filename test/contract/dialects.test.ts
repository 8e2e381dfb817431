/**
 * All dialects side by side on one port and one SQLite file: each with its own token, faults and counters,
 * with the global faults and counters on top.
 */
import { openSqlite } from "../../emulator/core/sqlite";
import {
  DEV_TOKEN,
  DIALECT_NAMES,
  startEmulator,
  type EmulatorStats,
  type FaultSettings,
  type RunningEmulator,
} from "../../emulator";
import { CloudflareClient, accountKey, expectCloudflareError, expectOk } from "./cloudflareClient";
import {
  CesClient,
  ZERO_STATS,
  expectCesError,
  removeDb,
  request,
  startTestEmulator,
  tempDbPath,
} from "./helpers";

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let ces: CesClient;
let cloudflare: CloudflareClient;

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator("dialects"));
  ces = new CesClient(emulator);
  cloudflare = new CloudflareClient(emulator);
});
afterAll(() => stop());
beforeEach(async () => {
  emulator.setFaults({});
  emulator.resetStats();
  for (const name of DIALECT_NAMES) {
    emulator.dialect(name).setFaults({});
    emulator.dialect(name).resetStats();
  }
  expect((await fetch(`${emulator.url}/_emulator/reset`, { method: "POST" })).status).toBe(200);
});

async function admin<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${emulator.url}/_emulator/${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as T };
}

const CES_LIST = "GET /v2/{project_id}/resource-groups";
const CF_LIST = "GET /client/v4/accounts/{account_id}/iam/resource_groups";
const CF_CREATE = "POST /client/v4/accounts/{account_id}/iam/resource_groups";

test("every dialect has a name, a token and its own admin routes", async () => {
  expect(DIALECT_NAMES).toEqual(expect.arrayContaining(["ces", "cloudflare"]));
  expect(DIALECT_NAMES[0]).toBe("ces");
  for (const name of DIALECT_NAMES) {
    const dialect = emulator.dialect(name);
    expect({ name: dialect.name, token: dialect.token, readOnly: dialect.readOnlyToken }).toEqual({
      name,
      token: DEV_TOKEN,
      readOnly: undefined,
    });
    expect(emulator.tokens[name]).toBe(DEV_TOKEN);
    expect((await admin("GET", `${name}/stats`)).status).toBe(200);
    expect((await admin("GET", `${name}/faults`)).json).toEqual({});
  }
  expect(emulator.dialect("cloudflare").prefix).toBe("/client/v4/");
  expect(emulator.dialect("ces").prefix).toBe("/v2/");
  expect(() => emulator.dialect("nope" as "ces")).toThrow("No dialect 'nope'");
});

test("CES and Cloudflare serve side by side on one port", async () => {
  const cesId = await ces.createOk({ group_name: "web" });
  const cfGroup = await cloudflare.createOk("web");
  expect((await ces.show(cesId)).json.group_name).toBe("web");
  expect(expectOk(await cloudflare.show(cfGroup.id)).name).toBe("web");
  expect(new URL(emulator.url).port).toBe(String(emulator.port));
});

describe("per-dialect faults", () => {
  test("a dialect's faults hit only its own requests", async () => {
    emulator.dialect("cloudflare").setFaults({ failNext: 2, failNextStatus: 500 });
    expect((await ces.list()).status).toBe(200);
    expectCloudflareError(await cloudflare.list(), 500, 1000);
    expect((await ces.list()).status).toBe(200);
    expectCloudflareError(await cloudflare.list(), 500, 1000);
    expectOk(await cloudflare.list());
    expect(emulator.dialect("cloudflare").faults.failNext).toBe(0);
  });

  test("the faults field is live and counts down", async () => {
    const faults = emulator.dialect("ces").faults;
    faults.failNext = 1;
    expectCesError(await ces.list(), 503, "ces.0007");
    expect(faults.failNext).toBe(0);
    expect((await ces.list()).status).toBe(200);
  });

  test("GET and PUT /_emulator/<dialect>/faults read and replace them", async () => {
    const settings: FaultSettings = { failNext: 1, failNextStatus: 429, retryAfterSeconds: 2 };
    expect(await admin("PUT", "cloudflare/faults", settings)).toEqual({ status: 200, json: settings });
    expect((await admin("GET", "cloudflare/faults")).json).toEqual(settings);
    expect(emulator.dialect("cloudflare").faults).toEqual(settings);
    expect((await admin("GET", "faults")).json).toEqual({});
    expect((await admin("GET", "ces/faults")).json).toEqual({});
    const reply = await cloudflare.list();
    expectCloudflareError(reply, 429, 971);
    expect(reply.headers.get("retry-after")).toBe("2");
    expect((await admin("GET", "cloudflare/faults")).json).toEqual({ ...settings, failNext: 0 });
  });

  test("a bad setting -> 400 and the settings stay as they were", async () => {
    emulator.dialect("cloudflare").setFaults({ latencyMs: 1 });
    expect(await admin("PUT", "cloudflare/faults", { failRate: 2 })).toEqual({
      status: 400,
      json: { error: "Invalid fault settings: failRate must be a number between 0 and 1" },
    });
    expect((await admin("PUT", "cloudflare/faults", "{")).status).toBe(400);
    expect(emulator.dialect("cloudflare").faults).toEqual({ latencyMs: 1 });
    expect(() => emulator.dialect("ces").setFaults({ failNext: -1 })).toThrow(
      "failNext must be a whole number",
    );
  });

  test("global faults apply to every dialect on top of its own", async () => {
    emulator.setFaults({ failNext: 2, failNextStatus: 500 });
    expectCesError(await ces.list(), 500, "ces.0007");
    expectCloudflareError(await cloudflare.list(), 500, 1000);
    expect((await ces.list()).status).toBe(200);
    expectOk(await cloudflare.list());
  });

  test("a dialect's own fault is used first; the global one stays for the next request", async () => {
    emulator.dialect("cloudflare").setFaults({ failNext: 1, failNextStatus: 429 });
    emulator.setFaults({ failNext: 1, failNextStatus: 500 });
    expectCloudflareError(await cloudflare.list(), 429, 971);
    expectCloudflareError(await cloudflare.list(), 500, 1000);
    expectOk(await cloudflare.list());
  });

  test("latency adds up: the dialect's plus the global; other dialects get only the global", async () => {
    emulator.dialect("cloudflare").setFaults({ latencyMs: 300 });
    emulator.setFaults({ latencyMs: 200 });
    let started = Date.now();
    expectOk(await cloudflare.list());
    expect(Date.now() - started).toBeGreaterThanOrEqual(490);
    emulator.setFaults({});
    started = Date.now();
    expect((await ces.list()).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(300);
  });

  test("drops: a dialect's dropNext cuts only its own writes", async () => {
    emulator.dialect("cloudflare").setFaults({ dropNext: 1 });
    await ces.createOk({ group_name: "kept" });
    await expect(
      cloudflare.create({ name: "cut", scope: { key: accountKey(), objects: [{ key: "*" }] } }),
    ).rejects.toThrow("fetch failed");
    expect(emulator.dialect("cloudflare").stats().dropped).toBe(1);
    expect(emulator.dialect("ces").stats().dropped).toBe(0);
    expect(emulator.stats().dropped).toBe(1);
  });
});

describe("per-dialect counters", () => {
  test("each dialect counts its own requests; the global stats count all", async () => {
    await ces.list();
    await cloudflare.list();
    await cloudflare.createOk("counted");
    emulator.dialect("cloudflare").setFaults({ failNext: 1 });
    await cloudflare.list();
    await cloudflare.call("GET", "/x/y");

    const cf: EmulatorStats = {
      total: 4,
      writes: 1,
      byRoute: { [CF_LIST]: 2, [CF_CREATE]: 1, "GET (unknown route)": 1 },
      injectedFaults: 1,
      dropped: 0,
      retryAfter: { answered: 1, retries: 0, early: 0, minMarginMs: null, recent: [] },
    };
    expect(emulator.dialect("cloudflare").stats()).toEqual(cf);
    expect((await admin("GET", "cloudflare/stats")).json).toEqual(cf);
    expect(emulator.dialect("ces").stats()).toEqual({
      total: 1,
      writes: 0,
      byRoute: { [CES_LIST]: 1 },
      injectedFaults: 0,
      dropped: 0,
      retryAfter: { answered: 0, retries: 0, early: 0, minMarginMs: null, recent: [] },
    });
    expect(emulator.stats()).toEqual({ ...cf, total: 5, byRoute: { ...cf.byRoute, [CES_LIST]: 1 } });
    expect((await admin("GET", "stats")).json).toEqual(emulator.stats());
  });

  test("POST /_emulator/<dialect>/stats/reset and resetStats() zero only that dialect", async () => {
    await ces.list();
    await cloudflare.list();
    expect(await admin("POST", "cloudflare/stats/reset")).toEqual({ status: 200, json: ZERO_STATS });
    expect(emulator.dialect("cloudflare").stats()).toEqual(ZERO_STATS);
    expect(emulator.dialect("ces").stats().total).toBe(1);
    expect(emulator.stats().total).toBe(2);
    emulator.dialect("ces").resetStats();
    expect(emulator.dialect("ces").stats()).toEqual(ZERO_STATS);
    expect(emulator.stats().total).toBe(2);
  });

  test("the global reset leaves each dialect's counters alone", async () => {
    await cloudflare.list();
    emulator.resetStats();
    expect(emulator.stats().total).toBe(0);
    expect(emulator.dialect("cloudflare").stats().total).toBe(1);
  });
});

describe("data reset", () => {
  test("POST /_emulator/<dialect>/reset deletes only that dialect's data", async () => {
    await ces.createOk({ group_name: "stays" });
    await cloudflare.createOk("goes");
    expect(await admin("POST", "cloudflare/reset")).toEqual({ status: 200, json: { status: "ok" } });
    expect(expectOk(await cloudflare.list()).map((g) => g.name)).toEqual([accountKey()]);
    expect((await ces.list()).json.count).toBe(1);
  });

  test("POST /_emulator/reset deletes every dialect's data", async () => {
    await ces.createOk({ group_name: "goes" });
    await cloudflare.createOk("goes too");
    expect((await admin("POST", "reset")).status).toBe(200);
    expect(expectOk(await cloudflare.list()).map((g) => g.name)).toEqual([accountKey()]);
    expect((await ces.list()).json.count).toBe(0);
  });
});

test("an unknown admin route of a dialect -> 404 {error}", async () => {
  expect(await admin("GET", "cloudflare/nope")).toEqual({
    status: 404,
    json: { error: "No admin route GET /_emulator/cloudflare/nope" },
  });
  expect((await admin("DELETE", "cloudflare/faults")).status).toBe(404);
});

test("paths no dialect claims still answer in the first dialect's shape", async () => {
  expectCesError(await request(emulator, "GET", "/client/v3/x"), 404, "ces.0016");
});

describe("tokens", () => {
  let own: RunningEmulator;
  beforeAll(async () => {
    own = await startEmulator({
      port: 0,
      db: ":memory:",
      token: "shared",
      tokens: { cloudflare: "cf-only" },
      readOnlyTokens: { cloudflare: "cf-read" },
    });
  });
  afterAll(() => own.close());

  test("each dialect reads its own token from its own header; the rest share the default", async () => {
    expect(own.token).toBe("shared");
    expect(own.tokens).toMatchObject({ ces: "shared", cloudflare: "cf-only" });
    expect(own.dialect("cloudflare")).toMatchObject({ token: "cf-only", readOnlyToken: "cf-read" });
    expect(own.dialect("ces").readOnlyToken).toBeUndefined();
    const cf = new CloudflareClient(own);
    expectOk(await cf.list());
    expectCloudflareError(await cf.call("GET", "", { token: "shared" }), 401, 10000);
    expectOk(await cf.call("GET", "", { token: "cf-read" }));
    expectCloudflareError(await cf.create({ name: "x" }, { token: "cf-read" }), 403, 10000);
    expect((await new CesClient(own).list()).status).toBe(200);
    expectCesError(await request(own, "GET", "/v2/p/resource-groups", { token: "cf-only" }), 401, "ces.0015");
    expectCesError(await request(own, "GET", "/v2/p/resource-groups", { token: "cf-read" }), 401, "ces.0015");
  });

  test("bad tokens are refused before anything starts", async () => {
    await expect(startEmulator({ port: 0, db: ":memory:", tokens: { cloudflare: "" } })).rejects.toThrow(
      "the cloudflare token must not be empty",
    );
    await expect(
      startEmulator({
        port: 0,
        db: ":memory:",
        tokens: { cloudflare: "a" },
        readOnlyTokens: { cloudflare: "a" },
      }),
    ).rejects.toThrow("the cloudflare read-only token must be non-empty and differ from its token");
    await expect(startEmulator({ port: 0, db: ":memory:", readOnlyToken: DEV_TOKEN })).rejects.toThrow(
      "read-only token must be non-empty and differ from its token",
    );
  });
});

describe("one SQLite file", () => {
  test("holds every dialect's tables and migrations, and survives a restart", async () => {
    const db = tempDbPath("dialects");
    try {
      const first = await startEmulator({ port: 0, db });
      const cesId = await new CesClient(first).createOk({ group_name: "web" });
      const cfGroup = await new CloudflareClient(first).createOk("web", ["*"]);
      const before = expectOk(await new CloudflareClient(first).list());
      await first.close();

      const reader = openSqlite(db, { readonly: true });
      try {
        const tables = reader
          .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
          .all()
          .map((t) => t.name);
        expect(tables).toEqual(expect.arrayContaining(["ces_groups", "ces_members", "cloudflare_groups"]));
        const migrations = reader
          .prepare<[], { id: string }>("SELECT id FROM emulator_migrations")
          .all()
          .map((m) => m.id);
        expect(migrations).toEqual(
          expect.arrayContaining(["ces/001-groups-and-members", "cloudflare/001-groups"]),
        );
        for (const id of migrations) expect(DIALECT_NAMES).toContain(id.split("/")[0]);
      } finally {
        reader.close();
      }

      const second = await startEmulator({ port: 0, db });
      try {
        const cf = new CloudflareClient(second);
        expect(expectOk(await cf.list())).toEqual(before);
        expect(expectOk(await cf.show(cfGroup.id)).name).toBe("web");
        expectCloudflareError(
          await cf.create({ name: "web", scope: { key: accountKey(), objects: [{ key: "*" }] } }),
          409,
          1004,
        );
        expect((await new CesClient(second).show(cesId)).json.group_name).toBe("web");
      } finally {
        await second.close();
      }
    } finally {
      removeDb(db);
    }
  });
});

/** Section 00, Strongly: the X-API-Key, the read-only key and its flag, faults and the dialect's counters. */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { removeDb, tempDbPath } from "./helpers";
import { StronglyClient, expectStronglyError, resetStrongly, STRONGLY_BASE } from "../support/strongly";

const READ_ONLY_KEY = "sk-read-only-test";

let emulator: RunningEmulator;
let api: StronglyClient;
const db = tempDbPath("strongly-auth");

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, db, readOnlyTokens: { strongly: READ_ONLY_KEY } });
  api = new StronglyClient(emulator);
});
afterAll(async () => {
  await emulator.close();
  removeDb(db);
});
beforeEach(async () => {
  await resetStrongly(emulator);
  emulator.dialect("strongly").setFaults({});
  emulator.dialect("strongly").resetStats();
});

describe("X-API-Key", () => {
  it("answers 401 unauthorized without a key or with an unknown one", async () => {
    expectStronglyError(await api.call("GET", "", { key: null }), 401, "unauthorized", /X-API-Key/);
    expectStronglyError(await api.call("GET", "", { key: "sk-wrong" }), 401, "unauthorized");
    expectStronglyError(await api.call("POST", "", { key: "", body: { name: "x" } }), 401, "unauthorized");
    expect((await api.list()).json.count).toBe(0);
  });

  it("reads the key from X-API-Key only, not from another dialect's header", async () => {
    const response = await fetch(emulator.url + STRONGLY_BASE, {
      headers: { Authorization: `Bearer ${api.key}`, "X-Auth-Token": api.key },
    });
    expect(response.status).toBe(401);
  });

  it("answers unknown paths with 404 and unknown methods with 405, in the Strongly envelope", async () => {
    expectStronglyError(await api.call("GET", "/rg_0000000000000000/budgets"), 404, "not-found");
    expectStronglyError(await api.call("PATCH", ""), 405, "not-found");
  });
});

describe("read-only key (finops:read only)", () => {
  it("reads lists and groups", async () => {
    const id = await api.createOk("Readable");
    expect((await api.call("GET", "", { key: READ_ONLY_KEY })).status).toBe(200);
    expect((await api.call("GET", `/${id}`, { key: READ_ONLY_KEY })).status).toBe(200);
  });

  it("answers every write with 403 scope-required naming finops:write, and changes nothing", async () => {
    const id = await api.createOk("Guarded");
    const writes: [string, string, unknown][] = [
      ["POST", "", { name: "new" }],
      ["PUT", `/${id}`, { name: "renamed" }],
      ["DELETE", `/${id}`, undefined],
      ["POST", `/${id}/resources`, { type: "app", resourceId: "a", name: "a" }],
      ["DELETE", `/${id}/resources/a?resourceType=app`, undefined],
    ];
    for (const [method, path, body] of writes) {
      const reply = await api.call(method, path, { key: READ_ONLY_KEY, body });
      expectStronglyError(reply, 403, "scope-required", /finops:write/);
    }
    const group = (await api.show(id)).json;
    expect(group).toMatchObject({ name: "Guarded", resources: [] });
    expect((await api.list()).json.count).toBe(1);
  });
});

describe("faults and counters of the dialect", () => {
  it("answers an injected 429 with rate-limited and Retry-After", async () => {
    emulator.dialect("strongly").setFaults({ failNext: 1, failNextStatus: 429, retryAfterSeconds: 3 });
    const reply = await api.list();
    expectStronglyError(reply, 429, "rate-limited");
    expect(reply.headers.get("retry-after")).toBe("3");
    expect((await api.list()).status).toBe(200);
  });

  it("answers an injected 500 with internal-error", async () => {
    emulator.dialect("strongly").setFaults({ failNext: 1, failNextStatus: 500 });
    expectStronglyError(await api.create({ name: "never" }), 500, "internal-error");
    expect((await api.list()).json.count).toBe(0);
  });

  it("commits a dropped write although the client never hears the answer", async () => {
    emulator.dialect("strongly").setFaults({ dropNext: 1 });
    await expect(api.create({ name: "Dropped" })).rejects.toThrow();
    const list = (await api.list()).json;
    expect(list.items.map((g) => g.name)).toEqual(["Dropped"]);
    expect(emulator.dialect("strongly").stats().dropped).toBe(1);
  });

  it("counts requests per route pattern", async () => {
    const id = await api.createOk("Counted");
    await api.show(id);
    await api.show(id);
    await api.addMember(id, { type: "app", resourceId: "a", name: "a" });
    const stats = emulator.dialect("strongly").stats();
    expect(stats.byRoute).toEqual({
      [`POST ${STRONGLY_BASE}`]: 1,
      [`GET ${STRONGLY_BASE}/{id}`]: 2,
      [`POST ${STRONGLY_BASE}/{id}/resources`]: 1,
    });
    expect(stats.writes).toBe(2);
  });
});

describe("the --strongly-read-only-key flag", () => {
  const ROOT = join(__dirname, "..", "..");
  let child: ChildProcess | undefined;
  // SIGTERM, not SIGKILL: tsx passes it on to the emulator it runs, which would otherwise outlive the test.
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  });

  it("makes the CLI accept that key for reads and refuse its writes with scope-required", async () => {
    const cliDb = tempDbPath("strongly-cli");
    child = spawn(
      process.execPath,
      [
        require.resolve("tsx/cli"),
        "emulator/cli.ts",
        "--port",
        "0",
        "--db",
        cliDb,
        "--strongly-read-only-key",
        "ro-flag-key",
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let seen = "";
      child?.stdout?.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /listening on (http:\/\/[^\s]+)/.exec(seen);
        if (match?.[1]) resolve(match[1]);
      });
      child?.once("close", (code) => reject(new Error(`the CLI exited with ${String(code)}`)));
    });
    const call = (method: string) =>
      fetch(url + STRONGLY_BASE, {
        method,
        headers: { "X-API-Key": "ro-flag-key", "Content-Type": "application/json" },
        ...(method === "POST" ? { body: JSON.stringify({ name: "x" }) } : {}),
      });
    expect((await call("GET")).status).toBe(200);
    const write = await call("POST");
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ success: false, error: { code: "scope-required" } });
    const closed = new Promise((resolve) => child?.once("close", resolve));
    child.kill("SIGTERM");
    await closed;
    removeDb(cliDb);
  });
});

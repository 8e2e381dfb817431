/** Section 00, ZopNight: auth, envelopes, group routes, rules, paging, schedules, faults and counters. */
import { setTimeout as sleep } from "node:timers/promises";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { removeDb, tempDbPath } from "./helpers";
import { ZopNightClient, expectZopNightError, resetZopNight } from "../support/zopnight";

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const GROUP_ID = /^grp_[a-z0-9]{12}$/;
const UNKNOWN_GROUP = "grp_000000000000";

let emulator: RunningEmulator;
let api: ZopNightClient;
const db = tempDbPath("zopnight-groups");

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, db, tokens: { zopnight: "zop-token" } });
  api = new ZopNightClient(emulator);
});
afterAll(async () => {
  await emulator.close();
  removeDb(db);
});
beforeEach(async () => {
  await resetZopNight(emulator);
  emulator.dialect("zopnight").setFaults({});
});

describe("ZopNight auth", () => {
  it("answers 401 {error} without a token, with an unknown one, or with a non-bearer scheme", async () => {
    expectZopNightError(await api.call("GET", "/resource-groups", { token: null }), 401, /No token/);
    expectZopNightError(await api.call("GET", "/resource-groups", { token: "nope" }), 401, /not valid/);
    expectZopNightError(
      await api.call("GET", "/resource-groups", { authorization: `Basic ${api.token}` }),
      401,
      /Bearer/,
    );
  });

  it("accepts its own bearer token and refuses another dialect's header", async () => {
    expect((await api.list()).status).toBe(200);
    const response = await fetch(`${emulator.url}/api/resource-groups`, {
      headers: { "X-API-Key": api.token },
    });
    expect(response.status).toBe(401);
  });

  it("answers 404 {error} for a path no route serves", async () => {
    expectZopNightError(await api.call("GET", "/nothing-here"), 404, /No API route GET \/api\/nothing-here/);
  });
});

describe("POST /resource-groups", () => {
  it("answers 201 {data: group} with the seed's fields", async () => {
    const reply = await api.create({ name: "Backend Stack", description: "Database, cache and app" });
    expect(reply.status).toBe(201);
    expect(Object.keys(reply.json)).toEqual(["data"]);
    const group = reply.json.data;
    expect(Object.keys(group).sort()).toEqual(
      ["createdAt", "createdBy", "description", "id", "members", "name", "updatedAt"].sort(),
    );
    expect(group).toMatchObject({
      name: "Backend Stack",
      description: "Database, cache and app",
      members: [],
    });
    expect(group.id).toMatch(GROUP_ID);
    expect(group.createdBy).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(group.createdAt).toMatch(ISO_UTC);
    expect(group.updatedAt).toBe(group.createdAt);
  });

  it("stores the name trimmed and a missing description as empty", async () => {
    const group = await api.createOk("  Trimmed  ");
    expect(group.name).toBe("Trimmed");
    expect((await api.show(group.id)).json.data).toMatchObject({ name: "Trimmed", description: "" });
  });

  it("accepts 100 characters after trimming and refuses 101, naming the field", async () => {
    expect((await api.create({ name: ` ${"a".repeat(100)} ` })).status).toBe(201);
    expectZopNightError(
      await api.create({ name: "b".repeat(101) }),
      400,
      /^name must have at most 100 characters after trimming \(got 101\)$/,
    );
  });

  it("refuses a missing, blank or non-string name", async () => {
    expectZopNightError(await api.create({ description: "x" }), 400, /^name is required$/);
    expectZopNightError(await api.create({ name: "   " }), 400, /^name must not be empty/);
    expectZopNightError(await api.create({ name: 7 }), 400, /^name must be a string/);
  });

  it("accepts a 500-character description and refuses 501", async () => {
    expect((await api.create({ name: "d500", description: "d".repeat(500) })).status).toBe(201);
    expectZopNightError(
      await api.create({ name: "d501", description: "d".repeat(501) }),
      400,
      /^description must have at most 500 characters \(got 501\)$/,
    );
  });

  it("refuses an empty, non-JSON or non-object body", async () => {
    expectZopNightError(await api.call("POST", "/resource-groups", { raw: "" }), 400, /JSON object/);
    expectZopNightError(await api.call("POST", "/resource-groups", { raw: "{name" }), 400, /not valid JSON/);
    expectZopNightError(await api.call("POST", "/resource-groups", { raw: "[]" }), 400, /JSON object/);
  });

  it("answers 409 for a name already taken, ignoring case and surrounding spaces", async () => {
    await api.createOk("Backend");
    expectZopNightError(await api.create({ name: " BACKEND " }), 409, /name.*already exists/);
    expect((await api.list()).json.pagination.total).toBe(1);
  });
});

describe("GET /resource-groups/{groupID}", () => {
  it("answers {data: group} with its members", async () => {
    const group = await api.createOk("shown");
    await api.addMember(group.id, "res_001");
    const shown = (await api.show(group.id)).json.data;
    expect(shown.id).toBe(group.id);
    expect(shown.members.map((m) => m.resourceID)).toEqual(["res_001"]);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expectZopNightError(await api.show(UNKNOWN_GROUP), 404, new RegExp(`${UNKNOWN_GROUP} not found`));
    expectZopNightError(await api.show("nope"), 404, /nope not found/);
  });
});

describe("PUT /resource-groups/{groupID}", () => {
  it("changes the name or the description alone and answers 200 {data: group}", async () => {
    const group = await api.createOk("before", "first");
    await sleep(5);
    const renamed = await api.update(group.id, { name: " after " });
    expect(renamed.status).toBe(200);
    expect(renamed.json.data).toMatchObject({ id: group.id, name: "after", description: "first" });
    expect(renamed.json.data.updatedAt > group.updatedAt).toBe(true);
    expect(renamed.json.data.createdAt).toBe(group.createdAt);
    const described = await api.update(group.id, { description: "" });
    expect(described.json.data).toMatchObject({ name: "after", description: "" });
  });

  it("refuses an empty update and broken rules, naming the field", async () => {
    const group = await api.createOk("rules");
    expectZopNightError(await api.update(group.id, {}), 400, /at least one of name or description/);
    expectZopNightError(
      await api.update(group.id, { name: "x".repeat(101) }),
      400,
      /^name must have at most 100/,
    );
    expectZopNightError(
      await api.update(group.id, { description: "x".repeat(501) }),
      400,
      /^description must/,
    );
  });

  it("lets a group change the case of its own name but not take another's", async () => {
    const group = await api.createOk("web");
    await api.createOk("db");
    expect((await api.update(group.id, { name: "WEB" })).json.data.name).toBe("WEB");
    expectZopNightError(await api.update(group.id, { name: "Db" }), 409, /already exists/);
  });

  it("answers 404 for an unknown group, before looking at the body", async () => {
    expectZopNightError(await api.update(UNKNOWN_GROUP, {}), 404, /not found/);
  });
});

describe("DELETE /resource-groups/{groupID}", () => {
  it("answers 204 with no body, then the group is gone", async () => {
    const group = await api.createOk("doomed");
    const reply = await api.remove(group.id);
    expect(reply.status).toBe(204);
    expect(reply.text).toBe("");
    expectZopNightError(await api.show(group.id), 404);
    expectZopNightError(await api.remove(group.id), 404, /not found/);
  });

  it("frees the name", async () => {
    const group = await api.createOk("reused");
    await api.remove(group.id);
    expect((await api.create({ name: "REUSED" })).status).toBe(201);
  });

  it("removes the group's schedule attachments, leaving other groups' alone", async () => {
    const a = await api.createOk("a");
    const b = await api.createOk("b");
    const schedule = { id: "sch_nightly", name: "Nightly", timezone: "Europe/Paris" };
    await api.attachSchedule(a.id, schedule);
    await api.attachSchedule(b.id, schedule);
    await api.remove(a.id);
    const again = await api.createOk("a");
    expect((await api.schedules(again.id)).json.data).toEqual([]);
    expect((await api.schedules(b.id)).json.data).toEqual([schedule]);
  });
});

describe("GET /resource-groups", () => {
  async function createMany(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 1; i <= n; i++) ids.push((await api.createOk(`g${i}`)).id);
    return ids;
  }

  it("answers {data, pagination} sorted by createdAt ascending, 20 per page by default", async () => {
    const ids = await createMany(23);
    const first = await api.list();
    expect(first.status).toBe(200);
    expect(Object.keys(first.json).sort()).toEqual(["data", "pagination"]);
    expect(first.json.pagination).toEqual({ page: 1, limit: 20, total: 23 });
    expect(first.json.data.map((g) => g.id)).toEqual(ids.slice(0, 20));
    const second = await api.list("page=2");
    expect(second.json.pagination).toEqual({ page: 2, limit: 20, total: 23 });
    expect(second.json.data.map((g) => g.id)).toEqual(ids.slice(20));
    const createdAt = first.json.data.map((g) => g.createdAt);
    expect([...createdAt].sort()).toEqual(createdAt);
  });

  it("includes each group's members", async () => {
    const group = await api.createOk("with-members");
    await api.addMember(group.id, "res_002");
    expect((await api.list()).json.data[0]?.members.map((m) => m.resourceID)).toEqual(["res_002"]);
  });

  it("takes limit 1 and 100, and answers an empty page past the end", async () => {
    const ids = await createMany(3);
    expect((await api.list("limit=1&page=3")).json.data.map((g) => g.id)).toEqual([ids[2]]);
    expect((await api.list("limit=100")).json.data).toHaveLength(3);
    const past = await api.list("page=9");
    expect(past.json).toEqual({ data: [], pagination: { page: 9, limit: 20, total: 3 } });
  });

  it("answers 400 for page < 1 and limit outside 1-100, naming the parameter", async () => {
    expectZopNightError(await api.list("page=0"), 400, /^page must be an integer of at least 1/);
    expectZopNightError(await api.list("page=-1"), 400, /^page/);
    expectZopNightError(await api.list("limit=0"), 400, /^limit must be an integer from 1 to 100/);
    expectZopNightError(await api.list("limit=101"), 400, /^limit/);
    expectZopNightError(await api.list("limit=ten"), 400, /^limit/);
  });
});

describe("GET /resource-groups/{groupID}/schedules", () => {
  it("answers {data: []} for a group with no schedule", async () => {
    const group = await api.createOk("plain");
    const reply = await api.schedules(group.id);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ data: [] });
  });

  it("lists attached schedules as {id, name, timezone}, in attachment order", async () => {
    const group = await api.createOk("scheduled");
    const attached = await api.attachSchedule(group.id, {
      name: "Office hours",
      timezone: "America/New_York",
    });
    expect(attached.status).toBe(201);
    expect(attached.json.data.id).toMatch(/^sch_[a-z0-9]{12}$/);
    await api.attachSchedule(group.id, { id: "sch_weekend", name: "Weekend", timezone: "UTC" });
    expect((await api.schedules(group.id)).json.data).toEqual([
      { id: attached.json.data.id, name: "Office hours", timezone: "America/New_York" },
      { id: "sch_weekend", name: "Weekend", timezone: "UTC" },
    ]);
  });

  it("answers 404 for an unknown group", async () => {
    expectZopNightError(await api.schedules(UNKNOWN_GROUP), 404, /not found/);
  });
});

describe("admin: POST /_emulator/zopnight/resource-groups/{groupID}/schedules", () => {
  it("renames a known schedule when attached again by id, without attaching it twice", async () => {
    const group = await api.createOk("renamed-schedule");
    await api.attachSchedule(group.id, { id: "sch_a", name: "Old", timezone: "UTC" });
    await api.attachSchedule(group.id, { id: "sch_a", name: "New", timezone: "Asia/Tokyo" });
    expect((await api.schedules(group.id)).json.data).toEqual([
      { id: "sch_a", name: "New", timezone: "Asia/Tokyo" },
    ]);
  });

  it("refuses bad bodies and unknown groups with {error}", async () => {
    const group = await api.createOk("bad-schedules");
    expectZopNightError(
      await api.attachSchedule(group.id, { name: "x", timezone: "Mars/Olympus" }),
      400,
      /timezone/,
    );
    expectZopNightError(await api.attachSchedule(group.id, { timezone: "UTC" }), 400, /^name must be/);
    expectZopNightError(
      await api.attachSchedule(group.id, { id: "x", name: "x", timezone: "UTC" }),
      400,
      /^id/,
    );
    expectZopNightError(await api.attachSchedule(UNKNOWN_GROUP, { name: "x", timezone: "UTC" }), 404);
  });
});

describe("ZopNight faults and counters", () => {
  it("answers injected 429 as {error} with Retry-After, counted for the dialect", async () => {
    const zop = emulator.dialect("zopnight");
    zop.resetStats();
    zop.setFaults({ failNext: 1, failNextStatus: 429, retryAfterSeconds: 2 });
    const reply = await api.list();
    expectZopNightError(reply, 429, /Injected fault/);
    expect(reply.headers.get("retry-after")).toBe("2");
    expect((await api.list()).status).toBe(200);
    const stats = zop.stats();
    expect(stats.injectedFaults).toBe(1);
    expect(stats.byRoute["GET /api/resource-groups"]).toBe(2);
  });

  it("answers injected 500 as {error}", async () => {
    emulator.dialect("zopnight").setFaults({ failNext: 1, failNextStatus: 500 });
    expectZopNightError(await api.create({ name: "x" }), 500, /Injected fault/);
    expect((await api.list()).json.pagination.total).toBe(0);
  });

  it("drops the answer of a committed write, which the next read shows", async () => {
    const zop = emulator.dialect("zopnight");
    zop.resetStats();
    zop.setFaults({ dropNext: 1 });
    await expect(api.create({ name: "lost answer" })).rejects.toThrow();
    expect((await api.list()).json.data.map((g) => g.name)).toEqual(["lost answer"]);
    expect(zop.stats()).toMatchObject({ dropped: 1, writes: 1 });
  });

  it("counts PATCH as a write, per route pattern", async () => {
    const zop = emulator.dialect("zopnight");
    const group = await api.createOk("counted");
    await api.addMember(group.id, "res_001");
    zop.resetStats();
    await api.sequence(group.id, "res_001", { executionTier: "tier-2", executionOrder: 1 });
    expect(zop.stats()).toMatchObject({
      total: 1,
      writes: 1,
      byRoute: { "PATCH /api/resource-groups/{groupID}/resources/{resourceID}/sequence": 1 },
    });
  });

  it("serves admin stats and faults under /_emulator/zopnight", async () => {
    const put = await fetch(`${emulator.url}/_emulator/zopnight/faults`, {
      method: "PUT",
      body: JSON.stringify({ failNext: 1, failNextStatus: 503 }),
    });
    expect(put.status).toBe(200);
    expectZopNightError(await api.list(), 503);
    const stats = (await (await fetch(`${emulator.url}/_emulator/zopnight/stats`)).json()) as {
      injectedFaults: number;
    };
    expect(stats.injectedFaults).toBeGreaterThanOrEqual(1);
  });
});

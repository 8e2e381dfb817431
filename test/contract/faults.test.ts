/** Fault injection: failNext, failRate, latency and dropped connections; admin and health routes stay clean. */
import type { RunningEmulator } from "../../emulator";
import { startEmulator } from "../../emulator";
import { CesClient, expectCesError, resetData, startTestEmulator, tempDbPath, removeDb } from "./helpers";

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let api: CesClient;

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator("faults"));
  api = new CesClient(emulator);
});
afterAll(() => stop());
beforeEach(async () => {
  emulator.setFaults({});
  emulator.resetStats();
  await resetData(emulator);
});

describe("failNext", () => {
  test.each([
    [500, "ces.0007", null],
    [503, "ces.0007", "1"],
    [429, "ces.0020", "1"],
  ])("fails the next requests with %d (%s), Retry-After %p", async (status, code, retryAfter) => {
    emulator.setFaults({ failNext: 2, failNextStatus: status });
    for (let i = 0; i < 2; i++) {
      const reply = await api.list();
      expectCesError(reply, status, code, /Injected fault/);
      expect(reply.headers.get("retry-after")).toBe(retryAfter);
    }
    expect((await api.list()).status).toBe(200);
    expect(emulator.faults.failNext).toBe(0);
  });

  test("defaults to 503 and honours retryAfterSeconds", async () => {
    emulator.setFaults({ failNext: 1, retryAfterSeconds: 7 });
    const reply = await api.list();
    expectCesError(reply, 503, "ces.0007");
    expect(reply.headers.get("retry-after")).toBe("7");
  });

  test("a failed write is not applied", async () => {
    emulator.setFaults({ failNext: 1, failNextStatus: 500 });
    expectCesError(await api.create({ group_name: "never" }), 500, "ces.0007");
    expect((await api.list()).json.count).toBe(0);
  });

  test("comes before auth: even an unauthenticated request gets the injected error", async () => {
    emulator.setFaults({ failNext: 1, failNextStatus: 429 });
    expectCesError(await api.call("GET", "", { token: null }), 429, "ces.0020");
    expectCesError(await api.call("GET", "", { token: null }), 401, "ces.0015");
  });

  test("counts down in the live faults view, which can also be mutated directly", async () => {
    emulator.setFaults({ failNext: 3 });
    await api.list();
    expect(emulator.faults.failNext).toBe(2);
    emulator.faults.failNext = 0;
    expect((await api.list()).status).toBe(200);
    emulator.faults.failNext = 1;
    expect((await api.list()).status).toBe(503);
    expect(emulator.stats().injectedFaults).toBe(2);
  });

  test("is considered before failRate", async () => {
    emulator.setFaults({ failNext: 1, failNextStatus: 500, failRate: 1, failStatuses: [429] });
    expect((await api.list()).status).toBe(500);
    expect((await api.list()).status).toBe(429);
  });
});

describe("failRate", () => {
  test("1.0 fails every API request, drawing from failStatuses", async () => {
    emulator.setFaults({ failRate: 1, failStatuses: [429], retryAfterSeconds: 3 });
    for (let i = 0; i < 5; i++) {
      const reply = await api.list();
      expectCesError(reply, 429, "ces.0020");
      expect(reply.headers.get("retry-after")).toBe("3");
    }
    expect(emulator.stats()).toMatchObject({ total: 5, injectedFaults: 5 });
  });

  test("draws only the listed statuses, all three by default", async () => {
    emulator.setFaults({ failRate: 1 });
    const seen = new Set<number>();
    for (let i = 0; i < 60; i++) seen.add((await api.list()).status);
    expect([...seen].sort()).toEqual([429, 500, 503]);
    emulator.setFaults({ failRate: 1, failStatuses: [500, 503] });
    for (let i = 0; i < 20; i++) expect([500, 503]).toContain((await api.list()).status);
  });

  test("0 fails nothing", async () => {
    emulator.setFaults({ failRate: 0 });
    for (let i = 0; i < 10; i++) expect((await api.list()).status).toBe(200);
  });
});

test("latencyMs delays API requests but not /healthz or admin routes", async () => {
  emulator.setFaults({ latencyMs: 300 });
  const timed = async (send: () => Promise<{ status: number }>): Promise<number> => {
    const started = Date.now();
    expect((await send()).status).toBe(200);
    return Date.now() - started;
  };
  expect(await timed(() => api.list())).toBeGreaterThanOrEqual(290);
  expect(await timed(() => fetch(`${emulator.url}/healthz`))).toBeLessThan(290);
  expect(await timed(() => fetch(`${emulator.url}/_emulator/stats`))).toBeLessThan(290);
});

describe("drops", () => {
  test("dropNext cuts the connection after the write committed", async () => {
    emulator.setFaults({ dropNext: 1 });
    await expect(api.create({ group_name: "committed" })).rejects.toThrow("fetch failed");
    const listed = await api.list();
    expect(listed.json.resource_groups.map((g) => g.group_name)).toEqual(["committed"]);
    expect(emulator.stats()).toMatchObject({ dropped: 1, writes: 1 });
    expect(emulator.faults.dropNext).toBe(0);
  });

  test("the client sees a socket error", async () => {
    emulator.setFaults({ dropNext: 1 });
    const error = await api.create({ group_name: "x" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    // fetch reports network failures as TypeError (from another realm under jest, so compare by name).
    expect((error as Error).name).toBe("TypeError");
    const cause = (error as { cause?: { code?: string } }).cause;
    expect(cause?.code).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
  });

  test("reads and refused writes are never dropped, and do not use up dropNext", async () => {
    emulator.setFaults({ dropNext: 1 });
    expect((await api.list()).status).toBe(200);
    expectCesError(await api.create({ group_name: "" }), 400, "ces.0014");
    expect(emulator.faults.dropNext).toBe(1);
    await expect(api.create({ group_name: "dropped" })).rejects.toThrow("fetch failed");
  });

  test("dropRate 1 drops every successful write: update and batch delete still happen", async () => {
    const id = await api.createOk({ group_name: "before" });
    emulator.setFaults({ dropRate: 1 });
    await expect(api.update(id, { group_name: "after" })).rejects.toThrow("fetch failed");
    emulator.setFaults({});
    expect((await api.show(id)).json.group_name).toBe("after");
    emulator.setFaults({ dropRate: 1 });
    await expect(api.batchDelete([id])).rejects.toThrow("fetch failed");
    emulator.setFaults({});
    expectCesError(await api.show(id), 404, "ces.0016");
    expect(emulator.stats().dropped).toBe(2);
  });
});

test("faults never touch /healthz or /_emulator/*", async () => {
  emulator.setFaults({ failNext: 5, failRate: 1, dropRate: 1 });
  const health = await fetch(`${emulator.url}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  expect((await fetch(`${emulator.url}/_emulator/stats`)).status).toBe(200);
  expect((await fetch(`${emulator.url}/_emulator/reset`, { method: "POST" })).status).toBe(200);
  expect((await fetch(`${emulator.url}/_emulator/faults`)).status).toBe(200);
  expect(emulator.faults.failNext).toBe(5);
  expect(emulator.stats().injectedFaults).toBe(0);
});

test("setFaults refuses bad settings and keeps the old ones", () => {
  emulator.setFaults({ failNext: 2 });
  expect(() => emulator.setFaults({ failRate: 1.5 })).toThrow(/failRate must be a number between 0 and 1/);
  expect(() => emulator.setFaults({ failStatuses: [404] })).toThrow(
    /failStatuses\.0 must be one of 500, 503, 429/,
  );
  expect(() => emulator.setFaults({ failNext: -1 })).toThrow(/failNext must be a whole number/);
  expect(emulator.faults).toEqual({ failNext: 2 });
});

test("faults can be given at start, and bad ones refuse to start", async () => {
  const db = tempDbPath("start-faults");
  const started = await startEmulator({ port: 0, db, faults: { failNext: 1, failNextStatus: 429 } });
  try {
    expect((await new CesClient(started).list()).status).toBe(429);
    expect((await new CesClient(started).list()).status).toBe(200);
  } finally {
    await started.close();
    removeDb(db);
  }
  await expect(startEmulator({ port: 0, db: ":memory:", faults: { dropRate: 2 } })).rejects.toThrow(
    /dropRate/,
  );
});

/** /healthz, the /_emulator/* admin routes and request statistics. */
import type { EmulatorStats, FaultSettings, RunningEmulator } from "../../emulator";
import { CesClient, ZERO_STATS, ecs, startTestEmulator } from "./helpers";

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let api: CesClient;

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator("admin"));
  api = new CesClient(emulator);
});
afterAll(() => stop());
beforeEach(() => {
  emulator.setFaults({});
  emulator.resetStats();
});

async function admin<T>(method: string, path: string, body?: string): Promise<{ status: number; json: T }> {
  const response = await fetch(`${emulator.url}/_emulator/${path}`, {
    method,
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, json: (await response.json()) as T };
}

test("GET /healthz answers 200 {status: ok} without a token", async () => {
  const response = await fetch(`${emulator.url}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

describe("stats", () => {
  test("count API requests by method and route pattern, writes separately, faulted ones included", async () => {
    const id = await api.createOk({ group_name: "s" });
    await api.list();
    await api.show(id);
    await api.update(id, { group_name: "s2" });
    await api.addMembers(id, [ecs("i-1")]);
    await api.removeMembers(id, [ecs("i-1")]);
    await api.listMembers(id, "SYS.ECS");
    await api.batchDelete([id]);
    emulator.setFaults({ failNext: 1 });
    await api.list();
    await api.call("GET", "", { token: null });
    await fetch(`${emulator.url}/nowhere`);
    await fetch(`${emulator.url}/healthz`);

    const base = "/v2/{project_id}/resource-groups";
    const expected: EmulatorStats = {
      total: 11,
      writes: 5,
      byRoute: {
        [`POST ${base}`]: 1,
        [`GET ${base}`]: 3,
        [`GET ${base}/{group_id}`]: 1,
        [`PUT ${base}/{group_id}`]: 1,
        [`POST ${base}/{group_id}/resources/batch-create`]: 1,
        [`POST ${base}/{group_id}/resources/batch-delete`]: 1,
        [`GET ${base}/{group_id}/services/{service}/resources`]: 1,
        [`POST ${base}/batch-delete`]: 1,
        "GET (unknown route)": 1,
      },
      injectedFaults: 1,
      dropped: 0,
      // The injected 503 asked for a pause; the same request was not sent again.
      retryAfter: { answered: 1, retries: 0, early: 0, minMarginMs: null, recent: [] },
    };
    expect(emulator.stats()).toEqual(expected);
    const served = await admin<EmulatorStats>("GET", "stats");
    expect(served).toEqual({ status: 200, json: expected });
  });

  test("a snapshot does not change as counting goes on", async () => {
    const before = emulator.stats();
    await api.list();
    expect(before.total).toBe(0);
    expect(emulator.stats().total).toBe(1);
  });

  test("POST /_emulator/stats/reset and resetStats() zero the counters", async () => {
    await api.list();
    const reset = await admin<EmulatorStats>("POST", "stats/reset");
    expect(reset).toEqual({ status: 200, json: ZERO_STATS });
    await api.list();
    expect(emulator.stats().total).toBe(1);
    emulator.resetStats();
    expect(emulator.stats().total).toBe(0);
  });

  test("admin routes are not counted", async () => {
    await admin("GET", "stats");
    await admin("GET", "faults");
    expect(emulator.stats().total).toBe(0);
  });
});

describe("faults", () => {
  test("GET answers the current settings, with counters as they count down", async () => {
    emulator.setFaults({ failNext: 2, latencyMs: 0 });
    await api.list();
    expect(await admin("GET", "faults")).toEqual({ status: 200, json: { failNext: 1, latencyMs: 0 } });
  });

  test("PUT replaces all settings and takes effect at once", async () => {
    emulator.setFaults({ latencyMs: 5, failRate: 0 });
    const settings: FaultSettings = { failNext: 1, failNextStatus: 429, retryAfterSeconds: 2 };
    const put = await admin<FaultSettings>("PUT", "faults", JSON.stringify(settings));
    expect(put).toEqual({ status: 200, json: settings });
    expect(emulator.faults).toEqual(settings);
    const reply = await api.list();
    expect(reply.status).toBe(429);
    expect(reply.headers.get("retry-after")).toBe("2");
  });

  test("PUT with an empty object (or no body) clears every fault", async () => {
    emulator.setFaults({ failRate: 1 });
    expect((await admin("PUT", "faults", "{}")).json).toEqual({});
    emulator.setFaults({ failRate: 1 });
    expect((await admin("PUT", "faults", "")).json).toEqual({});
    expect((await api.list()).status).toBe(200);
  });

  test.each([
    ['{"failRate": 2}', "failRate must be a number between 0 and 1"],
    ['{"failRate": "high"}', "failRate must be a number between 0 and 1"],
    ['{"failStatuses": [404]}', "failStatuses.0 must be one of 500, 503, 429"],
    ['{"failStatuses": []}', "failStatuses must name at least one status"],
    ['{"failNextStatus": 502}', "failNextStatus must be one of 500, 503, 429"],
    ['{"failNext": 1.5}', "failNext must be a whole number >= 0"],
    ['{"dropNext": -1}', "dropNext must be a whole number >= 0"],
    ['{"dropRate": -0.1}', "dropRate must be a number between 0 and 1"],
    ['{"latencyMs": "fast"}', "latencyMs must be a whole number >= 0"],
    ['{"retryAfterSeconds": -1}', "retryAfterSeconds must be a whole number >= 0"],
    ['{"failrate": 1}', "unknown setting 'failrate'"],
    ["[1]", "fault settings must be an object"],
    ["{oops", "the body is not valid JSON"],
  ])("PUT %s -> 400 naming the problem, settings unchanged", async (body, message) => {
    emulator.setFaults({ failNext: 0 });
    const reply = await admin<{ error: string }>("PUT", "faults", body);
    expect(reply.status).toBe(400);
    expect(reply.json.error).toContain(message);
    expect(emulator.faults).toEqual({ failNext: 0 });
  });
});

test("POST /_emulator/reset wipes all data of every project", async () => {
  const id = await api.createOk({ group_name: "doomed" });
  await api.addMembers(id, [ecs("i-1")]);
  await new CesClient(emulator, "other").createOk({ group_name: "doomed-too" });
  expect(await admin("POST", "reset")).toEqual({ status: 200, json: { status: "ok" } });
  expect((await api.list()).json.count).toBe(0);
  expect((await new CesClient(emulator, "other").list()).json.count).toBe(0);
  expect((await api.create({ group_name: "doomed" })).status).toBe(200);
});

test("unknown admin routes -> 404 with an error message", async () => {
  const reply = await admin<{ error: string }>("GET", "nope");
  expect(reply).toEqual({ status: 404, json: { error: "No admin route GET /_emulator/nope" } });
  expect((await admin("DELETE", "stats")).status).toBe(404);
});

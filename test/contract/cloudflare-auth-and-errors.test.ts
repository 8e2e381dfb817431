/** Cloudflare auth, path ids, unknown routes, the order of checks, faults and unexpected failures. */
import { openSqlite } from "../../emulator/core/sqlite";
import { DEV_TOKEN, type RunningEmulator } from "../../emulator";
import {
  ACCOUNT,
  CloudflareClient,
  accountKey,
  expectCloudflareError,
  expectNoRoute,
  expectOk,
  hexId,
  scope,
} from "./cloudflareClient";
import { startTestEmulator } from "./helpers";

const TOKEN = "cloudflare-secret";
const READ_ONLY = "cloudflare-read-only";
let emulator: RunningEmulator;
let db: string;
let stop: () => Promise<void>;
let api: CloudflareClient;

beforeAll(async () => {
  ({ emulator, db, stop } = await startTestEmulator("cloudflare-auth", {
    tokens: { cloudflare: TOKEN },
    readOnlyTokens: { cloudflare: READ_ONLY },
  }));
  api = new CloudflareClient(emulator);
});
afterAll(() => stop());
beforeEach(() => {
  emulator.setFaults({});
  emulator.dialect("cloudflare").setFaults({});
});

const groups = `/client/v4/accounts/${ACCOUNT}/iam/resource_groups`;
const valid = { name: "g", scope: scope() };

/** Every route, with a body for the writes. */
const ROUTES = [
  ["GET", groups, undefined],
  ["POST", groups, valid],
  ["GET", `${groups}/${hexId(1)}`, undefined],
  ["PUT", `${groups}/${hexId(1)}`, valid],
  ["DELETE", `${groups}/${hexId(1)}`, undefined],
] as const;

describe("auth: Authorization: Bearer <token>", () => {
  test("the dialect's own token is accepted", async () => {
    expect(emulator.tokens).toMatchObject({ cloudflare: TOKEN, ces: DEV_TOKEN });
    expectOk(await api.list());
  });

  test.each([
    ["no Authorization header", { token: null }],
    ["an unknown token", { token: "wrong" }],
    ["the token of another dialect", { token: DEV_TOKEN }],
    ["another scheme", { authorization: `Basic ${TOKEN}` }],
    ["the token without a scheme", { authorization: TOKEN }],
    ["an empty bearer", { authorization: "Bearer " }],
  ])("%s -> 401 10000 on every route", async (_label, options) => {
    for (const [method, path, body] of ROUTES) {
      expectCloudflareError(await api.raw(method, path, { ...options, body }), 401, [
        { code: 10000, message: "Authentication error" },
      ]);
    }
  });

  test("the token in CES's X-Auth-Token header is not read", async () => {
    const response = await fetch(emulator.url + groups, { headers: { "X-Auth-Token": TOKEN } });
    expect(response.status).toBe(401);
  });

  test("the scheme is case-insensitive", async () => {
    expectOk(await api.call("GET", "", { authorization: `bearer ${TOKEN}` }));
  });

  test("a write refused for auth stores nothing", async () => {
    await api.create({ name: "sneaky", scope: scope() }, { token: "wrong" });
    expect(expectOk(await api.list("name=sneaky"))).toEqual([]);
  });
});

describe("read-only token", () => {
  test("may read", async () => {
    expectOk(await api.call("GET", "", { token: READ_ONLY }));
  });

  test("gets 403 10000 on every write, which changes nothing", async () => {
    const group = await api.createOk("ro-target");
    for (const [method, path, body] of [
      ["POST", groups, valid],
      ["PUT", `${groups}/${group.id}`, { name: "renamed" }],
      ["DELETE", `${groups}/${group.id}`, undefined],
    ] as const) {
      expectCloudflareError(await api.raw(method, path, { token: READ_ONLY, body }), 403, [
        { code: 10000, message: /read-only/ },
      ]);
    }
    expect(expectOk(await api.show(group.id)).name).toBe("ro-target");
  });
});

describe("path ids: 32 lowercase hex, else 404 7003 + 7000", () => {
  test.each([
    ["31 characters", "a".repeat(31)],
    ["33 characters", "a".repeat(33)],
    ["uppercase", ACCOUNT.toUpperCase()],
    ["a non-hex letter", `${"a".repeat(31)}g`],
    ["encoded garbage", "%E0%A4%A"],
  ])("an account id of %s, on every route", async (_label, account) => {
    for (const [method, path, body] of ROUTES) {
      expectNoRoute(await api.raw(method, path.replace(ACCOUNT, account), { body }));
    }
  });

  test.each([
    ["31 characters", "b".repeat(31)],
    ["33 characters", "b".repeat(33)],
    ["uppercase", "B".repeat(32)],
    ["a UUID", "6d7f2f5f-5b1d-4a0e-9081-fdc98d432fd1"],
  ])("a group id of %s, on every route", async (_label, id) => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      expectNoRoute(await api.call(method, `/${id}`, { body: method === "PUT" ? valid : undefined }));
    }
  });

  test("the 7003 message names the path", async () => {
    const reply = await api.call("GET", "/nope");
    expect(reply.json.errors[0]?.message).toBe(
      `Could not route to /accounts/${ACCOUNT}/iam/resource_groups/nope, perhaps your object identifier is invalid?`,
    );
  });
});

describe("unknown routes and methods under /client/v4/ answer in the envelope", () => {
  test.each([
    ["GET", "/client/v4/zones"],
    ["GET", `/client/v4/accounts/${ACCOUNT}`],
    ["GET", `/client/v4/accounts/${ACCOUNT}/iam/user_groups`],
    ["GET", `${groups}/${hexId(1)}/members`],
    ["GET", `${groups}/`],
  ])("%s %s -> 404 7003 + 7000", async (method, path) => {
    expectNoRoute(await api.raw(method, path));
  });

  test.each([
    ["PATCH", `${groups}/${hexId(1)}`],
    ["POST", `${groups}/${hexId(1)}`],
    ["PUT", groups],
    ["DELETE", groups],
  ])("%s %s -> 405 7003 + 7000", async (method, path) => {
    expectNoRoute(await api.raw(method, path), 405);
  });

  test("after the token check", async () => {
    expectCloudflareError(await api.raw("GET", "/client/v4/zones", { token: null }), 401, 10000);
  });
});

describe("checks run in order: token, path ids, existence, built-in, body", () => {
  test("token before path ids", async () => {
    expectCloudflareError(
      await api.raw("PUT", groups.replace(ACCOUNT, "bad"), { token: null, raw: "" }),
      401,
      10000,
    );
  });

  test("path ids before existence and body", async () => {
    expectNoRoute(await api.call("PUT", "/not-an-id", { raw: "" }));
  });

  test("existence before body", async () => {
    expectCloudflareError(await api.call("PUT", `/${hexId(7)}`, { raw: "" }), 404, 1003);
    expectCloudflareError(await api.update(hexId(7), { name: " bad " }), 404, 1003);
  });

  test("built-in before body", async () => {
    const builtIn = await api.builtIn();
    expectCloudflareError(await api.call("PUT", `/${builtIn.id}`, { raw: "not json" }), 403, 1005);
    expectCloudflareError(await api.update(builtIn.id, {}), 403, 1005);
  });

  test("body before the name clash", async () => {
    await api.createOk("taken");
    expectCloudflareError(await api.create({ name: "taken", scope: scope([]) }), 400, [
      { code: 1001, pointer: "/scope/objects" },
    ]);
  });
});

describe("injected faults", () => {
  test("429 -> code 971 with Retry-After", async () => {
    emulator.dialect("cloudflare").setFaults({ failNext: 1, failNextStatus: 429, retryAfterSeconds: 3 });
    const reply = await api.list();
    expectCloudflareError(reply, 429, [{ code: 971, message: /throttling/ }]);
    expect(reply.headers.get("retry-after")).toBe("3");
  });

  test("500 -> code 1000 without Retry-After; 503 -> code 1000 with it", async () => {
    emulator.setFaults({ failNext: 1, failNextStatus: 500 });
    const failed = await api.list();
    expectCloudflareError(failed, 500, 1000);
    expect(failed.headers.get("retry-after")).toBeNull();
    emulator.setFaults({ failNext: 1, failNextStatus: 503 });
    const unavailable = await api.list();
    expectCloudflareError(unavailable, 503, 1000);
    expect(unavailable.headers.get("retry-after")).toBe("1");
  });

  test("come before the token check, and a faulted write changes nothing", async () => {
    emulator.dialect("cloudflare").setFaults({ failNext: 2, failNextStatus: 500 });
    expectCloudflareError(await api.list(), 500, 1000);
    expectCloudflareError(await api.create({ name: "lost", scope: scope() }, { token: null }), 500, 1000);
    expect(expectOk(await api.list("name=lost"))).toEqual([]);
  });

  test("a dropped write is committed but its answer is lost", async () => {
    emulator.dialect("cloudflare").setFaults({ dropNext: 1 });
    await expect(api.create({ name: "dropped", scope: scope() })).rejects.toThrow("fetch failed");
    expect(expectOk(await api.list("name=dropped")).map((g) => g.name)).toEqual(["dropped"]);
    expect(emulator.dialect("cloudflare").faults.dropNext).toBe(0);
  });
});

test("success answers are JSON and carry an X-Request-Id", async () => {
  const reply = await api.list();
  expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
  expect(reply.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
});

test("an unexpected exception -> 500 1000, logged", async () => {
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const sqlite = openSqlite(db);
  try {
    sqlite.exec("ALTER TABLE cloudflare_groups RENAME TO cloudflare_groups_gone");
    expectCloudflareError(await api.list(), 500, [{ code: 1000, message: /Internal error/ }]);
    expect(errors).toHaveBeenCalled();
  } finally {
    sqlite.exec("ALTER TABLE cloudflare_groups_gone RENAME TO cloudflare_groups");
    sqlite.close();
    errors.mockRestore();
  }
  expect(expectOk(await api.list())[0]?.name).toBe(accountKey());
});

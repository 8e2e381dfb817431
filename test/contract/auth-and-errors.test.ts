/** Auth, URL parameters, unknown routes, the read-only token and unexpected failures, in the CES error shape. */
import { openSqlite } from "../../emulator/core/sqlite";
import type { RunningEmulator } from "../../emulator";
import {
  CesClient,
  PROJECT,
  type ErrorBody,
  ecs,
  expectCesError,
  request,
  startTestEmulator,
} from "./helpers";

const READ_ONLY = "read-only-token-for-tests";
let emulator: RunningEmulator;
let db: string;
let stop: () => Promise<void>;
let api: CesClient;

beforeAll(async () => {
  ({ emulator, db, stop } = await startTestEmulator("auth", {
    token: "secret-token",
    readOnlyToken: READ_ONLY,
  }));
  api = new CesClient(emulator);
});
afterAll(() => stop());

const groups = `/v2/${PROJECT}/resource-groups`;

describe("token", () => {
  test("the configured token is used instead of the dev token", async () => {
    expect(emulator.token).toBe("secret-token");
    expect((await api.list()).status).toBe(200);
    expectCesError(
      await request(emulator, "GET", groups, { token: "dev-token-not-secret" }),
      401,
      "ces.0015",
    );
  });

  test("a missing token -> 401 ces.0015 on every route", async () => {
    for (const [method, path] of [
      ["GET", groups],
      ["POST", groups],
      ["GET", `${groups}/rg${"a".repeat(22)}`],
      ["POST", `${groups}/batch-delete`],
    ] as const) {
      const body = method === "POST" ? {} : undefined;
      expectCesError(
        await request(emulator, method, path, { token: null, body }),
        401,
        "ces.0015",
        /No token/,
      );
    }
  });

  test("an unknown or empty token -> 401 ces.0015", async () => {
    expectCesError(await request(emulator, "GET", groups, { token: "wrong" }), 401, "ces.0015", /not valid/);
    expectCesError(await request(emulator, "GET", groups, { token: "" }), 401, "ces.0015");
  });

  test("a write refused for auth stores nothing", async () => {
    await request(emulator, "POST", groups, { token: "wrong", body: { group_name: "sneaky" } });
    expect((await api.list("group_name=sneaky")).json.count).toBe(0);
  });
});

describe("read-only token", () => {
  test("may read", async () => {
    expect((await request(emulator, "GET", groups, { token: READ_ONLY })).status).toBe(200);
  });

  test("gets 403 ces.0017 on every write, which changes nothing", async () => {
    const id = await api.createOk({ group_name: "ro-target" });
    const writes = [
      ["POST", groups, { group_name: "ro" }],
      ["PUT", `${groups}/${id}`, { group_name: "renamed" }],
      ["POST", `${groups}/batch-delete`, { group_ids: [id] }],
      ["POST", `${groups}/${id}/resources/batch-create`, { resources: [ecs("i-1")] }],
      ["POST", `${groups}/${id}/resources/batch-delete`, { resources: [ecs("i-1")] }],
    ] as const;
    for (const [method, path, body] of writes) {
      expectCesError(
        await request(emulator, method, path, { token: READ_ONLY, body }),
        403,
        "ces.0017",
        /read-only/,
      );
    }
    expect((await api.show(id)).json.group_name).toBe("ro-target");
    expect((await api.list("group_name=ro")).json.count).toBe(1);
  });
});

describe("error body", () => {
  test("carries a fresh request id, also sent as X-Request-Id", async () => {
    const a = await request(emulator, "GET", groups, { token: null });
    const b = await request(emulator, "GET", groups, { token: null });
    expectCesError(a, 401, "ces.0015");
    expectCesError(b, 401, "ces.0015");
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
    expect(a.headers.get("content-type")).toMatch(/^application\/json/);
  });

  test("successful answers carry an X-Request-Id too", async () => {
    expect((await api.list()).headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  });

  test("error_msg is at most 256 characters", async () => {
    const reply = await api.create({ group_name: "a b".repeat(100), extra_1: 1, extra_2: 2, extra_3: 3 });
    expectCesError(reply, 400, "ces.0014");
    expect([...(reply.json as unknown as ErrorBody).error_msg].length).toBeLessThanOrEqual(256);
  });
});

describe("project_id", () => {
  test.each([
    ["64 characters", "p".repeat(64), 200],
    ["letters, digits and '-'", "Ab-09", 200],
    ["65 characters", "p".repeat(65), 400],
    ["an underscore", "a_b", 400],
    ["a dot", "a.b", 400],
    ["encoded non-ASCII", "%C3%A9", 400],
    ["broken percent-encoding", "%E0%A4%A", 400],
  ])("%s -> %d", async (_label, project, status) => {
    const reply = await request(emulator, "GET", `/v2/${project}/resource-groups`);
    if (status === 200) expect(reply.status).toBe(200);
    else expectCesError(reply, 400, "ces.0013", /^project_id must be 1-64 letters, digits or '-'/);
  });

  test("is checked on writes too", async () => {
    expectCesError(
      await request(emulator, "POST", "/v2/bad_project/resource-groups", { body: { group_name: "g" } }),
      400,
      "ces.0013",
    );
  });

  test("scopes data: each project sees only its own groups", async () => {
    const mine = new CesClient(emulator, "project-one");
    const theirs = new CesClient(emulator, "project-two");
    const id = await mine.createOk({ group_name: "scoped" });
    expect((await mine.list()).json.resource_groups.map((g) => g.group_id)).toEqual([id]);
    expect((await theirs.list()).json.count).toBe(0);
    expectCesError(await theirs.update(id, { group_name: "x" }), 404, "ces.0016");
    expectCesError(await theirs.addMembers(id, [ecs("i-1")]), 404, "ces.0016");
  });
});

describe("unknown routes -> 404 ces.0016, unknown methods -> 405", () => {
  test.each([
    // "/" itself is the emulator's overview page; every other path no dialect claims falls to CES.
    ["GET", "/index.html"],
    ["POST", "/"],
    ["GET", "/v1/p/resource-groups"],
    ["GET", "/v2/p/alarms"],
    ["GET", "/v2/p/resource-groups/batch-delete/x"],
    ["GET", "/v2/p/resource-groups/"],
  ])("%s %s", async (method, path) => {
    expectCesError(await request(emulator, method, path), 404, "ces.0016", /No API route/);
  });

  test.each([
    ["DELETE", `/v2/p/resource-groups/rg${"a".repeat(22)}`, "GET, PUT"],
    ["PATCH", `/v2/p/resource-groups/rg${"a".repeat(22)}`, "GET, PUT"],
    ["PUT", "/v2/p/resource-groups", "GET, POST"],
  ])("%s %s -> 405, Allow: %s", async (method, path, allow) => {
    const reply = await request(emulator, method, path);
    expectCesError(reply, 405, "ces.0016", /is not allowed/);
    expect(reply.headers.get("allow")).toBe(allow);
  });
});

test("an unexpected exception -> 500 ces.0007, logged", async () => {
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const id = await api.createOk({ group_name: "broken" });
  const sqlite = openSqlite(db);
  try {
    sqlite.exec("ALTER TABLE ces_members RENAME TO ces_members_gone");
    expectCesError(await api.addMembers(id, [ecs("i-1")]), 500, "ces.0007", /Internal error/);
    expect(errors).toHaveBeenCalled();
  } finally {
    sqlite.exec("ALTER TABLE ces_members_gone RENAME TO ces_members");
    sqlite.close();
    errors.mockRestore();
  }
  expect((await api.addMembers(id, [ecs("i-1")])).json.succeed_count).toBe(1);
});

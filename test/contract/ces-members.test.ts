/** CES v2 members of Manual groups: batch-create, batch-delete and the per-service member list. */
import type { Member } from "pulumi-resource-groups-contracts/ces";
import { openSqlite } from "../../emulator/core/sqlite";
import type { RunningEmulator } from "../../emulator";
import { CesClient, EP_ID, ecs, expectCesError, resetData, startTestEmulator } from "./helpers";

let emulator: RunningEmulator;
let db: string;
let stop: () => Promise<void>;
let api: CesClient;

beforeAll(async () => {
  ({ emulator, db, stop } = await startTestEmulator("members"));
  api = new CesClient(emulator);
});
afterAll(() => stop());
beforeEach(() => resetData(emulator));

const manual = (name = "m"): Promise<string> =>
  api.createOk({ group_name: name, enterprise_project_id: EP_ID });
const dims = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `d${i}`, value: `v${i}` }));

describe("batch-create", () => {
  test("adds members and counts them", async () => {
    const id = await manual();
    const reply = await api.addMembers(id, [
      ecs("i-1"),
      ecs("i-2"),
      { namespace: "SYS.RDS", dimensions: [{ name: "rds_id", value: "r1" }] },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ succeed_count: 3 });
    expect((await api.listMembers(id, "SYS.ECS")).json.count).toBe(2);
    expect((await api.listMembers(id, "SYS.RDS")).json.count).toBe(1);
  });

  test("adding a member already there is a no-op that is not counted, whatever the dimension order", async () => {
    const id = await manual();
    const two = ecs("i-1", [{ name: "disk", value: "vda" }]);
    expect((await api.addMembers(id, [two])).json.succeed_count).toBe(1);
    const reversed: Member = { namespace: "SYS.ECS", dimensions: [...two.dimensions].reverse() };
    expect((await api.addMembers(id, [reversed, two, ecs("i-1")])).json.succeed_count).toBe(1);
    const listed = await api.listMembers(id, "SYS.ECS");
    expect(listed.json.count).toBe(2);
    // The first spelling is kept.
    expect(listed.json.resources[0]?.dimensions).toEqual(two.dimensions);
  });

  test("duplicates inside one batch count once; the same dimensions in another namespace are another member", async () => {
    const id = await manual();
    const other: Member = { namespace: "SYS.EVS", dimensions: ecs("i-1").dimensions };
    expect((await api.addMembers(id, [ecs("i-1"), ecs("i-1"), other])).json.succeed_count).toBe(2);
  });

  test("a repeated dimension inside one member collapses: the dimensions are a set", async () => {
    const id = await manual();
    const repeated: Member = {
      namespace: "SYS.ECS",
      dimensions: [...ecs("i-1").dimensions, ...ecs("i-1").dimensions],
    };
    expect((await api.addMembers(id, [repeated])).json.succeed_count).toBe(1);
    expect((await api.addMembers(id, [ecs("i-1")])).json.succeed_count).toBe(0);
    expect((await api.listMembers(id, "SYS.ECS")).json.resources[0]?.dimensions).toEqual(
      ecs("i-1").dimensions,
    );
  });

  test("takes 1 to 1000 resources", async () => {
    const id = await manual();
    const many = Array.from({ length: 1000 }, (_, i) => ecs(`i-${i}`));
    expect((await api.addMembers(id, many)).json.succeed_count).toBe(1000);
    expectCesError(
      await api.addMembers(id, [...many, ecs("one-more")]),
      400,
      "ces.0014",
      "resources must have at most 1000 items (got 1001)",
    );
    expectCesError(await api.addMembers(id, []), 400, "ces.0014", /resources must have at least 1 item/);
    expect((await api.listMembers(id, "SYS.ECS")).json.count).toBe(1000);
  });

  test("takes 1 to 4 dimensions per member", async () => {
    const id = await manual();
    expect(
      (await api.addMembers(id, [{ namespace: "SYS.ECS", dimensions: dims(4) }])).json.succeed_count,
    ).toBe(1);
    expectCesError(
      await api.addMembers(id, [{ namespace: "SYS.ECS", dimensions: dims(5) }]),
      400,
      "ces.0014",
      "resources[0].dimensions: dimensions must have at most 4 items",
    );
    expectCesError(
      await api.addMembers(id, [{ namespace: "SYS.ECS", dimensions: [] }]),
      400,
      "ces.0014",
      /at least 1/,
    );
    expectCesError(
      await api.addMembers(id, [{ namespace: "SYS.ECS" }]),
      400,
      "ces.0014",
      "resources[0].dimensions is required",
    );
  });

  test.each([
    ["SYS.ECS", true],
    ["A.B", true],
    ["a_1.b_2", true],
    [`${"A".repeat(15)}.${"B".repeat(16)}`, true],
    [`${"A".repeat(16)}.${"B".repeat(16)}`, false],
    ["SYS", false],
    ["SYS.", false],
    [".ECS", false],
    ["1SYS.ECS", false],
    ["SYS.1ECS", false],
    ["SYS.ECS.X", false],
    ["SYS-X.ECS", false],
    ["", false],
  ])("namespace %p valid: %p", async (namespace, valid) => {
    const id = await manual();
    const reply = await api.addMembers(id, [{ namespace, dimensions: dims(1) }]);
    if (valid) expect(reply.json.succeed_count).toBe(1);
    else expectCesError(reply, 400, "ces.0014", /resources\[0\]\.namespace/);
  });

  test.each([
    ["name of 32 characters", { name: "n".repeat(32), value: "v" }, true],
    ["name with '_' and '-'", { name: "a_b-c9", value: "v" }, true],
    ["name of 33 characters", { name: "n".repeat(33), value: "v" }, false],
    ["name starting with a digit", { name: "1a", value: "v" }, false],
    ["name starting with '_'", { name: "_a", value: "v" }, false],
    ["empty name", { name: "", value: "v" }, false],
    ["name with a dot", { name: "a.b", value: "v" }, false],
    ["value of 256 characters", { name: "n", value: "v".repeat(256) }, true],
    ["value '*'", { name: "n", value: "*" }, true],
    ["value of 257 characters", { name: "n", value: "v".repeat(257) }, false],
    ["empty value", { name: "n", value: "" }, false],
    ["numeric value", { name: "n", value: 5 }, false],
    ["unknown field", { name: "n", value: "v", unit: "x" }, false],
  ])("dimension %s valid: %p", async (_label, dimension, valid) => {
    const id = await manual();
    const reply = await api.addMembers(id, [{ namespace: "SYS.ECS", dimensions: [dimension] }]);
    if (valid) expect(reply.json.succeed_count).toBe(1);
    else expectCesError(reply, 400, "ces.0014", /resources\[0\]\.dimensions\[0\]/);
  });

  test("a refused batch adds nothing, not even its valid members", async () => {
    const id = await manual();
    await api.addMembers(id, [ecs("i-1"), { namespace: "bad", dimensions: dims(1) }]);
    expect((await api.listMembers(id, "SYS.ECS")).json.count).toBe(0);
  });
});

describe("batch-delete", () => {
  test("removes members, counting only those that were there, whatever the dimension order", async () => {
    const id = await manual();
    const two = ecs("i-1", [{ name: "disk", value: "vda" }]);
    await api.addMembers(id, [two, ecs("i-2"), ecs("i-3")]);
    const reversed: Member = { namespace: "SYS.ECS", dimensions: [...two.dimensions].reverse() };
    const reply = await api.removeMembers(id, [reversed, ecs("i-2"), ecs("i-missing"), ecs("i-2")]);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ succeed_count: 2 });
    const left = await api.listMembers(id, "SYS.ECS");
    expect(left.json.resources.map((r) => r.resource_name)).toEqual(["i-3"]);
    expect((await api.removeMembers(id, [ecs("i-2")])).json.succeed_count).toBe(0);
  });

  test("a member is only its full dimension set: a subset does not remove it", async () => {
    const id = await manual();
    await api.addMembers(id, [ecs("i-1", [{ name: "disk", value: "vda" }])]);
    expect((await api.removeMembers(id, [ecs("i-1")])).json.succeed_count).toBe(0);
    expect((await api.listMembers(id, "SYS.ECS")).json.count).toBe(1);
  });

  test("applies the same body rules", async () => {
    const id = await manual();
    expectCesError(await api.removeMembers(id, []), 400, "ces.0014", /at least 1/);
    expectCesError(
      await api.removeMembers(id, [{ namespace: "SYS.ECS", dimensions: dims(5) }]),
      400,
      "ces.0014",
    );
    expectCesError(await api.call("POST", `/${id}/resources/batch-delete`, { raw: "" }), 400, "ces.0001");
    expectCesError(await api.call("POST", `/${id}/resources/batch-delete`, { raw: "[1" }), 400, "ces.0014");
  });
});

describe("member calls on TAG and EPS groups and unknown groups", () => {
  test("batch-create and batch-delete on TAG/EPS groups -> 400 ces.0014", async () => {
    const tag = await api.createOk({ group_name: "t", type: "TAG", tags: [{ key: "k" }] });
    const eps = await api.createOk({ group_name: "e", type: "EPS", association_ep_ids: [EP_ID] });
    expectCesError(await api.addMembers(tag, [ecs("i-1")]), 400, "ces.0014", /only.*Manual.*is TAG/);
    expectCesError(await api.removeMembers(tag, [ecs("i-1")]), 400, "ces.0014", /is TAG/);
    expectCesError(await api.addMembers(eps, [ecs("i-1")]), 400, "ces.0014", /is EPS/);
    expectCesError(await api.removeMembers(eps, [ecs("i-1")]), 400, "ces.0014", /is EPS/);
  });

  test("the member list of a TAG or EPS group has count 0", async () => {
    const tag = await api.createOk({ group_name: "t", type: "TAG", tags: [{ key: "k" }] });
    expect((await api.listMembers(tag, "SYS.ECS")).json).toEqual({ count: 0, resources: [] });
  });

  test("unknown group -> 404 ces.0016 for all three", async () => {
    const unknown = `rg${"U".repeat(22)}`;
    expectCesError(await api.addMembers(unknown, [ecs("i-1")]), 404, "ces.0016", /does not exist/);
    expectCesError(await api.removeMembers(unknown, [ecs("i-1")]), 404, "ces.0016");
    expectCesError(await api.listMembers(unknown, "SYS.ECS"), 404, "ces.0016");
    expectCesError(await api.addMembers("rg-bad", [ecs("i-1")]), 400, "ces.0013");
  });
});

describe("member list", () => {
  let id: string;
  beforeEach(async () => {
    id = await manual();
    await api.addMembers(id, [
      ecs("i-1", [{ name: "disk", value: "vda" }]),
      ecs("i-2"),
      ecs("i-3", [{ name: "disk", value: "vdb" }]),
      { namespace: "SYS.RDS", dimensions: [{ name: "rds_id", value: "r1" }] },
    ]);
  });

  test("answers the members of one namespace in insertion order, in the documented shape", async () => {
    const reply = await api.listMembers(id, "SYS.ECS");
    expect(reply.status).toBe(200);
    expect(reply.json.count).toBe(3);
    expect(reply.json.resources[0]).toEqual({
      resource_name: "i-1",
      dimensions: [
        { name: "instance_id", value: "i-1" },
        { name: "disk", value: "vda" },
      ],
      status: "health",
      event_status: "health",
      tags: "{}",
      enterprise_project_id: EP_ID,
    });
    expect(reply.json.resources.map((r) => r.resource_name)).toEqual(["i-1", "i-2", "i-3"]);
    expect((await api.listMembers(id, "SYS.EVS")).json).toEqual({ count: 0, resources: [] });
  });

  test.each([
    ["dim_name=disk", ["i-1", "i-3"]],
    ["dim_name=disk&dim_value=vdb", ["i-3"]],
    ["dim_name=instance_id&dim_value=i-2", ["i-2"]],
    ["dim_name=instance_id", ["i-1", "i-2", "i-3"]],
    ["dim_name=disk&dim_value=nope", []],
    ["dim_name=rds_id", []],
  ])("filters by %s", async (query, expected) => {
    const reply = await api.listMembers(id, "SYS.ECS", query);
    expect(reply.json.count).toBe(expected.length);
    expect(reply.json.resources.map((r) => r.resource_name)).toEqual(expected);
  });

  test("pages, with count the total matching", async () => {
    const page = await api.listMembers(id, "SYS.ECS", "offset=1&limit=1");
    expect(page.json.count).toBe(3);
    expect(page.json.resources.map((r) => r.resource_name)).toEqual(["i-2"]);
    const filtered = await api.listMembers(id, "SYS.ECS", "dim_name=disk&offset=1");
    expect(filtered.json.count).toBe(2);
    expect(filtered.json.resources.map((r) => r.resource_name)).toEqual(["i-3"]);
  });

  test.each(["offset=-1", "offset=10001", "limit=0", "limit=101", "limit=x"])(
    "refuses %s with ces.0006",
    async (query) => {
      expectCesError(await api.listMembers(id, "SYS.ECS", query), 400, "ces.0006");
    },
  );

  test("refuses a bad service, dim_name, or dim_value without dim_name with ces.0013", async () => {
    expectCesError(await api.listMembers(id, "ECS"), 400, "ces.0013", /^service: namespace must look like/);
    expectCesError(await api.listMembers(id, "SYS.ECS", "dim_name=1x"), 400, "ces.0013", /^dim_name:/);
    expectCesError(
      await api.listMembers(id, "SYS.ECS", "dim_value=vda"),
      400,
      "ces.0013",
      /dim_value can only be used/,
    );
  });
});

test("deleting a group deletes its members", async () => {
  const id = await manual("cascade");
  const keep = await manual("keep");
  await api.addMembers(id, [ecs("i-1"), ecs("i-2")]);
  await api.addMembers(keep, [ecs("i-1")]);
  expect((await api.batchDelete([id])).json.group_ids).toEqual([id]);
  expectCesError(await api.listMembers(id, "SYS.ECS"), 404, "ces.0016");
  const sqlite = openSqlite(db, { readonly: true });
  try {
    const rows = sqlite.prepare("SELECT count(*) AS n FROM ces_members").get() as { n: number };
    expect(rows.n).toBe(1);
  } finally {
    sqlite.close();
  }
  expect((await api.listMembers(keep, "SYS.ECS")).json.count).toBe(1);
});

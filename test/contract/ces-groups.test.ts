/** CES v2 resource groups: create, list, show, update and batch delete, with every body rule at its limits. */
import type { WireTag } from "pulumi-resource-groups-contracts/ces";
import type { RunningEmulator } from "../../emulator";
import { CesClient, EP_ID, expectCesError, resetData, startTestEmulator } from "./helpers";

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let api: CesClient;

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator("groups"));
  api = new CesClient(emulator);
});
afterAll(() => stop());
beforeEach(() => resetData(emulator));

const tags = (n: number): WireTag[] =>
  Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));
const epIds = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${String(i).padStart(8, "0")}-0000-0000-0000-000000000000`);

describe("create", () => {
  test("a Manual group by default, with an rg id, ms create_time and enterprise project '0'", async () => {
    const before = Date.now();
    const reply = await api.create({ group_name: "web" });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json)).toEqual(["group_id"]);
    expect(reply.json.group_id).toMatch(/^rg[A-Za-z0-9]{22}$/);
    const shown = await api.show(reply.json.group_id);
    expect(shown.status).toBe(200);
    expect(shown.json).toEqual({
      group_name: "web",
      group_id: reply.json.group_id,
      create_time: expect.any(Number) as number,
      enterprise_project_id: "0",
      type: "Manual",
      tags: [],
      association_ep_ids: [],
    });
    expect(Number.isInteger(shown.json.create_time)).toBe(true);
    expect(shown.json.create_time).toBeGreaterThanOrEqual(before);
    expect(shown.json.create_time).toBeLessThanOrEqual(Date.now());
  });

  test("a TAG group keeps its tags (a missing value reads back as '') but not unused EPS ids", async () => {
    const id = await api.createOk({
      group_name: "rg_test",
      enterprise_project_id: "0",
      type: "TAG",
      tags: [{ key: "key1", value: "value1" }, { key: "key2" }],
      association_ep_ids: [EP_ID],
    });
    const shown = await api.show(id);
    expect(shown.json.type).toBe("TAG");
    expect(shown.json.tags).toEqual([
      { key: "key1", value: "value1" },
      { key: "key2", value: "" },
    ]);
    expect(shown.json.association_ep_ids).toEqual([]);
  });

  test("an EPS group keeps its association_ep_ids but not unused tags", async () => {
    const id = await api.createOk({
      group_name: "eps",
      type: "EPS",
      association_ep_ids: [EP_ID, "0"],
      tags: [{ key: "k" }],
      enterprise_project_id: EP_ID,
    });
    const shown = await api.show(id);
    expect(shown.json).toMatchObject({ type: "EPS", enterprise_project_id: EP_ID, tags: [] });
    expect(shown.json.association_ep_ids).toEqual([EP_ID, "0"]);
  });

  test("ids are distinct", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add(await api.createOk({ group_name: `g${i}` }));
    expect(ids.size).toBe(20);
  });

  describe("group_name", () => {
    test.each([
      ["128 ASCII characters", "a".repeat(128)],
      ["128 CJK characters", "云".repeat(128)],
      ["1 character", "x"],
      ["letters, digits, '_' and '-'", "Ab_9-z"],
      ["CJK range ends", "\u4E00\u9FFF"],
    ])("accepts %s", async (_label, name) => {
      expect((await api.create({ group_name: name })).status).toBe(200);
    });

    test("129 ASCII characters are refused, with the count in the message", async () => {
      expectCesError(
        await api.create({ group_name: "a".repeat(129) }),
        400,
        "ces.0014",
        /group_name.*at most 128 characters \(got 129\)/,
      );
    });

    test("129 CJK characters are refused, counted as characters", async () => {
      expectCesError(await api.create({ group_name: "云".repeat(129) }), 400, "ces.0014", /got 129/);
    });

    test.each([
      ["empty", "", /must not be empty/],
      ["a space", "a b", /may contain only/],
      ["a dot", "a.b", /may contain only/],
      ["an emoji", "web😀", /may contain only/],
      ["a CJK character outside U+4E00-U+9FFF", "\u{20000}", /may contain only/],
      ["a full-width letter", "ａ", /may contain only/],
    ])("refuses %s", async (_label, name, message) => {
      expectCesError(await api.create({ group_name: name }), 400, "ces.0014", message);
    });

    test("is required and must be a string", async () => {
      expectCesError(await api.create({}), 400, "ces.0014", "group_name is required");
      expectCesError(await api.create({ group_name: 42 }), 400, "ces.0014", /group_name.*must be a string/);
    });

    test("is unique within a project, case-sensitively, but not across projects", async () => {
      await api.createOk({ group_name: "web" });
      expectCesError(
        await api.create({ group_name: "web", type: "TAG", tags: tags(1) }),
        400,
        "ces.0014",
        "A resource group named 'web' already exists in this project",
      );
      expect((await api.create({ group_name: "Web" })).status).toBe(200);
      expect((await new CesClient(emulator, "other-project").create({ group_name: "web" })).status).toBe(200);
      expect((await api.list()).json.count).toBe(2);
    });
  });

  describe("type", () => {
    test.each(["NAME", "COMB", "manual", ""])("refuses %p", async (type) => {
      expectCesError(await api.create({ group_name: "g", type }), 400, "ces.0014", /type must be one of/);
    });

    test("Manual may be given explicitly", async () => {
      const id = await api.createOk({ group_name: "g", type: "Manual" });
      expect((await api.show(id)).json.type).toBe("Manual");
    });
  });

  describe("tags", () => {
    test("are required for TAG groups", async () => {
      expectCesError(await api.create({ group_name: "g", type: "TAG" }), 400, "ces.0014", /tags is required/);
    });

    test("10 are accepted, 11 and 0 refused", async () => {
      expect((await api.create({ group_name: "ten", type: "TAG", tags: tags(10) })).status).toBe(200);
      expectCesError(
        await api.create({ group_name: "eleven", type: "TAG", tags: tags(11) }),
        400,
        "ces.0014",
        "tags must have at most 10 items (got 11)",
      );
      expectCesError(
        await api.create({ group_name: "none", type: "TAG", tags: [] }),
        400,
        "ces.0014",
        /tags must have at least 1 item/,
      );
    });

    test("are validated even when the type does not use them", async () => {
      expectCesError(await api.create({ group_name: "m", tags: tags(11) }), 400, "ces.0014", /at most 10/);
      expectCesError(
        await api.create({ group_name: "m", tags: [{ key: "a b" }] }),
        400,
        "ces.0014",
        /tags\[0\]\.key/,
      );
    });

    test.each([
      ["key of 36 characters", { key: "k".repeat(36) }, 200],
      ["CJK key of 36 characters", { key: "键".repeat(36) }, 200],
      ["key of 37 characters", { key: "k".repeat(37) }, 400],
      ["empty key", { key: "" }, 400],
      ["missing key", { value: "v" }, 400],
      ["key with a dot", { key: "a.b" }, 400],
      ["value of 43 characters", { key: "k", value: "v".repeat(43) }, 200],
      ["empty value", { key: "k", value: "" }, 200],
      ["value of 44 characters", { key: "k", value: "v".repeat(44) }, 400],
      ["value with a slash", { key: "k", value: "a/b" }, 400],
      ["unknown tag field", { key: "k", operator: "equal" }, 400],
    ])("%s -> %d", async (_label, tag, status) => {
      const reply = await api.create({ group_name: "tagged", type: "TAG", tags: [tag] });
      if (status === 200) expect(reply.status).toBe(200);
      else expectCesError(reply, 400, "ces.0014", /tags\[0\]/);
    });

    test("length errors name the limit and the count", async () => {
      const key = await api.create({ group_name: "g", type: "TAG", tags: [{ key: "k".repeat(37) }] });
      expectCesError(key, 400, "ces.0014", "tags[0].key: tag key must have at most 36 characters (got 37)");
      const value = await api.create({
        group_name: "g",
        type: "TAG",
        tags: [{ key: "k", value: "v".repeat(44) }],
      });
      expectCesError(value, 400, "ces.0014", "at most 43 characters (got 44)");
    });
  });

  describe("association_ep_ids", () => {
    test("are required for EPS groups", async () => {
      expectCesError(
        await api.create({ group_name: "g", type: "EPS" }),
        400,
        "ces.0014",
        /association_ep_ids is required/,
      );
    });

    test("10 are accepted, 11 and 0 refused", async () => {
      expect(
        (await api.create({ group_name: "ten", type: "EPS", association_ep_ids: epIds(10) })).status,
      ).toBe(200);
      expectCesError(
        await api.create({ group_name: "eleven", type: "EPS", association_ep_ids: epIds(11) }),
        400,
        "ces.0014",
        "association_ep_ids must have at most 10 items (got 11)",
      );
      expectCesError(
        await api.create({ group_name: "none", type: "EPS", association_ep_ids: [] }),
        400,
        "ces.0014",
      );
    });

    test("each must be an enterprise project id", async () => {
      const reply = await api.create({ group_name: "g", type: "EPS", association_ep_ids: ["not-an-id"] });
      expectCesError(reply, 400, "ces.0014", /association_ep_ids\[0\]/);
    });
  });

  describe("enterprise_project_id", () => {
    test.each([
      ["0", 200],
      [EP_ID, 200],
      ["abcdefgh-ijkl-mnop-qrst-uvwxyz012345", 200],
      [EP_ID.toUpperCase(), 400],
      ["1", 400],
      ["d61d470556584 2f58e0c70eb34d17b02", 400],
      ["d61d4705565842f58e0c70eb34d17b02", 400],
      [`${EP_ID}0`, 400],
      ["", 400],
    ])("%p -> %d", async (ep, status) => {
      const reply = await api.create({ group_name: "g", enterprise_project_id: ep });
      if (status === 200) expect(reply.status).toBe(200);
      else expectCesError(reply, 400, "ces.0014", /enterprise_project_id.*lowercase UUID/);
    });
  });

  describe("body", () => {
    test.each([
      ["no bytes", ""],
      ["only whitespace", "  \n\t "],
    ])("%s -> 400 ces.0001", async (_label, raw) => {
      expectCesError(await api.call("POST", "", { raw }), 400, "ces.0001", "The content must be specified.");
    });

    test.each([
      ["invalid JSON", '{"group_name": "web"', /not valid JSON/],
      ["a JSON array", '[{"group_name": "web"}]', /must be a JSON object/],
      ["JSON null", "null", /must be a JSON object/],
      ["a JSON string", '"web"', /must be a JSON object/],
      ["an unknown field", '{"group_name": "web", "description": "x"}', "unknown field 'description'"],
    ])("%s -> 400 ces.0014", async (_label, raw, message) => {
      expectCesError(await api.call("POST", "", { raw }), 400, "ces.0014", message);
    });

    test("a refused create stores nothing", async () => {
      await api.create({ group_name: "a".repeat(129) });
      expect((await api.list()).json.count).toBe(0);
    });
  });
});

describe("list", () => {
  let ids: Record<string, string>;
  beforeEach(async () => {
    ids = {
      webA: await api.createOk({ group_name: "web-a" }),
      webB: await api.createOk({ group_name: "web-b", enterprise_project_id: EP_ID }),
      db: await api.createOk({ group_name: "db", type: "TAG", tags: [{ key: "role", value: "db" }] }),
      eps: await api.createOk({ group_name: "eps-web", type: "EPS", association_ep_ids: [EP_ID] }),
    };
    await new CesClient(emulator, "other").createOk({ group_name: "web-other" });
  });

  test("answers every group of the project in creation order, with summary fields only", async () => {
    const reply = await api.list();
    expect(reply.status).toBe(200);
    expect(reply.json.count).toBe(4);
    expect(reply.json.resource_groups.map((g) => g.group_id)).toEqual([ids.webA, ids.webB, ids.db, ids.eps]);
    expect(Object.keys(reply.json.resource_groups[2] ?? {})).toEqual([
      "group_name",
      "group_id",
      "create_time",
      "enterprise_project_id",
      "type",
    ]);
    expect(reply.json.resource_groups[2]).toMatchObject({
      group_name: "db",
      type: "TAG",
      enterprise_project_id: "0",
    });
  });

  test.each([
    ["group_name=web", ["webA", "webB", "eps"]],
    ["group_name=-b", ["webB"]],
    ["group_name=WEB", []],
    ["type=TAG", ["db"]],
    ["type=Manual", ["webA", "webB"]],
    ["type=EPS", ["eps"]],
    [`enterprise_project_id=${EP_ID}`, ["webB"]],
    ["enterprise_project_id=0", ["webA", "db", "eps"]],
    ["enterprise_project_id=all_granted_eps", ["webA", "webB", "db", "eps"]],
    ["group_name=web&type=Manual", ["webA", "webB"]],
    ["group_name=", ["webA", "webB", "db", "eps"]],
  ])("filters by %s", async (query, expected) => {
    const reply = await api.list(query);
    expect(reply.json.count).toBe(expected.length);
    expect(reply.json.resource_groups.map((g) => g.group_id)).toEqual(expected.map((k) => ids[k]));
  });

  test("filters by exact group_id", async () => {
    const reply = await api.list(`group_id=${ids.db}`);
    expect(reply.json).toMatchObject({ count: 1, resource_groups: [{ group_id: ids.db }] });
    expect((await api.list(`group_id=rg${"0".repeat(22)}`)).json).toEqual({ count: 0, resource_groups: [] });
  });

  test("count is the total matching the filters, not the page size", async () => {
    const page = await api.list("offset=1&limit=2");
    expect(page.json.count).toBe(4);
    expect(page.json.resource_groups.map((g) => g.group_id)).toEqual([ids.webB, ids.db]);
    const filtered = await api.list("group_name=web&offset=2&limit=1");
    expect(filtered.json.count).toBe(3);
    expect(filtered.json.resource_groups.map((g) => g.group_id)).toEqual([ids.eps]);
    expect((await api.list("offset=4")).json).toEqual({ count: 4, resource_groups: [] });
  });

  test("accepts the paging limits", async () => {
    for (const query of ["offset=0", "offset=10000", "limit=1", "limit=100", "offset=0&limit=100"]) {
      expect((await api.list(query)).status).toBe(200);
    }
    expect((await api.list("limit=1")).json.resource_groups).toHaveLength(1);
  });

  test("defaults to 100 per page", async () => {
    await resetData(emulator);
    for (let i = 0; i < 101; i++) await api.createOk({ group_name: `g${i}` });
    const first = await api.list();
    expect(first.json.count).toBe(101);
    expect(first.json.resource_groups).toHaveLength(100);
    const second = await api.list("offset=100");
    expect(second.json.resource_groups.map((g) => g.group_name)).toEqual(["g100"]);
  });

  test.each([
    "offset=-1",
    "offset=10001",
    "offset=1.5",
    "offset=abc",
    "offset=",
    "limit=0",
    "limit=101",
    "limit=2.0",
    "limit=-5",
    "limit=1e2",
    "limit=",
  ])("refuses %s with ces.0006", async (query) => {
    const name = query.split("=")[0] ?? "";
    expectCesError(await api.list(query), 400, "ces.0006", new RegExp(`^${name} must be an integer from`));
  });

  test.each([
    ["type=NAME", /type must be one of Manual, TAG, EPS/],
    ["type=manual", /type must be one of/],
    ["group_id=rg123", /group_id must be 'rg' followed by 22/],
    ["enterprise_project_id=ABC", /enterprise_project_id must be/],
  ])("refuses %s with ces.0013", async (query, message) => {
    expectCesError(await api.list(query), 400, "ces.0013", message);
  });
});

describe("show", () => {
  test("unknown group -> 404 ces.0016", async () => {
    const id = `rg${"A".repeat(22)}`;
    expectCesError(await api.show(id), 404, "ces.0016", `Resource group ${id} does not exist`);
  });

  test("a group of another project is not visible", async () => {
    const id = await new CesClient(emulator, "other").createOk({ group_name: "g" });
    expectCesError(await api.show(id), 404, "ces.0016");
  });

  test.each(["rg123", `rg${"a".repeat(23)}`, `xx${"a".repeat(22)}`, `rg${"a".repeat(21)}-`])(
    "a malformed group id %p -> 400 ces.0013",
    async (id) => {
      expectCesError(
        await api.show(id),
        400,
        "ces.0013",
        /group_id must be 'rg' followed by 22 letters or digits/,
      );
    },
  );
});

describe("update", () => {
  test("renames and answers 204 with no body", async () => {
    const id = await api.createOk({ group_name: "old" });
    const reply = await api.update(id, { group_name: "new" });
    expect(reply.status).toBe(204);
    expect(reply.text).toBe("");
    expect((await api.show(id)).json.group_name).toBe("new");
    expect((await api.list("group_name=old")).json.count).toBe(0);
  });

  test("replaces the tags of a TAG group, and keeps them when tags are omitted", async () => {
    const id = await api.createOk({ group_name: "t", type: "TAG", tags: [{ key: "a", value: "1" }] });
    expect(
      (await api.update(id, { group_name: "t", tags: [{ key: "b" }, { key: "c", value: "3" }] })).status,
    ).toBe(204);
    expect((await api.show(id)).json.tags).toEqual([
      { key: "b", value: "" },
      { key: "c", value: "3" },
    ]);
    expect((await api.update(id, { group_name: "t2" })).status).toBe(204);
    expect((await api.show(id)).json).toMatchObject({ group_name: "t2", tags: [{ key: "b" }, { key: "c" }] });
  });

  test("keeps type, enterprise project and creation time", async () => {
    const id = await api.createOk({
      group_name: "e",
      type: "EPS",
      association_ep_ids: [EP_ID],
      enterprise_project_id: EP_ID,
    });
    const before = (await api.show(id)).json;
    await api.update(id, { group_name: "e2" });
    expect((await api.show(id)).json).toEqual({ ...before, group_name: "e2" });
  });

  test("tags on a non-TAG group -> 400 ces.0014", async () => {
    const manual = await api.createOk({ group_name: "m" });
    const eps = await api.createOk({ group_name: "e", type: "EPS", association_ep_ids: [EP_ID] });
    expectCesError(
      await api.update(manual, { group_name: "m", tags: tags(1) }),
      400,
      "ces.0014",
      /only.*TAG.*is Manual/,
    );
    expectCesError(await api.update(eps, { group_name: "e", tags: tags(1) }), 400, "ces.0014", /is EPS/);
  });

  test.each([
    ["type", { type: "TAG" }],
    ["association_ep_ids", { association_ep_ids: [EP_ID] }],
    ["enterprise_project_id", { enterprise_project_id: "0" }],
  ])("%s cannot be changed -> 400 ces.0014", async (field, extra) => {
    const id = await api.createOk({ group_name: "g" });
    expectCesError(
      await api.update(id, { group_name: "g", ...extra }),
      400,
      "ces.0014",
      `${field} cannot be changed`,
    );
  });

  test("applies the create rules to group_name and tags", async () => {
    const id = await api.createOk({ group_name: "g", type: "TAG", tags: tags(1) });
    expectCesError(await api.update(id, {}), 400, "ces.0014", "group_name is required");
    expectCesError(await api.update(id, { group_name: "a".repeat(129) }), 400, "ces.0014", /got 129/);
    expect((await api.update(id, { group_name: "a".repeat(128) })).status).toBe(204);
    expectCesError(await api.update(id, { group_name: "g", tags: tags(11) }), 400, "ces.0014", /at most 10/);
    expectCesError(await api.update(id, { group_name: "g", tags: [] }), 400, "ces.0014", /at least 1/);
    expect((await api.update(id, { group_name: "g", tags: tags(10) })).status).toBe(204);
    expectCesError(
      await api.update(id, { group_name: "g", tags: [{ key: "k".repeat(37) }] }),
      400,
      "ces.0014",
    );
    expectCesError(
      await api.update(id, { group_name: "g", extra: 1 }),
      400,
      "ces.0014",
      "unknown field 'extra'",
    );
    expectCesError(await api.call("PUT", `/${id}`, { raw: "" }), 400, "ces.0001");
    expectCesError(await api.call("PUT", `/${id}`, { raw: "{" }), 400, "ces.0014", /not valid JSON/);
  });

  test("renaming onto another group's name -> 400; keeping the own name is fine", async () => {
    await api.createOk({ group_name: "taken" });
    const id = await api.createOk({ group_name: "mine" });
    expectCesError(
      await api.update(id, { group_name: "taken" }),
      400,
      "ces.0014",
      /named 'taken' already exists/,
    );
    expect((await api.update(id, { group_name: "mine" })).status).toBe(204);
    expect((await api.show(id)).json.group_name).toBe("mine");
  });

  test("unknown group -> 404 ces.0016; malformed id -> 400 ces.0013", async () => {
    expectCesError(
      await api.update(`rg${"z".repeat(22)}`, { group_name: "g" }),
      404,
      "ces.0016",
      /does not exist/,
    );
    expectCesError(await api.update("nope", { group_name: "g" }), 400, "ces.0013");
  });
});

describe("batch delete", () => {
  test("deletes the given groups and answers the ids actually deleted, skipping unknown ones", async () => {
    const a = await api.createOk({ group_name: "a" });
    const b = await api.createOk({ group_name: "b" });
    const c = await api.createOk({ group_name: "c" });
    const unknown = `rg${"Q".repeat(22)}`;
    const reply = await api.batchDelete([a, unknown, c, a]);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ group_ids: [a, c] });
    expectCesError(await api.show(a), 404, "ces.0016");
    expect((await api.list()).json.resource_groups.map((g) => g.group_id)).toEqual([b]);
    expect((await api.batchDelete([unknown, "not-even-an-id"])).json).toEqual({ group_ids: [] });
  });

  test("does not delete another project's groups", async () => {
    const other = new CesClient(emulator, "other");
    const id = await other.createOk({ group_name: "g" });
    expect((await api.batchDelete([id])).json.group_ids).toEqual([]);
    expect((await other.show(id)).status).toBe(200);
  });

  test("frees the name for a new group", async () => {
    const id = await api.createOk({ group_name: "reuse" });
    await api.batchDelete([id]);
    expect((await api.create({ group_name: "reuse" })).status).toBe(200);
  });

  test("takes 1 to 100 ids", async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `rg${String(i).padStart(22, "0")}`);
    expect((await api.batchDelete(ids)).status).toBe(200);
    expectCesError(
      await api.batchDelete([...ids, `rg${"1".repeat(22)}`]),
      400,
      "ces.0014",
      "group_ids must have at most 100 items (got 101)",
    );
    expectCesError(await api.batchDelete([]), 400, "ces.0014", /group_ids must have at least 1 item/);
  });

  test("refuses bad bodies", async () => {
    expectCesError(await api.batchDelete([42]), 400, "ces.0014", /group_ids\[0\]/);
    expectCesError(await api.batchDelete("rg1"), 400, "ces.0014", /group_ids must be a list/);
    expectCesError(
      await api.call("POST", "/batch-delete", { body: {} }),
      400,
      "ces.0014",
      "group_ids is required",
    );
    expectCesError(await api.call("POST", "/batch-delete", { raw: " " }), 400, "ces.0001");
    expectCesError(await api.call("POST", "/batch-delete", { raw: "{]" }), 400, "ces.0014", /not valid JSON/);
  });
});

/** Section 00, Strongly: group routes, bodies, rules, paging, sort and search, over HTTP. */
import { setTimeout as sleep } from "node:timers/promises";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { removeDb, tempDbPath } from "./helpers";
import type { WireGroup } from "pulumi-resource-groups-contracts/strongly";
import { StronglyClient, expectStronglyError, resetStrongly } from "../support/strongly";

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const GROUP_ID = /^rg_[a-z0-9]{16}$/;

let emulator: RunningEmulator;
let api: StronglyClient;
const db = tempDbPath("strongly-groups");

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, db });
  api = new StronglyClient(emulator);
});
afterAll(async () => {
  await emulator.close();
  removeDb(db);
});
beforeEach(() => resetStrongly(emulator));

describe("POST /resource-groups", () => {
  it("answers 201 with only the new id, in the rg_ format", async () => {
    const reply = await api.create({ name: "Production Workloads", description: "All production-tier" });
    expect(reply.status).toBe(201);
    expect(Object.keys(reply.json)).toEqual(["resourceGroupId"]);
    expect(reply.json.resourceGroupId).toMatch(GROUP_ID);
  });

  it("stores the name trimmed and an unset description as an empty string", async () => {
    const id = await api.createOk("  Trimmed  ");
    const group = (await api.show(id)).json;
    expect(group.name).toBe("Trimmed");
    expect(group.description).toBe("");
  });

  it("accepts 100 characters after trimming and refuses 101, naming the field", async () => {
    expect((await api.create({ name: ` ${"a".repeat(100)} ` })).status).toBe(201);
    expectStronglyError(
      await api.create({ name: "b".repeat(101) }),
      400,
      "validation-error",
      /^name must have at most 100 characters after trimming \(got 101\)$/,
    );
  });

  it("refuses a missing, empty or non-string name", async () => {
    expectStronglyError(
      await api.create({ description: "x" }),
      400,
      "validation-error",
      /^name is required$/,
    );
    expectStronglyError(await api.create({ name: "   " }), 400, "validation-error", /name must not be empty/);
    expectStronglyError(await api.create({ name: 7 }), 400, "validation-error", /name must be a string/);
  });

  it("accepts a 500-character description and refuses 501", async () => {
    expect((await api.create({ name: "d500", description: "d".repeat(500) })).status).toBe(201);
    expectStronglyError(
      await api.create({ name: "d501", description: "d".repeat(501) }),
      400,
      "validation-error",
      /description must have at most 500 characters \(got 501\)/,
    );
  });

  it("refuses unknown fields and bodies that are not a JSON object", async () => {
    expectStronglyError(
      await api.create({ name: "x", owner: "me" }),
      400,
      "validation-error",
      /unknown field 'owner'/,
    );
    expectStronglyError(await api.call("POST", "", { raw: "" }), 400, "validation-error", /JSON object/);
    expectStronglyError(
      await api.call("POST", "", { raw: "{oops" }),
      400,
      "validation-error",
      /not valid JSON/,
    );
    expectStronglyError(await api.call("POST", "", { raw: "[]" }), 400, "validation-error", /JSON object/);
  });

  it("refuses a name already used, ignoring case and surrounding spaces, with 409 duplicate-name", async () => {
    await api.createOk("Production");
    expectStronglyError(await api.create({ name: " PRODUCTION " }), 409, "duplicate-name", /PRODUCTION/);
    expect((await api.list()).json.count).toBe(1);
  });
});

describe("GET /resource-groups/:id", () => {
  it("answers the full group object of the seed", async () => {
    const id = await api.createOk("Full", "described");
    const reply = await api.show(id);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json).sort()).toEqual(
      [
        "_id",
        "createdAt",
        "description",
        "name",
        "organizationId",
        "ownerId",
        "resources",
        "status",
        "updatedAt",
      ].sort(),
    );
    expect(reply.json).toMatchObject({
      _id: id,
      name: "Full",
      description: "described",
      status: "active",
      ownerId: "user_emulator",
      organizationId: "org_emulator",
      resources: [],
    });
    expect(reply.json.createdAt).toMatch(ISO_UTC);
    expect(reply.json.updatedAt).toBe(reply.json.createdAt);
  });

  it("answers 404 not-found for an unknown or malformed id", async () => {
    expectStronglyError(await api.show("rg_0000000000000000"), 404, "not-found", /rg_0000000000000000/);
    expectStronglyError(await api.show("not-an-id"), 404, "not-found");
  });
});

describe("PUT /resource-groups/:id", () => {
  it("changes only the fields sent and answers 200 with the full group", async () => {
    const id = await api.createOk("Before", "old");
    await sleep(5);
    const renamed = await api.update(id, { name: " After " });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ _id: id, name: "After", description: "old", resources: [] });
    expect(renamed.json.updatedAt > renamed.json.createdAt).toBe(true);
    const described = await api.update(id, { description: "" });
    expect(described.json).toMatchObject({ name: "After", description: "" });
    expect((await api.show(id)).json).toEqual(described.json);
  });

  it("needs at least one of name and description", async () => {
    const id = await api.createOk("Empty update");
    expectStronglyError(
      await api.update(id, {}),
      400,
      "validation-error",
      /at least one of name and description/,
    );
  });

  it("applies the create rules to the fields it takes", async () => {
    const id = await api.createOk("Rules");
    expectStronglyError(
      await api.update(id, { name: "n".repeat(101) }),
      400,
      "validation-error",
      /^name must have/,
    );
    expectStronglyError(
      await api.update(id, { description: "d".repeat(501) }),
      400,
      "validation-error",
      /description/,
    );
    expectStronglyError(
      await api.update(id, { status: "paused" }),
      400,
      "validation-error",
      /unknown field 'status'/,
    );
  });

  it("refuses another group's name, ignoring case, but lets a group change its own name's case", async () => {
    const first = await api.createOk("Alpha");
    const second = await api.createOk("Beta");
    expectStronglyError(await api.update(second, { name: "alpha" }), 409, "duplicate-name");
    expect((await api.update(first, { name: "ALPHA" })).json.name).toBe("ALPHA");
  });

  it("answers 404 not-found for an unknown group", async () => {
    expectStronglyError(await api.update("rg_0000000000000000", { name: "x" }), 404, "not-found");
  });
});

describe("DELETE /resource-groups/:id", () => {
  it("answers 204 with no body, then the group is gone and its name free", async () => {
    const id = await api.createOk("Doomed");
    await api.addMember(id, { type: "app", resourceId: "a1", name: "app one" });
    const reply = await api.remove(id);
    expect(reply.status).toBe(204);
    expect(reply.text).toBe("");
    expectStronglyError(await api.show(id), 404, "not-found");
    expectStronglyError(await api.remove(id), 404, "not-found");
    expect((await api.create({ name: "doomed" })).status).toBe(201);
  });
});

describe("GET /resource-groups", () => {
  async function createMany(names: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const name of names) ids.push(await api.createOk(name, `about ${name}`));
    return ids;
  }

  it("answers {count, limit, offset, items} with summaries, 20 by default", async () => {
    const ids = await createMany(Array.from({ length: 25 }, (_, i) => `group-${String(i).padStart(2, "0")}`));
    const reply = await api.list();
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json).sort()).toEqual(["count", "items", "limit", "offset"]);
    expect(reply.json).toMatchObject({ count: 25, limit: 20, offset: 0 });
    expect(reply.json.items.map((g) => g._id)).toEqual(ids.slice(0, 20));
    const first = reply.json.items[0] as Partial<WireGroup>;
    expect(first).toMatchObject({ name: "group-00", description: "about group-00", status: "active" });
    expect(first.resources).toBeUndefined();
  });

  it("pages with limit and offset; count is the total that matches", async () => {
    const ids = await createMany(["a", "b", "c", "d", "e"]);
    const page = await api.list("limit=2&offset=3");
    expect(page.json).toMatchObject({ count: 5, limit: 2, offset: 3 });
    expect(page.json.items.map((g) => g._id)).toEqual(ids.slice(3));
    const past = await api.list("offset=9");
    expect(past.json).toMatchObject({ count: 5, offset: 9, items: [] });
  });

  it("takes limit 1-100 and offset >= 0, refusing others with validation-error", async () => {
    expect((await api.list("limit=1")).json.limit).toBe(1);
    expect((await api.list("limit=100")).json.limit).toBe(100);
    expect((await api.list("offset=0")).status).toBe(200);
    expectStronglyError(
      await api.list("limit=0"),
      400,
      "validation-error",
      /limit must be an integer from 1 to 100/,
    );
    expectStronglyError(await api.list("limit=101"), 400, "validation-error", /limit/);
    expectStronglyError(await api.list("limit=ten"), 400, "validation-error", /limit/);
    expectStronglyError(
      await api.list("offset=-1"),
      400,
      "validation-error",
      /offset must be an integer at least 0/,
    );
  });

  it("sorts by name, createdAt or updatedAt, descending with a leading '-'", async () => {
    const ids: string[] = [];
    for (const name of ["charlie", "Alpha", "bravo"]) {
      ids.push(await api.createOk(name));
      await sleep(3);
    }
    const [charlie, alpha, bravo] = ids;
    const order = async (query: string) => (await api.list(query)).json.items.map((g) => g._id);
    expect(await order("")).toEqual([charlie, alpha, bravo]);
    expect(await order("sort=createdAt")).toEqual([charlie, alpha, bravo]);
    expect(await order("sort=-createdAt")).toEqual([bravo, alpha, charlie]);
    expect(await order("sort=name")).toEqual([alpha, bravo, charlie]);
    expect(await order("sort=-name")).toEqual([charlie, bravo, alpha]);
    await api.update(charlie!, { description: "touched" });
    expect(await order("sort=-updatedAt")).toEqual([charlie, bravo, alpha]);
    expect(await order("sort=updatedAt")).toEqual([alpha, bravo, charlie]);
  });

  it("keeps creation order among ties, in both directions", async () => {
    const ids = await createMany(Array.from({ length: 30 }, (_, i) => `tie-${i}`));
    for (const sort of ["createdAt", "-createdAt"]) {
      const items = (await api.list(`limit=100&sort=${sort}`)).json.items;
      for (let i = 1; i < items.length; i++) {
        const [prev, next] = [items[i - 1]!, items[i]!];
        if (prev.createdAt === next.createdAt)
          expect(ids.indexOf(prev._id)).toBeLessThan(ids.indexOf(next._id));
        else expect(prev.createdAt < next.createdAt).toBe(sort === "createdAt");
      }
    }
  });

  it("refuses an unknown sort with validation-error", async () => {
    for (const sort of ["status", "name:asc", "+name", "NAME"]) {
      expectStronglyError(
        await api.list(`sort=${encodeURIComponent(sort)}`),
        400,
        "validation-error",
        /sort must be one of/,
      );
    }
  });

  it("searches name or description as a case-insensitive substring", async () => {
    const [prod, staging] = await createMany(["Production", "Staging"]);
    await api.update(staging!, { description: "mirrors PRODuction data" });
    const ids = async (query: string) => (await api.list(query)).json.items.map((g) => g._id);
    expect(await ids("search=duct")).toEqual([prod, staging]);
    expect(await ids("search=STAG")).toEqual([staging]);
    expect(await ids("search=zzz")).toEqual([]);
    const filtered = await api.list("search=prod&limit=1");
    expect(filtered.json).toMatchObject({ count: 2, limit: 1 });
  });

  it("filters status exactly: active matches every group, anything else none", async () => {
    await createMany(["one", "two"]);
    expect((await api.list("status=active")).json.count).toBe(2);
    expect((await api.list("status=Active")).json).toMatchObject({ count: 0, items: [] });
    expect((await api.list("status=paused")).json).toMatchObject({ count: 0, items: [] });
  });
});

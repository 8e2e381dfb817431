/** Section 00, ZopNight: members, default tier and order, the sequence call and the resource inventory. */
import {
  TIERS,
  ZOPNIGHT_LIMITS,
  type WireGroup,
  type WireResource,
} from "pulumi-resource-groups-contracts/zopnight";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { STARTING_INVENTORY } from "../../emulator/vendors/zopnight/inventory";
import { removeDb, tempDbPath } from "./helpers";
import { ZopNightClient, expectZopNightError, resetZopNight } from "../support/zopnight";

const UNKNOWN_GROUP = "grp_000000000000";
/** The last tier there is, and the first there is not. */
const LAST_TIER = TIERS[TIERS.length - 1] ?? "";
const PAST_LAST_TIER = `tier-${ZOPNIGHT_LIMITS.tierCount + 1}`;

let emulator: RunningEmulator;
let api: ZopNightClient;
const db = tempDbPath("zopnight-members");

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, db });
  api = new ZopNightClient(emulator);
});
afterAll(async () => {
  await emulator.close();
  removeDb(db);
});
beforeEach(() => resetZopNight(emulator));

async function group(name = "stack"): Promise<WireGroup> {
  return api.createOk(name);
}

const sequenceOf = async (groupId: string) =>
  (await api.show(groupId)).json.data.members.map((m) => [m.resourceID, m.executionTier, m.executionOrder]);

describe("POST /resource-groups/{groupID}/resources/{resourceID}", () => {
  it("answers 201 {data: member} with the seed's fields, copied from the inventory", async () => {
    const { id } = await group();
    const reply = await api.addMember(id, "res_003");
    expect(reply.status).toBe(201);
    expect(Object.keys(reply.json)).toEqual(["data"]);
    const member = reply.json.data;
    expect(Object.keys(member).sort()).toEqual(
      [
        "cloudAccountID",
        "executionOrder",
        "executionTier",
        "id",
        "provider",
        "region",
        "resourceID",
        "resourceName",
        "resourceType",
        "resourceUID",
      ].sort(),
    );
    expect(member).toMatchObject({
      resourceID: "res_003",
      resourceUID: "i-0abc123def456",
      resourceName: "orders-app-1",
      resourceType: "aws-ec2",
      provider: "aws",
      cloudAccountID: "123456789012",
      region: "us-east-1",
      executionTier: "tier-1",
      executionOrder: 1,
    });
    expect(member.id).toMatch(/^mem_[a-z0-9]{12}$/);
  });

  it("puts each new member in tier-1 after the highest order there", async () => {
    const { id } = await group();
    await api.addMember(id, "res_001");
    await api.addMember(id, "res_002");
    await api.sequence(id, "res_002", { executionTier: "tier-1", executionOrder: 7 });
    await api.sequence(id, "res_001", { executionTier: "tier-2", executionOrder: 1 });
    expect((await api.addMember(id, "res_003")).json.data).toMatchObject({
      executionTier: "tier-1",
      executionOrder: 8,
    });
  });

  it("starts at order 1 when tier-1 is empty, whatever other tiers hold", async () => {
    const { id } = await group();
    await api.addMember(id, "res_001");
    await api.sequence(id, "res_001", { executionTier: "tier-3", executionOrder: 40 });
    expect((await api.addMember(id, "res_002")).json.data).toMatchObject({
      executionTier: "tier-1",
      executionOrder: 1,
    });
  });

  it("ignores any body sent with the add", async () => {
    const { id } = await group();
    const reply = await api.call("POST", `/resource-groups/${id}/resources/res_001`, {
      body: { executionTier: "tier-5", executionOrder: 9 },
    });
    expect((reply.json as { data: unknown }).data).toMatchObject({
      executionTier: "tier-1",
      executionOrder: 1,
    });
  });

  it("answers 409 for a resource already in the group, changing nothing", async () => {
    const { id } = await group();
    await api.addMember(id, "res_001");
    await api.sequence(id, "res_001", { executionTier: "tier-2", executionOrder: 3 });
    expectZopNightError(await api.addMember(id, "res_001"), 409, /res_001 is already a member/);
    expect(await sequenceOf(id)).toEqual([["res_001", "tier-2", 3]]);
  });

  it("answers 404 for an unknown resource or group", async () => {
    const { id } = await group();
    expectZopNightError(await api.addMember(id, "res_999"), 404, /resource res_999 not found/);
    expectZopNightError(await api.addMember(id, "i-0abc123def456"), 404, /not found/);
    expectZopNightError(await api.addMember(UNKNOWN_GROUP, "res_001"), 404, /resource group .* not found/);
  });

  it("lets one resource be in several groups", async () => {
    const a = await group("a");
    const b = await group("b");
    expect((await api.addMember(a.id, "res_001")).status).toBe(201);
    expect((await api.addMember(b.id, "res_001")).status).toBe(201);
    await api.removeMember(a.id, "res_001");
    expect(await sequenceOf(b.id)).toEqual([["res_001", "tier-1", 1]]);
  });
});

describe("DELETE /resource-groups/{groupID}/resources/{resourceID}", () => {
  it("answers 204 with no body and the member is gone", async () => {
    const { id } = await group();
    await api.addMember(id, "res_001");
    await api.addMember(id, "res_002");
    const reply = await api.removeMember(id, "res_001");
    expect(reply.status).toBe(204);
    expect(reply.text).toBe("");
    expect(await sequenceOf(id)).toEqual([["res_002", "tier-1", 2]]);
  });

  it("answers 404 for a resource not in the group, or an unknown group", async () => {
    const { id } = await group();
    expectZopNightError(await api.removeMember(id, "res_001"), 404, /res_001 is not a member/);
    expectZopNightError(await api.removeMember(UNKNOWN_GROUP, "res_001"), 404, /resource group/);
  });
});

describe("PATCH /resource-groups/{groupID}/resources/{resourceID}/sequence", () => {
  it("sets tier and order and answers 200 {data: member}", async () => {
    const { id } = await group();
    await api.addMember(id, "res_001");
    const reply = await api.sequence(id, "res_001", { executionTier: LAST_TIER, executionOrder: 1000 });
    expect(reply.status).toBe(200);
    expect(reply.json.data).toMatchObject({
      resourceID: "res_001",
      executionTier: LAST_TIER,
      executionOrder: 1000,
    });
    expect(await sequenceOf(id)).toEqual([["res_001", LAST_TIER, 1000]]);
  });

  it("keeps the membership id through a sequence change", async () => {
    const { id } = await group();
    const added = (await api.addMember(id, "res_001")).json.data;
    const moved = (await api.sequence(id, "res_001", { executionTier: "tier-2", executionOrder: 5 })).json
      .data;
    expect(moved.id).toBe(added.id);
  });

  it("lists members in start order: tier, then order, ties in membership order", async () => {
    const { id } = await group();
    for (const res of ["res_001", "res_002", "res_003", "res_004"]) await api.addMember(id, res);
    await api.sequence(id, "res_001", { executionTier: "tier-2", executionOrder: 1 });
    await api.sequence(id, "res_002", { executionTier: LAST_TIER, executionOrder: 1 });
    await api.sequence(id, "res_003", { executionTier: "tier-1", executionOrder: 5 });
    await api.sequence(id, "res_004", { executionTier: "tier-2", executionOrder: 1 });
    expect(await sequenceOf(id)).toEqual([
      ["res_003", "tier-1", 5],
      ["res_001", "tier-2", 1],
      ["res_004", "tier-2", 1],
      ["res_002", LAST_TIER, 1],
    ]);
  });

  it("refuses tiers outside tier-1..tier-10 and orders outside 1-1000, naming the field", async () => {
    const { id } = await group();
    await api.addMember(id, "res_001");
    const patch = (body: unknown) => api.sequence(id, "res_001", body);
    expectZopNightError(
      await patch({ executionTier: PAST_LAST_TIER, executionOrder: 1 }),
      400,
      new RegExp(`^executionTier must be one of ${TIERS[0]} to ${LAST_TIER}`),
    );
    expectZopNightError(await patch({ executionTier: "tier-0", executionOrder: 1 }), 400, /^executionTier/);
    expectZopNightError(
      await patch({ executionTier: "tier-1", executionOrder: 0 }),
      400,
      /^executionOrder must be at least 1 \(got 0\)$/,
    );
    expectZopNightError(
      await patch({ executionTier: "tier-1", executionOrder: 1001 }),
      400,
      /^executionOrder must be at most 1000/,
    );
    expectZopNightError(
      await patch({ executionTier: "tier-1", executionOrder: 2.5 }),
      400,
      /^executionOrder must be an integer/,
    );
    expectZopNightError(
      await patch({ executionTier: "tier-1", executionOrder: "3" }),
      400,
      /^executionOrder must be a JSON integer/,
    );
    expect(await sequenceOf(id)).toEqual([["res_001", "tier-1", 1]]);
  });

  it("requires both fields", async () => {
    const { id } = await group();
    await api.addMember(id, "res_001");
    expectZopNightError(
      await api.sequence(id, "res_001", { executionTier: "tier-2" }),
      400,
      /^executionOrder is required$/,
    );
    expectZopNightError(
      await api.sequence(id, "res_001", { executionOrder: 2 }),
      400,
      /^executionTier is required$/,
    );
    expectZopNightError(
      await api.call("PATCH", `/resource-groups/${id}/resources/res_001/sequence`),
      400,
      /JSON object/,
    );
  });

  it("answers 404 for a resource not in the group, or an unknown group, before looking at the body", async () => {
    const { id } = await group();
    expectZopNightError(await api.sequence(id, "res_001", {}), 404, /not a member/);
    expectZopNightError(await api.sequence(UNKNOWN_GROUP, "res_001", {}), 404, /resource group/);
  });
});

describe("GET /resources", () => {
  it("starts with the documented inventory of 8 resources across aws, gcp and azure", async () => {
    const reply = await api.inventory("limit=100");
    expect(reply.status).toBe(200);
    expect(reply.json.pagination).toEqual({ page: 1, limit: 100, total: STARTING_INVENTORY.length });
    expect(reply.json.data).toEqual(STARTING_INVENTORY);
    expect(STARTING_INVENTORY.length).toBeGreaterThanOrEqual(8);
    expect(new Set(reply.json.data.map((r) => r.provider))).toEqual(new Set(["aws", "gcp", "azure"]));
    for (const resource of reply.json.data) {
      expect(Object.keys(resource).sort()).toEqual(
        ["cloudAccountID", "id", "name", "provider", "region", "type", "uid"].sort(),
      );
      expect(resource.id).toMatch(/^res_[A-Za-z0-9]+$/);
    }
  });

  it("pages with page and limit, 20 by default", async () => {
    for (let i = 0; i < 15; i++) {
      await api.addResource({
        uid: `vm-${i}`,
        name: `vm-${i}`,
        type: "gcp-compute",
        provider: "gcp",
        cloudAccountID: "p",
        region: "r",
      });
    }
    const first = await api.inventory();
    expect(first.json.pagination).toEqual({ page: 1, limit: 20, total: 23 });
    expect(first.json.data).toHaveLength(20);
    const last = await api.inventory("page=3&limit=10");
    expect(last.json.data.map((r) => r.name)).toEqual(["vm-12", "vm-13", "vm-14"]);
    expectZopNightError(await api.inventory("page=0"), 400, /^page/);
    expectZopNightError(await api.inventory("limit=101"), 400, /^limit/);
  });

  it("searches name or uid case-insensitively", async () => {
    const names = async (q: string) => (await api.inventory(q)).json.data.map((r) => r.id);
    expect(await names("search=ORDERS-APP")).toEqual(["res_003", "res_004"]);
    expect(await names("search=I-0ABC123DEF456")).toEqual(["res_003"]);
    expect(await names("search=flexibleservers")).toEqual(["res_008"]);
    expect(await names("search=nothing-matches")).toEqual([]);
  });

  it("filters by provider and type, with the total counting matches only", async () => {
    const gcp = await api.inventory("provider=gcp");
    expect(gcp.json.data.map((r) => r.id)).toEqual(["res_005", "res_006"]);
    expect(gcp.json.pagination.total).toBe(2);
    expect((await api.inventory("type=aws-ec2")).json.data.map((r) => r.id)).toEqual(["res_003", "res_004"]);
    expect(
      (await api.inventory("provider=aws&type=aws-rds&search=orders")).json.data.map((r) => r.id),
    ).toEqual(["res_001"]);
    expect((await api.inventory("provider=oracle")).json).toEqual({
      data: [],
      pagination: { page: 1, limit: 20, total: 0 },
    });
  });

  it("needs the bearer token", async () => {
    expectZopNightError(await api.call("GET", "/resources", { token: null }), 401);
  });
});

describe("admin: POST /_emulator/zopnight/resources", () => {
  const resource = {
    uid: "i-0new",
    name: "new-vm",
    type: "aws-ec2",
    provider: "aws",
    cloudAccountID: "1",
    region: "eu-west-1",
  };

  it("adds a resource with a generated or a given id, usable as a member", async () => {
    const generated = await api.addResource(resource);
    expect(generated.status).toBe(201);
    expect(generated.json.data).toEqual({
      ...resource,
      id: expect.stringMatching(/^res_[a-z0-9]{12}$/) as string,
    });
    const given = await api.addResource({ ...resource, id: "res_custom1" });
    expect(given.json.data.id).toBe("res_custom1");
    const { id } = await group();
    expect((await api.addMember(id, "res_custom1")).json.data.resourceUID).toBe("i-0new");
  });

  it("refuses a taken id and broken fields, naming the field", async () => {
    expectZopNightError(await api.addResource({ ...resource, id: "res_001" }), 409, /res_001 already exists/);
    expectZopNightError(
      await api.addResource({ ...resource, provider: "oci" }),
      400,
      /^provider must be one of aws, gcp, azure/,
    );
    expectZopNightError(await api.addResource({ ...resource, uid: "" }), 400, /^uid must not be empty/);
  });

  it("is undone by a reset, which restores the starting inventory", async () => {
    await api.addResource(resource);
    await resetZopNight(emulator);
    const all: WireResource[] = (await api.inventory("limit=100")).json.data;
    expect(all).toEqual(STARTING_INVENTORY);
  });
});

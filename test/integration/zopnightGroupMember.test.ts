/** The ZopNight GroupMember handler and the start-up sequence plan against the real emulator. */
import { handlers, resetSettings } from "../../provider/runtime";
import { ConflictError, PartialCreateError } from "../../provider/core/errors";
import { UnknownResourceError } from "../../provider/vendors/zopnight/errors";
import { memberName, plannedSequence } from "../../provider/vendors/zopnight/resources/startupSequence";
import { checked, create, update } from "../support/engine";
import { MEMBER_ROUTES, useZopNightEmulator } from "../support/zopnight";

const gm = handlers.zopnightGroupMember;
const { SHOW, ADD, REMOVE, SEQUENCE } = MEMBER_ROUTES;

const { api, zop, useSettings } = useZopNightEmulator(resetSettings);

const sequenceOf = async (groupId: string) =>
  (await api.show(groupId)).json.data.members.map((m) => [m.resourceID, m.executionTier, m.executionOrder]);

async function newGroup(name = "stack"): Promise<string> {
  return (await api.createOk(name)).id;
}

describe("ZopNight GroupMember lifecycle", () => {
  it("adds a resource by id at its tier and order, moves it in place and removes it", async () => {
    const groupId = await newGroup();
    const created = await create("zopnightGroupMember", {
      groupId,
      resource: "res_001",
      executionTier: "tier-2",
      executionOrder: 3,
    });
    expect(created.id).toBe(`${groupId}/res_001`);
    expect(created.outs).toMatchObject({
      groupId,
      resource: "res_001",
      resourceId: "res_001",
      executionTier: "tier-2",
      executionOrder: 3,
      resourceUID: "arn:aws:rds:us-east-1:123456789012:db:orders-postgres",
      resourceName: "orders-postgres",
      resourceType: "aws-rds",
      cloudProvider: "aws",
      cloudAccountID: "123456789012",
      region: "us-east-1",
    });
    expect(created.outs.memberId).toMatch(/^mem_/);
    expect(await sequenceOf(groupId)).toEqual([["res_001", "tier-2", 3]]);
    expect(await gm.read(created.id, created.outs)).toEqual({ id: created.id, props: created.outs });

    zop().resetStats();
    const moved = await update("zopnightGroupMember", created.id, created.outs, {
      groupId,
      resource: "res_001",
      executionTier: "tier-1",
      executionOrder: 1,
    });
    expect(moved).toMatchObject({
      executionTier: "tier-1",
      executionOrder: 1,
      memberId: created.outs.memberId,
    });
    // In place: one sequence call, never a removal and a new add.
    expect(zop().stats().byRoute).toEqual({ [SEQUENCE]: 1 });
    expect(await sequenceOf(groupId)).toEqual([["res_001", "tier-1", 1]]);

    await gm.delete(created.id, moved);
    expect(await sequenceOf(groupId)).toEqual([]);
  });

  it("defaults to tier-1, order 1, setting the sequence when the API's default differs", async () => {
    const groupId = await newGroup();
    await api.addMember(groupId, "res_002");
    const created = await create("zopnightGroupMember", { groupId, resource: "res_001" });
    expect(created.outs).toMatchObject({ executionTier: "tier-1", executionOrder: 1 });
    expect(await sequenceOf(groupId)).toEqual([
      ["res_002", "tier-1", 1],
      ["res_001", "tier-1", 1],
    ]);
  });

  it("skips the sequence call when the API's default is already the declared one", async () => {
    const groupId = await newGroup();
    zop().resetStats();
    await create("zopnightGroupMember", { groupId, resource: "res_001" });
    expect(zop().stats().byRoute[SEQUENCE]).toBeUndefined();
  });

  it("deletes a member that is already gone, or whose group is gone, without error", async () => {
    const groupId = await newGroup();
    const created = await create("zopnightGroupMember", { groupId, resource: "res_001" });
    await api.removeMember(groupId, "res_001");
    await expect(gm.delete(created.id, created.outs)).resolves.toBeUndefined();
    await api.remove(groupId);
    await expect(gm.delete(created.id, created.outs)).resolves.toBeUndefined();
  });
});

describe("ZopNight GroupMember resource resolution", () => {
  it("resolves a cloud UID through the inventory", async () => {
    const groupId = await newGroup();
    const created = await create("zopnightGroupMember", { groupId, resource: "i-0abc123def456" });
    expect(created.id).toBe(`${groupId}/res_003`);
    expect(created.outs).toMatchObject({ resource: "i-0abc123def456", resourceId: "res_003" });
  });

  it("resolves a UID only by exact match, not by the search's substring", async () => {
    const groupId = await newGroup();
    // "i-0abc123def45" is a substring of two inventory UIDs but the UID of none.
    await expect(create("zopnightGroupMember", { groupId, resource: "i-0abc123def45" })).rejects.toThrow(
      UnknownResourceError,
    );
  });

  it("fails on an unknown UID, naming it, and adds nothing", async () => {
    const groupId = await newGroup();
    const attempt = create("zopnightGroupMember", { groupId, resource: "i-0doesnotexist" });
    await expect(attempt).rejects.toThrow(UnknownResourceError);
    await expect(attempt).rejects.toThrow(/resource: no resource with cloud UID 'i-0doesnotexist'/);
    expect(await sequenceOf(groupId)).toEqual([]);
  });

  it("fails on a UID that names several resources, listing their ids", async () => {
    const groupId = await newGroup();
    const twin = { uid: "vm-twin", name: "twin", type: "gcp-compute", provider: "gcp", region: "r" };
    await api.addResource({ ...twin, id: "res_twinA", cloudAccountID: "a" });
    await api.addResource({ ...twin, id: "res_twinB", cloudAccountID: "b" });
    await expect(create("zopnightGroupMember", { groupId, resource: "vm-twin" })).rejects.toThrow(
      /names 2 resources.*res_twinA.*res_twinB/,
    );
  });

  it("fails on an unknown res_ id or an unknown group, saying which", async () => {
    const groupId = await newGroup();
    await expect(create("zopnightGroupMember", { groupId, resource: "res_999" })).rejects.toThrow(
      /resource: 'res_999' is not in the ZopNight inventory/,
    );
    await expect(
      create("zopnightGroupMember", { groupId: "grp_000000000000", resource: "res_001" }),
    ).rejects.toThrow(ConflictError);
  });

  it("finds a resource added to the inventory later", async () => {
    const groupId = await newGroup();
    const added = await api.addResource({
      uid: "/subscriptions/x/virtualMachines/late",
      name: "late",
      type: "azure-vm",
      provider: "azure",
      cloudAccountID: "x",
      region: "westeurope",
    });
    const created = await create("zopnightGroupMember", {
      groupId,
      resource: "/subscriptions/x/virtualMachines/late",
    });
    expect(created.outs.resourceId).toBe(added.json.data.id);
  });
});

describe("ZopNight GroupMember drift", () => {
  it("drops a member removed outside on refresh", async () => {
    const groupId = await newGroup();
    const created = await create("zopnightGroupMember", { groupId, resource: "res_001" });
    await api.removeMember(groupId, "res_001");
    expect(await gm.read(created.id, created.outs)).toEqual({ id: "", props: {} });
  });

  it("shows a tier or order changed outside as drift, which the next update restores in place", async () => {
    const groupId = await newGroup();
    const declared = { groupId, resource: "res_001", executionTier: "tier-1", executionOrder: 1 };
    const created = await create("zopnightGroupMember", declared);
    await api.sequence(groupId, "res_001", { executionTier: "tier-4", executionOrder: 9 });
    const read = await gm.read(created.id, created.outs);
    expect(read.props).toMatchObject({ executionTier: "tier-4", executionOrder: 9, resource: "res_001" });
    expect(await gm.diff(created.id, read.props, await checked("zopnightGroupMember", declared))).toEqual({
      changes: true,
      replaces: [],
    });
    zop().resetStats();
    await update("zopnightGroupMember", created.id, read.props as Record<string, unknown>, declared);
    expect(zop().stats().byRoute).toEqual({ [SEQUENCE]: 1 });
    expect(await sequenceOf(groupId)).toEqual([["res_001", "tier-1", 1]]);
  });

  it("puts back, on update, a member removed outside since the last refresh", async () => {
    const groupId = await newGroup();
    const created = await create("zopnightGroupMember", { groupId, resource: "res_001" });
    await api.removeMember(groupId, "res_001");
    await update("zopnightGroupMember", created.id, created.outs, {
      groupId,
      resource: "res_001",
      executionTier: "tier-3",
      executionOrder: 2,
    });
    expect(await sequenceOf(groupId)).toEqual([["res_001", "tier-3", 2]]);
  });

  it("imports a member by its id grp_.../res_...", async () => {
    const groupId = await newGroup();
    await api.addMember(groupId, "res_005");
    const read = await gm.read(`${groupId}/res_005`, {});
    expect(read).toMatchObject({
      id: `${groupId}/res_005`,
      props: {
        groupId,
        resource: "res_005",
        resourceId: "res_005",
        executionTier: "tier-1",
        executionOrder: 1,
      },
    });
  });
});

describe("ZopNight GroupMember refresh reads each group once", () => {
  it("serves the reads of many members of one group with one group read, until a write", async () => {
    const groupId = await newGroup();
    const resources = ["res_001", "res_002", "res_003", "res_004", "res_005", "res_006"];
    const members = [];
    for (const [i, resource] of resources.entries()) {
      members.push(await create("zopnightGroupMember", { groupId, resource, executionOrder: i + 1 }));
    }
    zop().resetStats();
    const reads = await Promise.all(members.map((m) => gm.read(m.id, m.outs)));
    expect(reads.map((r) => r.id)).toEqual(members.map((m) => m.id));
    expect(zop().stats().byRoute[SHOW]).toBe(1);
    await gm.read(members[0]!.id, members[0]!.outs);
    expect(zop().stats().byRoute[SHOW]).toBe(1);

    // A write forgets the shared read: the next read sees the change.
    const moved = await update("zopnightGroupMember", members[0]!.id, members[0]!.outs, {
      groupId,
      resource: "res_001",
      executionTier: "tier-2",
      executionOrder: 1,
    });
    const after = await gm.read(members[0]!.id, moved);
    expect(after.props).toMatchObject({ executionTier: "tier-2" });
    expect(zop().stats().byRoute[SHOW]).toBe(2);
  });
});

describe("ZopNight GroupMember lost answers", () => {
  it("leaves one member when the add's answer is lost, and still sets the sequence", async () => {
    const groupId = await newGroup();
    zop().setFaults({ dropNext: 1 });
    zop().resetStats();
    const created = await create("zopnightGroupMember", {
      groupId,
      resource: "res_002",
      executionTier: "tier-2",
      executionOrder: 5,
    });
    expect(created.outs).toMatchObject({ executionTier: "tier-2", executionOrder: 5 });
    expect(zop().stats().dropped).toBe(1);
    expect(zop().stats().byRoute[ADD]).toBe(1);
    expect(await sequenceOf(groupId)).toEqual([["res_002", "tier-2", 5]]);
  });

  it("takes a 409 for a resource already in the group as added, then sets the sequence", async () => {
    const groupId = await newGroup();
    await api.addMember(groupId, "res_001");
    zop().resetStats();
    const created = await create("zopnightGroupMember", {
      groupId,
      resource: "res_001",
      executionTier: "tier-3",
      executionOrder: 1,
    });
    expect(created.id).toBe(`${groupId}/res_001`);
    expect(zop().stats().byRoute).toMatchObject({ [ADD]: 1, [SEQUENCE]: 1 });
    expect(await sequenceOf(groupId)).toEqual([["res_001", "tier-3", 1]]);
  });

  it("keeps a member whose sequence could not be set in the stack, for the next update to finish", async () => {
    const groupId = await newGroup();
    useSettings({ RESOURCEGROUPS_MAX_RETRIES: "0" });
    const inputs = await checked("zopnightGroupMember", {
      groupId,
      resource: "res_001",
      executionTier: "tier-2",
      executionOrder: 4,
    });
    // Every request waits before its fault is drawn: the sequence call is failed while it waits.
    zop().setFaults({ latencyMs: 300 });
    zop().resetStats();
    const attempt = gm.create(inputs).then(
      () => undefined,
      (error: unknown) => error,
    );
    while (zop().stats().byRoute[SEQUENCE] === undefined) await new Promise((r) => setTimeout(r, 10));
    zop().setFaults({ latencyMs: 300, failNext: 1, failNextStatus: 500 });
    const error = await attempt;
    expect(error).toBeInstanceOf(PartialCreateError);
    const partial = error as PartialCreateError;
    expect(partial.id).toBe(`${groupId}/res_001`);
    expect(partial.properties).toMatchObject({
      resourceId: "res_001",
      executionTier: "tier-1",
      executionOrder: 1,
    });
    expect(partial.message).toMatch(/exists and is kept in the stack/);

    zop().setFaults({});
    await update("zopnightGroupMember", partial.id, partial.properties, inputs);
    expect(await sequenceOf(groupId)).toEqual([["res_001", "tier-2", 4]]);
  });
});

describe("ZopNight start-up sequence reorder", () => {
  it("moves every resource of a plan in place: the same member names, sequence calls only", async () => {
    const groupId = await newGroup();
    const before = plannedSequence([["res_001"], ["res_002"], ["res_003", "res_004"]]);
    const state = new Map<string, { id: string; outs: Record<string, unknown> }>();
    for (const entry of before)
      state.set(
        memberName("stack", entry.resource),
        await create("zopnightGroupMember", { groupId, ...entry }),
      );

    const after = plannedSequence([
      ["res_002", "res_001"],
      ["res_004", "res_003"],
    ]);
    zop().resetStats();
    for (const entry of after) {
      const name = memberName("stack", entry.resource);
      const old = state.get(name);
      expect(old).toBeDefined();
      const news = await checked("zopnightGroupMember", { groupId, ...entry });
      const diff = await gm.diff(old!.id, old!.outs, news);
      expect(diff.replaces).toEqual([]);
      if (diff.changes) await update("zopnightGroupMember", old!.id, old!.outs, news);
    }
    const routes = Object.keys(zop().stats().byRoute);
    expect(routes).toEqual([SEQUENCE]);
    expect(routes).not.toContain(REMOVE);
    expect(await sequenceOf(groupId)).toEqual([
      ["res_002", "tier-1", 1],
      ["res_001", "tier-1", 2],
      ["res_004", "tier-2", 1],
      ["res_003", "tier-2", 2],
    ]);
  });
});

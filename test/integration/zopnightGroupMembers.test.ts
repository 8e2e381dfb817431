/**
 * zopnight.GroupMembers against the emulator: the calls each step costs (counted by the ZopNight
 * dialect), the difference-only update that moves members in place, refresh drift, delete of its own
 * members only, and a create that fails half-way.
 */
import { ConflictError, PartialCreateError } from "../../provider/core/errors";
import { forgetMemberClaims } from "../../provider/core/memberClaims";
import { handlers, resetSettings } from "../../provider/runtime";
import type { ZopNightGroupMembersOutputs } from "../../provider/vendors/zopnight/handlers/groupMembers";
import { checked, create, update } from "../support/engine";
import { MEMBER_ROUTES, useZopNightEmulator } from "../support/zopnight";

const gms = handlers.zopnightGroupMembers;
const { SHOW, ADD, REMOVE, SEQUENCE } = MEMBER_ROUTES;

const { api, zop, useSettings } = useZopNightEmulator(resetSettings);

const routes = () => zop().stats().byRoute;
/** The group's members as [resourceID, tier, order], in the API's start order. */
const sequenceOf = async (groupId: string) =>
  (await api.show(groupId)).json.data.members.map((m) => [m.resourceID, m.executionTier, m.executionOrder]);
const sorted = <T>(items: T[]) => [...items].sort();

type Entry = { resource: string; executionTier: string; executionOrder: number };
const at = (resource: string, tier: number, order: number): Entry => ({
  resource,
  executionTier: `tier-${tier}`,
  executionOrder: order,
});

/** Eight resources over three tiers; the app server res_003 named by its cloud UID. */
const EIGHT: Entry[] = [
  at("res_001", 2, 1),
  at("res_002", 2, 2),
  at("i-0abc123def456", 3, 1),
  at("res_004", 3, 2),
  at("res_005", 4, 1),
  at("res_006", 4, 2),
  at("res_007", 4, 3),
  at("res_008", 5, 1),
];
const EIGHT_HELD = [
  ["res_001", "tier-2", 1],
  ["res_002", "tier-2", 2],
  ["res_003", "tier-3", 1],
  ["res_004", "tier-3", 2],
  ["res_005", "tier-4", 1],
  ["res_006", "tier-4", 2],
  ["res_007", "tier-4", 3],
  ["res_008", "tier-5", 1],
];

async function newGroup(name = "stack"): Promise<string> {
  return (await api.createOk(name)).id;
}

async function createEight(groupId: string) {
  const created = await create("zopnightGroupMembers", { groupId, members: EIGHT });
  return { id: created.id, outs: created.outs as unknown as ZopNightGroupMembersOutputs };
}

const updateTo = async (groupId: string, olds: ZopNightGroupMembersOutputs, members: Entry[]) =>
  (await update("zopnightGroupMembers", groupId, olds as never, {
    groupId,
    members,
  })) as unknown as ZopNightGroupMembersOutputs;

describe("zopnight.GroupMembers create", () => {
  it("adds 8 members and sequences each, one UID search, the API's order as declared", async () => {
    const groupId = await newGroup();
    zop().resetStats();
    const created = await createEight(groupId);
    // Each member is one add (the API puts it in tier-1) and one sequence call to its tier.
    expect(routes()).toEqual({ [ADD]: 8, [SEQUENCE]: 8, "GET /api/resources": 1 });
    expect(await sequenceOf(groupId)).toEqual(EIGHT_HELD);
    expect(created.id).toBe(groupId);
    expect(created.outs.members.map((m) => [m.resourceId, m.executionTier, m.executionOrder])).toEqual(
      EIGHT_HELD,
    );
    expect(created.outs.members[2]).toEqual({
      resource: "i-0abc123def456",
      resourceId: "res_003",
      resourceUID: "i-0abc123def456",
      resourceName: "orders-app-1",
      executionTier: "tier-3",
      executionOrder: 1,
    });
    expect(created.outs.declaredMembers?.map((m) => m.resourceId)).toEqual(EIGHT_HELD.map(([id]) => id));
  });

  it("skips the sequence call for a member the API places where it is declared", async () => {
    const groupId = await newGroup();
    zop().resetStats();
    await create("zopnightGroupMembers", { groupId, members: [{ resource: "res_001" }] });
    expect(routes()).toEqual({ [ADD]: 1 });
    expect(await sequenceOf(groupId)).toEqual([["res_001", "tier-1", 1]]);
  });

  it("refuses a resource named by its UID and by its id, naming both positions, writing nothing", async () => {
    const groupId = await newGroup();
    zop().resetStats();
    const attempt = create("zopnightGroupMembers", {
      groupId,
      members: [at("res_001", 1, 1), at("res_003", 1, 2), at("i-0abc123def456", 2, 1)],
    });
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(
      "members: members[2] ('i-0abc123def456') and members[1] ('res_003') are both res_003",
    );
    expect(zop().stats().writes).toBe(0);
    expect(await sequenceOf(groupId)).toEqual([]);
  });

  it("fails on an unknown UID or group with GroupMember's errors, writing nothing", async () => {
    const groupId = await newGroup();
    await expect(
      create("zopnightGroupMembers", {
        groupId,
        members: [{ resource: "res_001" }, { resource: "i-0nope" }],
      }),
    ).rejects.toThrow(/resource: no resource with cloud UID 'i-0nope'/);
    expect(await sequenceOf(groupId)).toEqual([]);
    await expect(
      create("zopnightGroupMembers", { groupId: "grp_000000000000", members: [{ resource: "res_001" }] }),
    ).rejects.toThrow(/groupId: resource group grp_000000000000 does not exist/);
  });

  it("fails half-way with PartialCreateError holding the members written; the update finishes", async () => {
    const groupId = await newGroup();
    useSettings({ RESOURCEGROUPS_MAX_RETRIES: "0" });
    const inputs = await checked("zopnightGroupMembers", { groupId, members: EIGHT });
    // Every request waits before its fault is drawn: the first add is failed while it waits, and the
    // adds already under way complete.
    zop().setFaults({ latencyMs: 200 });
    zop().resetStats();
    const attempt = gms.create(inputs).then(
      () => undefined,
      (error: unknown) => error,
    );
    while (routes()[ADD] === undefined) await new Promise((r) => setTimeout(r, 5));
    zop().setFaults({ latencyMs: 200, failNext: 1, failNextStatus: 500 });
    const error = await attempt;
    zop().setFaults({});
    expect(error).toBeInstanceOf(PartialCreateError);
    const partial = error as PartialCreateError;
    const holds = partial.properties as unknown as ZopNightGroupMembersOutputs;
    const written = (await api.show(groupId)).json.data.members;
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(8);
    expect(partial.id).toBe(groupId);
    expect(partial.message).toMatch(
      new RegExp(`^added ${written.length} of 8 members before this failed: .*HTTP 500`),
    );
    expect(sorted(holds.members.map((m) => m.resourceId))).toEqual(sorted(written.map((m) => m.resourceID)));
    expect(holds.declaredMembers).toHaveLength(8);

    // The next update adds the rest, and nothing twice.
    zop().resetStats();
    await update("zopnightGroupMembers", groupId, holds as never, inputs);
    expect(routes()[ADD]).toBe(8 - written.length);
    expect(routes()[REMOVE]).toBeUndefined();
    expect(await sequenceOf(groupId)).toEqual(EIGHT_HELD);
  });
});

describe("zopnight.GroupMembers update", () => {
  it("reorders 2 members with 2 sequence calls, whatever the order of the list", async () => {
    const groupId = await newGroup();
    const created = await createEight(groupId);
    // res_001 and res_008 swap places; the list is also reversed.
    const swapped = EIGHT.map((m) =>
      m.resource === "res_001" ? at("res_001", 5, 1) : m.resource === "res_008" ? at("res_008", 2, 1) : m,
    ).reverse();
    expect(
      (
        await gms.diff(
          groupId,
          created.outs,
          await checked("zopnightGroupMembers", { groupId, members: swapped }),
        )
      ).replaces,
    ).toEqual([]);
    zop().resetStats();
    const outs = await updateTo(groupId, created.outs, swapped);
    expect(routes()).toEqual({ [SEQUENCE]: 2 });
    expect(await sequenceOf(groupId)).toEqual([
      ["res_008", "tier-2", 1],
      ...EIGHT_HELD.slice(1, 7),
      ["res_001", "tier-5", 1],
    ]);
    expect(
      await gms.diff(groupId, outs, await checked("zopnightGroupMembers", { groupId, members: swapped })),
    ).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it("adds 1 member with one add (and at most one sequence call)", async () => {
    const groupId = await newGroup();
    await api.addResource({
      id: "res_009",
      uid: "vm-nine",
      name: "nine",
      type: "gcp-compute",
      provider: "gcp",
      cloudAccountID: "acme-prod",
      region: "europe-west1",
    });
    const created = await createEight(groupId);
    zop().resetStats();
    await updateTo(groupId, created.outs, [...EIGHT, at("res_009", 5, 2)]);
    expect(routes()[ADD]).toBe(1);
    expect(routes()[SEQUENCE] ?? 0).toBeLessThanOrEqual(1);
    expect(zop().stats().writes).toBeLessThanOrEqual(2);
    expect(await sequenceOf(groupId)).toEqual([...EIGHT_HELD, ["res_009", "tier-5", 2]]);
  });

  it("removes 1 member with one removal", async () => {
    const groupId = await newGroup();
    const created = await createEight(groupId);
    zop().resetStats();
    const outs = await updateTo(groupId, created.outs, EIGHT.slice(1));
    expect(routes()).toEqual({ [REMOVE]: 1 });
    expect(await sequenceOf(groupId)).toEqual(EIGHT_HELD.slice(1));
    expect(outs.declaredMembers).toHaveLength(7);
  });

  it("records a new spelling of the same resource without any call", async () => {
    const groupId = await newGroup();
    const created = await createEight(groupId);
    zop().resetStats();
    const respelt = EIGHT.map((m) => (m.resource === "i-0abc123def456" ? { ...m, resource: "res_003" } : m));
    const outs = await updateTo(groupId, created.outs, respelt);
    expect(zop().stats().total).toBe(0);
    expect(outs.members[2]).toMatchObject({ resource: "res_003", resourceId: "res_003" });
  });
});

describe("zopnight.GroupMembers refresh and drift", () => {
  it("refreshes with one group read", async () => {
    const groupId = await newGroup();
    const created = await createEight(groupId);
    zop().resetStats();
    const read = await gms.read(created.id, created.outs);
    expect(zop().stats().total).toBe(1);
    expect(routes()).toEqual({ [SHOW]: 1 });
    expect(read).toEqual({ id: groupId, props: created.outs });
  });

  it("shows a member added outside and a tier changed outside, and the update undoes both", async () => {
    const groupId = await newGroup();
    const created = await createEight(groupId);
    await api.sequence(groupId, "res_004", { executionTier: "tier-9", executionOrder: 7 });
    const extra = await api.addResource({
      uid: "vm-outside",
      name: "outside",
      type: "gcp-compute",
      provider: "gcp",
      cloudAccountID: "acme-prod",
      region: "europe-west1",
    });
    const outsideId = extra.json.data.id;
    await api.addMember(groupId, outsideId);

    const read = await gms.read(created.id, created.outs);
    const props = read.props as ZopNightGroupMembersOutputs;
    expect(props.members.find((m) => m.resourceId === "res_004")).toMatchObject({
      resource: "res_004",
      executionTier: "tier-9",
      executionOrder: 7,
    });
    // Added outside: shown by its id, after the declared members.
    expect(props.members.at(-1)).toMatchObject({ resource: outsideId, resourceUID: "vm-outside" });
    expect(props.declaredMembers).toEqual(created.outs.declaredMembers);
    const declared = await checked("zopnightGroupMembers", { groupId, members: EIGHT });
    expect(await gms.diff(groupId, props, declared)).toEqual({ changes: true, replaces: [] });

    zop().resetStats();
    await gms.update(groupId, props, declared);
    expect(routes()).toEqual({ [SEQUENCE]: 1, [REMOVE]: 1 });
    expect(await sequenceOf(groupId)).toEqual(EIGHT_HELD);
  });

  it("puts back, on update, a member removed outside since the last refresh", async () => {
    const groupId = await newGroup();
    const created = await createEight(groupId);
    await api.removeMember(groupId, "res_005");
    const moved = EIGHT.map((m) => (m.resource === "res_005" ? at("res_005", 6, 1) : m));
    await updateTo(groupId, created.outs, moved);
    expect(await sequenceOf(groupId)).toContainEqual(["res_005", "tier-6", 1]);
    expect((await sequenceOf(groupId)).length).toBe(8);
  });

  it("reads a deleted group as gone", async () => {
    const groupId = await newGroup();
    const created = await createEight(groupId);
    await api.remove(groupId);
    expect(await gms.read(created.id, created.outs)).toEqual({ id: "", props: {} });
  });
});

describe("zopnight.GroupMembers delete", () => {
  it("removes exactly the members it declared, one call each; again, or once the group is gone, is fine", async () => {
    const groupId = await newGroup();
    const created = await createEight(groupId);
    await api.addResource({
      id: "res_keep",
      uid: "vm-keep",
      name: "keep",
      type: "gcp-compute",
      provider: "gcp",
      cloudAccountID: "acme-prod",
      region: "europe-west1",
    });
    await api.addMember(groupId, "res_keep");
    const refreshed = await gms.read(created.id, created.outs);
    forgetMemberClaims(); // deleted by a later run, which declares none of them
    zop().resetStats();
    await gms.delete(groupId, refreshed.props);
    expect(routes()).toEqual({ [REMOVE]: 8 });
    expect(await sequenceOf(groupId)).toEqual([["res_keep", "tier-1", 1]]);
    await gms.delete(groupId, refreshed.props);
    await api.remove(groupId);
    await expect(gms.delete(groupId, refreshed.props)).resolves.toBeUndefined();
  });

  it("keeps the members a renamed GroupMembers declares when the old one is deleted in the same run", async () => {
    const groupId = await newGroup();
    const old = await createEight(groupId);
    forgetMemberClaims();
    // The run that renames it: the engine creates the new resource (res_003 now by id, res_008
    // dropped), then deletes the old one.
    const renamed = [...EIGHT.slice(0, 2), at("res_003", 3, 1), ...EIGHT.slice(3, 7)];
    await create("zopnightGroupMembers", { groupId, members: renamed });
    zop().resetStats();
    await gms.delete(old.id, old.outs);
    expect(routes()).toEqual({ [REMOVE]: 1 });
    expect(await sequenceOf(groupId)).toEqual(EIGHT_HELD.slice(0, 7));
  });
});

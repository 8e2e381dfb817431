/**
 * ces.GroupMembers against the emulator: the calls each step costs (counted by the CES dialect), the
 * difference-only update, refresh drift, delete of its own members only, and lost or failed batches.
 */
import { PartialCreateError, PartialUpdateError } from "../../provider/core/errors";
import { ServerError } from "../../provider/core/http/errors";
import { forgetMemberClaims } from "../../provider/core/memberClaims";
import { handlers, resetSettings } from "../../provider/runtime";
import type { GroupMembersOutputs } from "../../provider/vendors/ces/handlers/groupMembers";
import { checked, create, update, type Created } from "../support/engine";
import { useEmulatorForProvider } from "../support/emulator";

const emulator = useEmulatorForProvider(resetSettings);

const BASE = "/v2/{project_id}/resource-groups";
const ADD = `POST ${BASE}/{group_id}/resources/batch-create`;
const REMOVE = `POST ${BASE}/{group_id}/resources/batch-delete`;
const LIST = `GET ${BASE}/{group_id}/services/{service}/resources`;
const READ_GROUP = `GET ${BASE}/{group_id}`;

type Member = { namespace: string; dimensions: { name: string; value: string }[] };
const ecs = (id: string): Member => ({
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: id }],
});
const many = (count: number, prefix: string, from = 0): Member[] =>
  Array.from({ length: count }, (_, i) => ecs(`${prefix}-${from + i}`));
const idOf = (m: Member) => m.dimensions[0]?.value;

const ces = () => emulator().emulator.dialect("ces");
const calls = (route: string) => ces().stats().byRoute[route] ?? 0;

/** The instance ids of the group's SYS.ECS members, in the API's order (the order they were added). */
async function listed(groupId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const { body } = await emulator().api<{ count: number; resources: Member[] }>(
      "GET",
      `/${groupId}/services/SYS.ECS/resources?offset=${offset}&limit=100`,
    );
    ids.push(...body.resources.map((r) => idOf(r) as string));
    if (offset + 100 >= body.count) return ids;
  }
}

const addOutside = (groupId: string, members: Member[]) =>
  emulator().api("POST", `/${groupId}/resources/batch-create`, { resources: members });

/** Makes the next call of `route` fail with a 500 once it has arrived (the dialect delays every call). */
async function failWhenItArrives(route: string, times = 1): Promise<void> {
  const latencyMs = 300;
  const before = calls(route);
  ces().setFaults({ latencyMs });
  while (calls(route) < before + times) await new Promise((resolve) => setTimeout(resolve, 2));
  ces().setFaults({ latencyMs, failNext: 1, failNextStatus: 500 });
}

async function manualGroup(name: string): Promise<string> {
  return (await create("resourceGroup", { name })).id;
}

afterEach(() => {
  ces().setFaults({});
  process.env.RESOURCEGROUPS_MAX_RETRIES = "4";
});

describe("ces.GroupMembers", () => {
  it("refuses bad members in check, naming the path, before any call", async () => {
    ces().resetStats();
    const members = [
      ecs("a"),
      ecs("b"),
      ecs("c"),
      { namespace: "SYS.ECS", dimensions: [{ name: "9", value: "x" }] },
    ];
    members.push(ecs("a"));
    const result = await handlers.groupMembers.check({}, { groupId: "rg" + "x".repeat(22), members });
    expect(result.failures?.map((f) => f.property)).toEqual(["members", "members"]);
    expect(result.failures?.[0]?.reason).toMatch(/^members\[3\]\.dimensions\[0\]\.name: /);
    expect(result.failures?.[1]?.reason).toMatch(/^members\[4\] repeats members\[0\]/);
    expect(ces().stats().total).toBe(0);
  });

  it("creates 1,000 members with one write and one read of the group's type", async () => {
    const groupId = await manualGroup("gms-create");
    // Two of them are there already: adding them again is a no-op.
    await addOutside(groupId, [ecs("m-3"), ecs("m-999")]);
    resetSettings(); // a new run, which has not seen the group
    ces().resetStats();
    const created = await create("groupMembers", { groupId, members: many(1000, "m") });
    expect(created.id).toBe(groupId);
    expect(calls(ADD)).toBe(1);
    expect(calls(READ_GROUP)).toBe(1);
    expect(ces().stats().writes).toBe(1);
    expect(ces().stats().total).toBe(2);
    expect((await listed(groupId)).length).toBe(1000);
    expect((created.outs as unknown as GroupMembersOutputs).declaredMembers).toHaveLength(1000);
  });

  it("creates 2,500 members in three calls of at most 1,000, and an empty list in none", async () => {
    const groupId = await manualGroup("gms-chunks");
    ces().resetStats();
    await create("groupMembers", { groupId, members: many(2500, "c") });
    expect(calls(ADD)).toBe(3);
    expect(new Set(await listed(groupId)).size).toBe(2500);

    const empty = await manualGroup("gms-empty");
    ces().resetStats();
    const none = await create("groupMembers", { groupId: empty, members: [] });
    expect(ces().stats().writes).toBe(0);
    expect((await handlers.groupMembers.read(none.id, none.outs)).props).toEqual(none.outs);
  });

  it("refuses a TAG group with a clear error, writing nothing", async () => {
    const tag = await create("resourceGroup", { name: "gms-tag", type: "TAG", tags: [{ key: "env" }] });
    ces().resetStats();
    await expect(create("groupMembers", { groupId: tag.id, members: [ecs("t")] })).rejects.toThrow(
      /groupId: a GroupMembers can only be added to a Manual group, but 'gms-tag' .* is TAG/,
    );
    expect(ces().stats().writes).toBe(0);
  });

  it("updates only the difference: 10 of 1,000 changed cost one add and one remove", async () => {
    const groupId = await manualGroup("gms-update");
    const before = many(1000, "u");
    const created = await create("groupMembers", { groupId, members: before });
    // Ten removed, ten added, and the rest in another order: a group emptied and refilled in the
    // declared order would list them in that order.
    const after = [...many(10, "new"), ...before.slice(10).reverse()];
    ces().resetStats();
    const outs = await update("groupMembers", created.id, created.outs, { groupId, members: after });
    expect(calls(ADD)).toBe(1);
    expect(calls(REMOVE)).toBe(1);
    expect(ces().stats().total).toBe(2);
    expect(await listed(groupId)).toEqual([...before.slice(10).map(idOf), ...many(10, "new").map(idOf)]);
    expect(outs.declaredMembers).toEqual(after);

    // The same members in yet another order: no change at all.
    const reordered = await checked("groupMembers", { groupId, members: [...after].reverse() });
    expect(await handlers.groupMembers.diff(created.id, outs, reordered)).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it("adds before it removes: a failed removal leaves the old and the new members, and says so", async () => {
    process.env.RESOURCEGROUPS_MAX_RETRIES = "0";
    resetSettings();
    const groupId = await manualGroup("gms-adds-first");
    const created = await create("groupMembers", { groupId, members: many(20, "a") });
    const news = await checked("groupMembers", { groupId, members: [...many(15, "a", 5), ...many(5, "b")] });
    ces().resetStats();
    const [result] = await Promise.allSettled([
      handlers.groupMembers.update(created.id, created.outs, news),
      failWhenItArrives(REMOVE),
    ]);
    ces().setFaults({});
    expect(result.status).toBe("rejected");
    const error = (result as PromiseRejectedResult).reason as PartialUpdateError;
    expect(error).toBeInstanceOf(PartialUpdateError);
    expect(error.message).toMatch(
      /^added 5 of 5 and removed 0 of 5 members before this failed: remove 5 members/,
    );
    expect(error.message).toMatch(/HTTP 500/);
    // The state the engine records is what the group holds: the old members and the new ones.
    const holds = error.properties as unknown as GroupMembersOutputs;
    expect(holds.members.map(idOf).sort()).toEqual((await listed(groupId)).sort());
    expect(holds.members).toHaveLength(25);

    // The next update finishes the work from there.
    ces().resetStats();
    await update("groupMembers", created.id, holds as never, news);
    expect(calls(ADD)).toBe(0);
    expect(calls(REMOVE)).toBe(1);
    expect((await listed(groupId)).sort()).toEqual((news.members as Member[]).map(idOf).sort());
  });

  it("refreshes from one paged listing: members added outside are drift the next update removes", async () => {
    const groupId = await manualGroup("gms-refresh");
    const created = await create("groupMembers", { groupId, members: many(1000, "r") });
    await addOutside(groupId, [ecs("outside-1"), ecs("outside-2")]);
    await emulator().api("POST", `/${groupId}/resources/batch-delete`, { resources: [ecs("r-7")] });
    resetSettings();
    ces().resetStats();
    const read = await handlers.groupMembers.read(created.id, created.outs);
    // 1,001 members in one namespace: eleven pages of 100.
    expect(calls(LIST)).toBe(11);
    expect(ces().stats().total).toBe(11);
    const props = read.props as GroupMembersOutputs;
    expect(read.id).toBe(groupId);
    expect(props.members).toHaveLength(1001);
    expect(props.members.slice(-2).map(idOf)).toEqual(["outside-1", "outside-2"]);
    expect(props.members.map(idOf)).not.toContain("r-7");
    expect(props.declaredMembers).toHaveLength(1000);

    const declared = await checked("groupMembers", { groupId, members: many(1000, "r") });
    expect((await handlers.groupMembers.diff(groupId, props, declared)).changes).toBe(true);
    ces().resetStats();
    await handlers.groupMembers.update(groupId, props, declared);
    expect(calls(ADD)).toBe(1);
    expect(calls(REMOVE)).toBe(1);
    const now = await listed(groupId);
    expect(now).toHaveLength(1000);
    expect(now).toContain("r-7");
    expect(now).not.toContain("outside-1");
  });

  it("reads a deleted group as gone", async () => {
    const groupId = await manualGroup("gms-gone");
    const created = await create("groupMembers", { groupId, members: many(3, "g") });
    await emulator().api("POST", "/batch-delete", { group_ids: [groupId] });
    expect(await handlers.groupMembers.read(created.id, created.outs)).toEqual({ id: "", props: {} });
    const empty = await manualGroup("gms-gone-empty");
    const none = await create("groupMembers", { groupId: empty, members: [] });
    await emulator().api("POST", "/batch-delete", { group_ids: [empty] });
    expect(await handlers.groupMembers.read(none.id, none.outs)).toEqual({ id: "", props: {} });
  });

  it("deletes exactly the members it declared, in calls of at most 1,000", async () => {
    const groupId = await manualGroup("gms-delete");
    const created = await create("groupMembers", { groupId, members: many(2100, "d") });
    await addOutside(groupId, [ecs("kept-outside")]);
    // Refreshed first, so the state holds the member added outside too.
    const refreshed = await handlers.groupMembers.read(created.id, created.outs);
    ces().resetStats();
    forgetMemberClaims(); // deleted by a later run, which declares none of them
    await handlers.groupMembers.delete(groupId, refreshed.props);
    expect(calls(REMOVE)).toBe(3);
    expect(await listed(groupId)).toEqual(["kept-outside"]);
    // Again, or once the group is gone: nothing to do, no error.
    await handlers.groupMembers.delete(groupId, refreshed.props);
    await emulator().api("POST", "/batch-delete", { group_ids: [groupId] });
    await handlers.groupMembers.delete(groupId, refreshed.props);
  });

  it("converges when the answer to a batch is lost after it committed, with no duplicate", async () => {
    const groupId = await manualGroup("gms-dropped");
    ces().resetStats();
    ces().setFaults({ dropNext: 1 });
    const created: Created = await create("groupMembers", { groupId, members: many(1500, "x") });
    expect(ces().stats().dropped).toBe(1);
    // The first batch went twice (its answer was lost), the second once.
    expect(calls(ADD)).toBe(3);
    const ids = await listed(groupId);
    expect(ids).toHaveLength(1500);
    expect(new Set(ids).size).toBe(1500);
    expect((await handlers.groupMembers.read(created.id, created.outs)).props).toEqual(created.outs);
  });

  it("fails a create whose second batch fails, keeping in the stack the members written", async () => {
    process.env.RESOURCEGROUPS_MAX_RETRIES = "0";
    resetSettings();
    const groupId = await manualGroup("gms-half");
    const inputs = await checked("groupMembers", { groupId, members: many(2500, "h") });
    ces().resetStats();
    const [result] = await Promise.allSettled([
      handlers.groupMembers.create(inputs),
      failWhenItArrives(ADD, 2),
    ]);
    ces().setFaults({});
    const error = (result as PromiseRejectedResult).reason as PartialCreateError;
    expect(error).toBeInstanceOf(PartialCreateError);
    expect(error.id).toBe(groupId);
    expect(error.message).toMatch(
      new RegExp(
        `^added 1000 of 2500 members before this failed: add 1000 members to resource group ${groupId}.*HTTP 500`,
      ),
    );
    const holds = error.properties as unknown as GroupMembersOutputs;
    expect(holds.members).toHaveLength(1000);
    expect(holds.declaredMembers).toHaveLength(2500);
    expect(await listed(groupId)).toEqual(holds.members.map(idOf));

    // The next update adds the rest, in two calls.
    ces().resetStats();
    await handlers.groupMembers.update(error.id, holds, inputs);
    expect(calls(ADD)).toBe(2);
    expect(await listed(groupId)).toHaveLength(2500);
  });

  it("fails a create whose only batch fails with the API's error, recording nothing", async () => {
    process.env.RESOURCEGROUPS_MAX_RETRIES = "0";
    resetSettings();
    const groupId = await manualGroup("gms-fail");
    ces().setFaults({ failNext: 1, failNextStatus: 500 });
    const attempt = create("groupMembers", { groupId, members: many(3, "f") });
    await expect(attempt).rejects.toThrow(ServerError);
    await expect(attempt).rejects.toThrow(
      /add 3 members to resource group rg\w+ failed: the CES API at \S+ answered HTTP 500/,
    );
    expect(await listed(groupId)).toEqual([]);
  });

  it("keeps the members a renamed GroupMembers declares when the old one is deleted in the same run", async () => {
    const groupId = await manualGroup("gms-renamed");
    const old = await create("groupMembers", { groupId, members: many(5, "r") });
    forgetMemberClaims();
    // The run that renames it: the engine creates the new resource, then deletes the old one.
    await create("groupMembers", { groupId, members: [...many(4, "r"), ecs("new")] });
    ces().resetStats();
    await handlers.groupMembers.delete(old.id, old.outs);
    expect(calls(REMOVE)).toBe(1);
    expect((await listed(groupId)).sort()).toEqual(["new", "r-0", "r-1", "r-2", "r-3"]);
  });
});

/**
 * strongly.GroupMembers against the emulator: the calls each step costs (counted by the Strongly
 * dialect), the difference-only update, refresh in one read, drift, delete of its own members only,
 * lost answers and a create that fails half-way.
 */
import { PartialCreateError, PartialUpdateError } from "../../provider/core/errors";
import { PermissionDeniedError } from "../../provider/core/http/errors";
import { forgetMemberClaims } from "../../provider/core/memberClaims";
import { handlers, resetSettings } from "../../provider/runtime";
import type { StronglyGroupMembersOutputs } from "../../provider/vendors/strongly/handlers/groupMembers";
import { create, update } from "../support/engine";
import { startTestEmulator, useEmulatorSettings, type TestEmulator } from "../support/emulator";
import { STRONGLY_BASE, StronglyClient, resetStrongly, type StronglyMember } from "../support/strongly";

const READ_ONLY_KEY = "sk-read-only-members";
const handler = handlers.stronglyGroupMembers;
const ROUTES = {
  read: `GET ${STRONGLY_BASE}/{id}`,
  add: `POST ${STRONGLY_BASE}/{id}/resources`,
  remove: `DELETE ${STRONGLY_BASE}/{id}/resources/{subId}`,
};

let env: TestEmulator;
let api: StronglyClient;

const dialect = () => env.emulator.dialect("strongly");
const calls = (route: string) => dialect().stats().byRoute[route] ?? 0;
const workflow = (i: number, name = `flow ${i}`) => ({ type: "workflow", resourceId: `wf_${i}`, name });
const workflows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => workflow(from + i));

async function held(groupId: string): Promise<string[]> {
  const members: StronglyMember[] = (await api.show(groupId)).json.resources;
  return members.map((m) => `${m.resourceId}=${m.name}`).sort();
}
const named = (members: { resourceId: string; name: string }[]) =>
  members.map((m) => `${m.resourceId}=${m.name}`).sort();

beforeAll(async () => {
  env = await startTestEmulator({ readOnlyTokens: { strongly: READ_ONLY_KEY } });
  api = new StronglyClient(env.emulator);
});
afterAll(() => env.stop());
beforeEach(async () => {
  useEmulatorSettings(env.emulator);
  resetSettings();
  dialect().setFaults({});
  await resetStrongly(env.emulator);
});

describe("strongly.GroupMembers", () => {
  it("refuses bad members in check, naming the path, before any call", async () => {
    dialect().resetStats();
    const groupId = "rg_" + "a".repeat(16);
    const members = [workflow(1), { type: "robot", resourceId: "x", name: "n" }, workflow(1, "again")];
    const result = await handler.check({}, { groupId, members });
    expect(result.failures?.map((f) => f.property)).toEqual(["members", "members"]);
    expect(result.failures?.[0]?.reason).toMatch(/^members\[1\]\.type: /);
    expect(result.failures?.[1]?.reason).toMatch(/^members\[2\] repeats members\[0\] \(workflow\/wf_1\)/);
    const tooMany = await handler.check({}, { groupId, members: workflows(0, 501) });
    expect(tooMany.failures?.map((f) => f.reason)).toEqual([
      expect.stringMatching(/members: a group holds at most 500 members/),
    ]);
    expect(dialect().stats().total).toBe(0);
  });

  it("adds 50 members with one call each, refreshes with one read, and changes only the difference", async () => {
    const groupId = await api.createOk("gms-costs");
    dialect().resetStats();
    const created = await create("stronglyGroupMembers", { groupId, members: workflows(0, 50) });
    expect(created.id).toBe(groupId);
    expect(calls(ROUTES.add)).toBe(50);
    expect(dialect().stats().writes).toBe(50);
    expect(await held(groupId)).toEqual(named(workflows(0, 50)));

    forgetMemberClaims();
    resetSettings(); // a new run: nothing read yet
    dialect().resetStats();
    const refreshed = await handler.read(groupId, created.outs);
    expect(dialect().stats().total).toBe(1);
    expect(calls(ROUTES.read)).toBe(1);
    expect(named((refreshed.props as StronglyGroupMembersOutputs).members)).toEqual(named(workflows(0, 50)));

    // One added, one removed, one renamed: 1 + 1 + 2 writes, the 47 others untouched.
    const next = [...workflows(1, 48), workflow(49, "renamed flow"), workflow(100)];
    dialect().resetStats();
    const outs = await update(
      "stronglyGroupMembers",
      groupId,
      refreshed.props as StronglyGroupMembersOutputs & Record<string, unknown>,
      {
        groupId,
        members: next,
      },
    );
    expect(dialect().stats().writes).toBe(4);
    expect(calls(ROUTES.add)).toBe(2);
    expect(calls(ROUTES.remove)).toBe(2);
    expect(await held(groupId)).toEqual(named(next));
    expect(named(outs.declaredMembers as StronglyMember[])).toEqual(named(next));

    // The same list in another order is no change.
    const diff = await handler.diff(groupId, outs, { groupId, members: [...next].reverse() });
    expect(diff.changes).toBe(false);
  });

  it("shows members added outside as drift, and the next update removes them", async () => {
    const groupId = await api.createOk("gms-drift");
    const created = await create("stronglyGroupMembers", { groupId, members: workflows(0, 3) });
    await api.addMember(groupId, { type: "app", resourceId: "app_1", name: "outsider" });
    resetSettings();
    const refreshed = (await handler.read(groupId, created.outs)).props as StronglyGroupMembersOutputs;
    expect(refreshed.members.map((m) => m.resourceId)).toEqual(["wf_0", "wf_1", "wf_2", "app_1"]);
    const diff = await handler.diff(groupId, refreshed, { groupId, members: workflows(0, 3) });
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    dialect().resetStats();
    await update("stronglyGroupMembers", groupId, { ...refreshed }, { groupId, members: workflows(0, 3) });
    expect(dialect().stats().writes).toBe(1);
    expect(await held(groupId)).toEqual(named(workflows(0, 3)));
  });

  it("converges when the answer to an add is lost after it committed, with no duplicate", async () => {
    const groupId = await api.createOk("gms-lost");
    dialect().setFaults({ dropNext: 1 });
    await create("stronglyGroupMembers", { groupId, members: workflows(0, 5) });
    expect(await held(groupId)).toEqual(named(workflows(0, 5)));
  });

  it("fails a create that reaches the group's limit half-way, keeping in the stack the members written", async () => {
    const groupId = await api.createOk("gms-limit");
    for (let i = 0; i < 495; i++) {
      await api.addMember(groupId, { type: "app", resourceId: `app_${i}`, name: `app ${i}` });
    }
    process.env.RESOURCEGROUPS_MAX_RETRIES = "0";
    resetSettings();
    const attempt = create("stronglyGroupMembers", { groupId, members: workflows(0, 10) });
    await expect(attempt).rejects.toThrow(PartialCreateError);
    const error = (await attempt.catch((e: unknown) => e)) as PartialCreateError;
    expect(error.message).toMatch(/added 5 of 10 members before this failed: .*limit/);
    const kept = error.properties as unknown as StronglyGroupMembersOutputs;
    expect(kept.members).toHaveLength(5);
    expect(named(kept.declaredMembers ?? [])).toEqual(named(workflows(0, 10)));
    const inGroup = (await held(groupId)).filter((m) => m.startsWith("wf_"));
    expect(inGroup).toEqual(named(kept.members));
    delete process.env.RESOURCEGROUPS_MAX_RETRIES;
  });

  it("swaps members of a full group (500) without passing the limit, never emptying it", async () => {
    const groupId = await api.createOk("gms-full");
    const created = await create("stronglyGroupMembers", { groupId, members: workflows(0, 500) });
    // Ten swapped: each add needs the room a removal makes, so they take turns, a few at a time.
    const next = workflows(10, 500);
    dialect().resetStats();
    let fewest = 500;
    const watch = setInterval(() => {
      void api.show(groupId).then((r) => (fewest = Math.min(fewest, r.json.resources.length)));
    }, 5);
    try {
      await update("stronglyGroupMembers", groupId, { ...created.outs }, { groupId, members: next });
    } finally {
      clearInterval(watch);
    }
    expect(calls(ROUTES.add)).toBe(10);
    expect(calls(ROUTES.remove)).toBe(10);
    expect(await held(groupId)).toEqual(named(next));
    expect(fewest).toBeGreaterThan(480);
  });

  it("fails an update half-way with a state that is what the group holds, and the next update finishes", async () => {
    const groupId = await api.createOk("gms-half-update");
    const created = await create("stronglyGroupMembers", { groupId, members: workflows(0, 3) });
    // Filled outside since the last refresh: room for two more only.
    for (let i = 0; i < 495; i++) {
      await api.addMember(groupId, { type: "app", resourceId: `app_${i}`, name: `app ${i}` });
    }
    process.env.RESOURCEGROUPS_MAX_RETRIES = "0";
    resetSettings();
    const next = [...workflows(1, 2), ...workflows(10, 5)];
    const attempt = update("stronglyGroupMembers", groupId, { ...created.outs }, { groupId, members: next });
    const error = (await attempt.catch((e: unknown) => e)) as PartialUpdateError;
    expect(error).toBeInstanceOf(PartialUpdateError);
    expect(error.message).toMatch(
      /added 2 of 5, renamed 0 of 0 and removed 0 of 1 members before this failed/,
    );
    const kept = error.properties as unknown as StronglyGroupMembersOutputs;
    const inGroup = (await held(groupId)).filter((m) => m.startsWith("wf_"));
    expect(named(kept.members)).toEqual(inGroup);
    expect(named(kept.declaredMembers ?? [])).toEqual(named([...next, workflow(0)]));

    // Room made outside; the next update starts from the recorded state and writes only what is left.
    for (let i = 0; i < 10; i++) await api.removeMember(groupId, `app_${i}`, "app");
    dialect().resetStats();
    await update("stronglyGroupMembers", groupId, { ...kept }, { groupId, members: next });
    expect(calls(ROUTES.add)).toBe(3);
    expect(calls(ROUTES.remove)).toBe(1);
    expect((await held(groupId)).filter((m) => m.startsWith("wf_"))).toEqual(named(next));
    delete process.env.RESOURCEGROUPS_MAX_RETRIES;
  });

  it("fails with the API's error and records nothing when the first write is refused", async () => {
    const groupId = await api.createOk("gms-read-only");
    useEmulatorSettings(env.emulator, { RESOURCEGROUPS_STRONGLY_API_KEY: READ_ONLY_KEY });
    resetSettings();
    await expect(create("stronglyGroupMembers", { groupId, members: workflows(0, 3) })).rejects.toThrow(
      PermissionDeniedError,
    );
    expect(await held(groupId)).toEqual([]);
  });

  it("deletes exactly the members it declared, and keeps those a renamed successor declares", async () => {
    const groupId = await api.createOk("gms-delete");
    const created = await create("stronglyGroupMembers", { groupId, members: workflows(0, 4) });
    await api.addMember(groupId, { type: "app", resourceId: "app_kept", name: "kept" });

    // The run that renames it: the engine creates the new resource, then deletes the old one.
    forgetMemberClaims();
    await create("stronglyGroupMembers", { groupId, members: workflows(0, 3) });
    dialect().resetStats();
    await handler.delete(groupId, created.outs);
    expect(dialect().stats().writes).toBe(1);
    expect(await held(groupId)).toEqual([...named(workflows(0, 3)), "app_kept=kept"].sort());

    // A later run deletes the successor: only its own go; again, or with the group gone, is no error.
    forgetMemberClaims();
    await handler.delete(groupId, { groupId, members: workflows(0, 3) });
    expect(await held(groupId)).toEqual(["app_kept=kept"]);
    await handler.delete(groupId, { groupId, members: workflows(0, 3) });
    await api.remove(groupId);
    await handler.delete(groupId, { groupId, members: workflows(0, 3) });
    expect(await handler.read(groupId, { groupId, members: [] })).toEqual({ id: "", props: {} });
  });
});

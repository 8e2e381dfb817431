/** The Strongly GroupMember handler against the real emulator over HTTP, with the emulator's counters. */
import { BadRequestError, NotFoundError, PermissionDeniedError } from "../../provider/core/http/errors";
import { handlers, resetSettings } from "../../provider/runtime";
import { MemberRestoreError } from "../../provider/vendors/strongly/handlers/groupMember";
import { create, update } from "../support/engine";
import { startTestEmulator, useEmulatorSettings, type TestEmulator } from "../support/emulator";
import { STRONGLY_BASE, StronglyClient, resetStrongly, type StronglyMember } from "../support/strongly";

const READ_ONLY_KEY = "sk-read-only";
const handler = handlers.stronglyGroupMember;
const GROUP_READ = `GET ${STRONGLY_BASE}/{id}`;

let env: TestEmulator;
let api: StronglyClient;

function useStronglySettings(overrides: Record<string, string> = {}): void {
  useEmulatorSettings(env.emulator, overrides);
  resetSettings();
}

const dialect = () => env.emulator.dialect("strongly");

beforeAll(async () => {
  env = await startTestEmulator({ readOnlyTokens: { strongly: READ_ONLY_KEY } });
  api = new StronglyClient(env.emulator);
});
afterAll(() => env.stop());
beforeEach(async () => {
  useStronglySettings();
  dialect().setFaults({});
  await resetStrongly(env.emulator);
});

async function membersOf(groupId: string): Promise<StronglyMember[]> {
  return (await api.show(groupId)).json.resources;
}

const spec = (groupId: string, resourceId = "wf_001", name = "ingest-pipeline", type = "workflow") => ({
  groupId,
  type,
  resourceId,
  name,
});

describe("strongly GroupMember lifecycle", () => {
  it("adds, renames in place and removes a member", async () => {
    const groupId = await api.createOk("costs");
    const created = await create("stronglyGroupMember", spec(groupId));
    expect(created.id).toBe(`${groupId}/workflow/wf_001`);
    expect(created.outs).toEqual(spec(groupId));
    expect(await membersOf(groupId)).toEqual([
      { type: "workflow", resourceId: "wf_001", name: "ingest-pipeline" },
    ]);

    const outs = await update(
      "stronglyGroupMember",
      created.id,
      created.outs,
      spec(groupId, "wf_001", "renamed"),
    );
    expect(outs).toEqual(spec(groupId, "wf_001", "renamed"));
    expect(await membersOf(groupId)).toEqual([{ type: "workflow", resourceId: "wf_001", name: "renamed" }]);

    await handler.delete(created.id, outs);
    expect(await membersOf(groupId)).toEqual([]);
    // Removing what is already gone succeeds, and so does removing from a group that is gone.
    await handler.delete(created.id, outs);
    await api.remove(groupId);
    await handler.delete(created.id, outs);
  });

  it("keeps members of the same resource id under different types apart", async () => {
    const groupId = await api.createOk("types");
    await create("stronglyGroupMember", spec(groupId, "shared", "as app", "app"));
    const addon = await create("stronglyGroupMember", spec(groupId, "shared", "as addon", "addon"));
    await handler.delete(addon.id, addon.outs);
    expect(await membersOf(groupId)).toEqual([{ type: "app", resourceId: "shared", name: "as app" }]);
  });
});

describe("strongly GroupMember drift", () => {
  it("drops a member removed outside, and a member of a group deleted outside", async () => {
    const groupId = await api.createOk("drift");
    const kept = await create("stronglyGroupMember", spec(groupId, "kept"));
    const removed = await create("stronglyGroupMember", spec(groupId, "removed"));
    await api.removeMember(groupId, "removed", "workflow");
    expect(await handler.read(removed.id, removed.outs)).toEqual({ id: "", props: {} });
    expect((await handler.read(kept.id, kept.outs)).id).toBe(kept.id);
    await api.remove(groupId);
    resetSettings();
    expect(await handler.read(kept.id, kept.outs)).toEqual({ id: "", props: {} });
  });

  it("shows a name changed outside, and the next update restores it", async () => {
    const groupId = await api.createOk("renamed outside");
    const created = await create("stronglyGroupMember", spec(groupId));
    await api.removeMember(groupId, "wf_001", "workflow");
    await api.addMember(groupId, { type: "workflow", resourceId: "wf_001", name: "outside" });
    const read = await handler.read(created.id, created.outs);
    expect(read.props).toMatchObject({ name: "outside" });
    expect(await handler.diff(created.id, read.props, spec(groupId))).toEqual({
      changes: true,
      replaces: [],
    });
    await update("stronglyGroupMember", created.id, read.props as Record<string, unknown>, spec(groupId));
    expect(await membersOf(groupId)).toEqual([
      { type: "workflow", resourceId: "wf_001", name: "ingest-pipeline" },
    ]);
  });
});

describe("strongly GroupMember lost answers", () => {
  it("treats the 409 resource-exists met by a retry after a lost add as success", async () => {
    const groupId = await api.createOk("lost add");
    dialect().setFaults({ dropNext: 1 });
    dialect().resetStats();
    const created = await create("stronglyGroupMember", spec(groupId));
    expect(created.outs).toEqual(spec(groupId));
    expect(dialect().stats().dropped).toBe(1);
    expect(dialect().stats().byRoute[`POST ${STRONGLY_BASE}/{id}/resources`]).toBe(2);
    expect(await membersOf(groupId)).toEqual([
      { type: "workflow", resourceId: "wf_001", name: "ingest-pipeline" },
    ]);
  });

  it("takes over a member already in the group, renaming it to the declared name", async () => {
    const groupId = await api.createOk("present");
    await api.addMember(groupId, { type: "app", resourceId: "a1", name: "same" });
    await api.addMember(groupId, { type: "app", resourceId: "a2", name: "other name" });
    expect((await create("stronglyGroupMember", spec(groupId, "a1", "same", "app"))).outs).toMatchObject({
      name: "same",
    });
    expect((await create("stronglyGroupMember", spec(groupId, "a2", "declared", "app"))).outs).toMatchObject({
      name: "declared",
    });
    expect(await membersOf(groupId)).toEqual([
      { type: "app", resourceId: "a1", name: "same" },
      { type: "app", resourceId: "a2", name: "declared" },
    ]);
  });

  it("keeps a rename safe when the remove's answer is lost", async () => {
    const groupId = await api.createOk("lost remove");
    const created = await create("stronglyGroupMember", spec(groupId));
    dialect().setFaults({ dropNext: 1 });
    await update("stronglyGroupMember", created.id, created.outs, spec(groupId, "wf_001", "new name"));
    expect(await membersOf(groupId)).toEqual([{ type: "workflow", resourceId: "wf_001", name: "new name" }]);
  });
});

describe("strongly GroupMember rename safety", () => {
  it("puts the member back under its old name when adding it under the new one fails", async () => {
    const groupId = await api.createOk("rollback");
    const created = await create("stronglyGroupMember", spec(groupId));
    // Called without check(), so the API itself refuses the name after the member was removed.
    const attempt = handler.update(created.id, created.outs, { ...created.outs, name: "" });
    await expect(attempt).rejects.toThrow(BadRequestError);
    await expect(attempt).rejects.toThrow(/validation-error/);
    expect(await membersOf(groupId)).toEqual([
      { type: "workflow", resourceId: "wf_001", name: "ingest-pipeline" },
    ]);
  });

  it("says the member is missing when putting it back fails too", async () => {
    const groupId = await api.createOk("restore fails");
    const created = await create("stronglyGroupMember", spec(groupId));
    const attempt = handler.update(created.id, { ...created.outs, name: "" }, { ...created.outs, name: "" });
    await expect(attempt).rejects.toThrow(MemberRestoreError);
    await expect(attempt).rejects.toThrow(/not in the group now; run `pulumi up` again/);
    expect(await handler.read(created.id, created.outs)).toEqual({ id: "", props: {} });
  });
});

describe("strongly GroupMember refresh cost", () => {
  it("reads a group of 500 members once for the group and all its members", async () => {
    const group = await create("stronglyResourceGroup", { name: "large" });
    const members: { id: string; props: ReturnType<typeof spec> }[] = [];
    for (let i = 0; i < 500; i++) {
      await api.addMember(group.id, { type: "app", resourceId: `app-${i}`, name: `app ${i}` });
      members.push({ id: `${group.id}/app/app-${i}`, props: spec(group.id, `app-${i}`, `app ${i}`, "app") });
    }
    resetSettings();
    dialect().resetStats();
    const [groupRead, ...memberReads] = await Promise.all([
      handlers.stronglyResourceGroup.read(group.id, group.outs),
      ...members.map((m) => handler.read(m.id, m.props)),
    ]);
    expect(groupRead?.id).toBe(group.id);
    expect(memberReads.every((r, i) => r.id === members[i]?.id)).toBe(true);
    // Members read later in the same run reuse it too.
    await handler.read(members[0]!.id, members[0]!.props);
    expect(dialect().stats().byRoute).toEqual({ [GROUP_READ]: 1 });

    // A write through the provider makes the next read fetch the group again.
    await handler.delete(members[1]!.id, members[1]!.props);
    expect((await handler.read(members[1]!.id, members[1]!.props)).id).toBe("");
    expect(dialect().stats().byRoute[GROUP_READ]).toBe(2);
  });
});

describe("strongly GroupMember errors", () => {
  it("names the missing scope when the key may only read", async () => {
    const groupId = await api.createOk("guarded");
    useStronglySettings({ RESOURCEGROUPS_STRONGLY_API_KEY: READ_ONLY_KEY });
    const attempt = create("stronglyGroupMember", spec(groupId));
    await expect(attempt).rejects.toThrow(PermissionDeniedError);
    await expect(attempt).rejects.toThrow(/lacks the scope finops:write/);
  });

  it("reports an unknown group", async () => {
    await expect(create("stronglyGroupMember", spec("rg_0000000000000000"))).rejects.toThrow(NotFoundError);
  });

  it("reports a full group", async () => {
    const groupId = await api.createOk("full");
    for (let i = 0; i < 500; i++)
      await api.addMember(groupId, { type: "addon", resourceId: `x${i}`, name: "x" });
    const attempt = create("stronglyGroupMember", spec(groupId, "one-more"));
    await expect(attempt).rejects.toThrow(BadRequestError);
    await expect(attempt).rejects.toThrow(/limit-exceeded/);
  });
});

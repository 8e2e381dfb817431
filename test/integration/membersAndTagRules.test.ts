import { handlers, resetSettings } from "../../provider/runtime";
import { create, update } from "../support/engine";
import { useEmulatorForProvider, type WireGroup } from "../support/emulator";

const emulator = useEmulatorForProvider(resetSettings);

const tagsOf = async (id: string) => (await emulator().api<WireGroup>("GET", `/${id}`)).body.tags;
const ecs = (id: string) => ({ namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: id }] });

describe("GroupMember", () => {
  it("adds, reads and removes a member of a Manual group", async () => {
    const group = await create("resourceGroup", { name: "members-a" });
    const member = await create("groupMember", { groupId: group.id, ...ecs("i-1") });
    expect(member.id).toBe(`${group.id}/SYS.ECS:instance_id=i-1`);
    expect(await handlers.groupMember.read(member.id, member.outs)).toEqual({
      id: member.id,
      props: member.outs,
    });

    await handlers.groupMember.delete(member.id, member.outs);
    expect(await handlers.groupMember.read(member.id, member.outs)).toEqual({ id: "", props: {} });
    // Removing it again, or from a group that is gone, is not an error.
    await handlers.groupMember.delete(member.id, member.outs);
    await handlers.resourceGroup.delete(group.id, group.outs);
    await handlers.groupMember.delete(member.id, member.outs);
  });

  it("notices a member removed outside Pulumi", async () => {
    const group = await create("resourceGroup", { name: "members-b" });
    const member = await create("groupMember", { groupId: group.id, ...ecs("i-2") });
    await emulator().api("POST", `/${group.id}/resources/batch-delete`, { resources: [ecs("i-2")] });
    expect((await handlers.groupMember.read(member.id, member.outs)).id).toBe("");
  });

  it("finds a member whatever the order of its dimensions", async () => {
    const group = await create("resourceGroup", { name: "members-c" });
    const dims = [
      { name: "a", value: "1" },
      { name: "b", value: "2" },
    ];
    const member = await create("groupMember", { groupId: group.id, namespace: "SYS.RDS", dimensions: dims });
    const reordered = { ...member.outs, dimensions: [...dims].reverse() };
    expect((await handlers.groupMember.read(member.id, reordered)).id).toBe(member.id);
  });

  it("refuses a TAG group and a missing group with a clear error", async () => {
    const tagGroup = await create("resourceGroup", {
      name: "members-tag",
      type: "TAG",
      tags: [{ key: "env" }],
    });
    await expect(create("groupMember", { groupId: tagGroup.id, ...ecs("i-3") })).rejects.toThrow(
      /groupId: a GroupMember can only be added to a Manual group, but 'members-tag' .* is TAG/,
    );
    await expect(create("groupMember", { groupId: "rg" + "0".repeat(22), ...ecs("i-3") })).rejects.toThrow(
      /resource group rg0+ does not exist/,
    );
  });
});

describe("TagRule", () => {
  it("adds its tag next to the group's own and removes only its own", async () => {
    const group = await create("resourceGroup", {
      name: "rules-a",
      type: "TAG",
      tags: [{ key: "env", value: "prod" }],
    });
    const rule = await create("tagRule", { groupId: group.id, key: "team", value: "web" });
    expect(await tagsOf(group.id)).toEqual([
      { key: "env", value: "prod" },
      { key: "team", value: "web" },
    ]);

    // The group changing its own tags keeps the rule's tag.
    const groupOuts = await update("resourceGroup", group.id, group.outs, {
      name: "rules-a",
      type: "TAG",
      tags: [{ key: "env", value: "dev" }],
    });
    expect(await tagsOf(group.id)).toEqual([
      { key: "team", value: "web" },
      { key: "env", value: "dev" },
    ]);
    // Reading the group does not claim the rule's tag, so it never shows as drift.
    expect((await handlers.resourceGroup.read(group.id, groupOuts)).props).toMatchObject({
      tags: [{ key: "env", value: "dev" }],
    });

    await handlers.tagRule.delete(rule.id, rule.outs);
    expect(await tagsOf(group.id)).toEqual([{ key: "env", value: "dev" }]);
  });

  it("changes its tag in place", async () => {
    const group = await create("resourceGroup", { name: "rules-b", type: "TAG", tags: [{ key: "env" }] });
    const rule = await create("tagRule", { groupId: group.id, key: "team", value: "a" });
    await update("tagRule", rule.id, rule.outs, { groupId: group.id, key: "team", value: "b" });
    expect(await tagsOf(group.id)).toEqual([
      { key: "env", value: "" },
      { key: "team", value: "b" },
    ]);
  });

  it("keeps every tag when many rules are created in parallel", async () => {
    const group = await create("resourceGroup", {
      name: "rules-parallel",
      type: "TAG",
      tags: [{ key: "env" }],
    });
    const rules = Array.from({ length: 9 }, (_, i) => ({ groupId: group.id, key: `k${i}`, value: `v${i}` }));
    await Promise.all(rules.map((r) => create("tagRule", r)));
    const tags = await tagsOf(group.id);
    expect(tags).toHaveLength(10);
    for (const r of rules) expect(tags).toContainEqual({ key: r.key, value: r.value });
  });

  it("refuses an eleventh tag with a clear error and no write", async () => {
    const tags = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    const group = await create("resourceGroup", { name: "rules-full", type: "TAG", tags });
    emulator().emulator.resetStats();
    await expect(create("tagRule", { groupId: group.id, key: "one-more" })).rejects.toThrow(
      /already holds 10 tags, the CES limit is 10; tag one-more= cannot be added/,
    );
    expect(emulator().emulator.stats().writes).toBe(0);
  });

  it("refuses a Manual group and is dropped on refresh when its tag is removed outside", async () => {
    const manual = await create("resourceGroup", { name: "rules-manual" });
    await expect(create("tagRule", { groupId: manual.id, key: "env" })).rejects.toThrow(
      /a TagRule can only be added to a TAG group, but 'rules-manual' .* is Manual/,
    );
    const group = await create("resourceGroup", { name: "rules-c", type: "TAG", tags: [{ key: "env" }] });
    const rule = await create("tagRule", { groupId: group.id, key: "team", value: "x" });
    await emulator().api("PUT", `/${group.id}`, { group_name: "rules-c", tags: [{ key: "env", value: "" }] });
    expect((await handlers.tagRule.read(rule.id, rule.outs)).id).toBe("");
  });
});

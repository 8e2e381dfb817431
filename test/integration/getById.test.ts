/**
 * read() as a class's static get(name, id) drives it: the engine passes the id and no properties, so
 * each handler must find the object from the id alone, and name the kind, the id and the vendor when
 * there is none.
 */
import { handlers, resetSettings, type HandlerKind } from "../../provider/runtime";
import { GetTargetError } from "../../provider/core/readForGet";
import { create } from "../support/engine";
import { CLOUDFLARE_ACCOUNT, PROJECT, useEmulatorForProvider } from "../support/emulator";

const emulator = useEmulatorForProvider(resetSettings);

/** What the engine hands read() for a get: only the serialized provider. */
const GET_PROPS = { __provider: "(serialized provider)" };

const readForGet = (kind: HandlerKind, id: string) => handlers[kind].read(id, { ...GET_PROPS });

const ZONE_A = "a".repeat(32);
const ZONE_B = "b".repeat(32);

describe("get: every kind reads its object from the id alone", () => {
  it("CES ResourceGroup, GroupMember, GroupMembers and TagRule", async () => {
    const group = await create("resourceGroup", { name: "got-manual" });
    expect(await readForGet("resourceGroup", group.id)).toEqual({ id: group.id, props: group.outs });

    const member = await create("groupMember", {
      groupId: group.id,
      namespace: "SYS.ECS",
      dimensions: [{ name: "instance_id", value: "i-1,with-comma" }],
    });
    expect(await readForGet("groupMember", member.id)).toEqual({ id: member.id, props: member.outs });
    expect(await readForGet("groupMembers", `${group.id}/SYS.ECS,SYS.RDS`)).toEqual({
      id: group.id,
      props: {
        groupId: group.id,
        members: [{ namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-1,with-comma" }] }],
        declaredMembers: [],
      },
    });

    const tagged = await create("resourceGroup", {
      name: "got-tag",
      type: "TAG",
      tags: [{ key: "env", value: "prod" }],
    });
    const rule = await create("tagRule", { groupId: tagged.id, key: "team", value: "web" });
    expect(await readForGet("tagRule", rule.id)).toEqual({ id: rule.id, props: rule.outs });
    // A got group shows every tag it holds, the TagRule's too.
    const got = await readForGet("resourceGroup", tagged.id);
    expect(got.props).toMatchObject({
      tags: [
        { key: "env", value: "prod" },
        { key: "team", value: "web" },
      ],
      adopt: false,
    });
  });

  it("Cloudflare ResourceGroup, GroupMember and GroupMembers, in the configured account", async () => {
    const group = await create("cloudflareResourceGroup", { name: "got-edge", zones: [ZONE_A] });
    await create("cloudflareGroupMember", { groupId: group.id, zoneId: ZONE_B });
    expect(await readForGet("cloudflareResourceGroup", group.id)).toEqual({
      id: group.id,
      props: { ...group.outs, zones: [ZONE_A, ZONE_B] },
    });
    const member = `${group.id}/${ZONE_B}`;
    expect(await readForGet("cloudflareGroupMember", member)).toEqual({
      id: member,
      props: { accountId: CLOUDFLARE_ACCOUNT, groupId: group.id, zoneId: ZONE_B },
    });
    expect((await readForGet("cloudflareGroupMembers", group.id)).props).toEqual({
      accountId: CLOUDFLARE_ACCOUNT,
      groupId: group.id,
      zoneIds: [ZONE_A, ZONE_B],
      declaredZoneIds: [],
    });
  });

  it("Strongly ResourceGroup, GroupMember and GroupMembers", async () => {
    const group = await create("stronglyResourceGroup", { name: "got-ml", description: "Training" });
    expect(await readForGet("stronglyResourceGroup", group.id)).toEqual({
      id: group.id,
      props: { ...group.outs, updatedAt: expect.any(String) as unknown },
    });
    const member = await create("stronglyGroupMember", {
      groupId: group.id,
      type: "workflow",
      resourceId: "wf-train",
      name: "Trainer",
    });
    expect(await readForGet("stronglyGroupMember", member.id)).toEqual({ id: member.id, props: member.outs });
    expect((await readForGet("stronglyGroupMembers", group.id)).props).toEqual({
      groupId: group.id,
      members: [{ type: "workflow", resourceId: "wf-train", name: "Trainer" }],
      declaredMembers: [],
    });
  });

  it("ZopNight ResourceGroup, GroupMember and GroupMembers", async () => {
    const group = await create("zopnightResourceGroup", { name: "got-nightly" });
    expect(await readForGet("zopnightResourceGroup", group.id)).toEqual({ id: group.id, props: group.outs });
    const member = await create("zopnightGroupMember", {
      groupId: group.id,
      resource: "res_001",
      executionTier: "tier-2",
    });
    expect(await readForGet("zopnightGroupMember", member.id)).toEqual({ id: member.id, props: member.outs });
    // Named by its cloud UID: read as that spelling, under the member's canonical id.
    const uid = member.outs.resourceUID as string;
    expect(await readForGet("zopnightGroupMember", `${group.id}/${uid}`)).toEqual({
      id: member.id,
      props: { ...member.outs, resource: uid },
    });
    expect((await readForGet("zopnightGroupMembers", group.id)).props).toMatchObject({
      groupId: group.id,
      members: [{ resource: "res_001", resourceId: "res_001", executionTier: "tier-2", executionOrder: 1 }],
    });
  });
});

describe("get through a connection", () => {
  afterEach(() => {
    delete process.env.RESOURCEGROUPS_CONNECTIONS;
  });

  it("reads in the connection's project and records the connection for later refreshes", async () => {
    const other = "get-other-project";
    const made = await emulator().call<{ group_id: string }>(
      "POST",
      `/v2/${other}/resource-groups`,
      { group_name: "elsewhere", type: "Manual" },
      { "X-Auth-Token": emulator().emulator.tokens.ces },
    );
    const id = made.body.group_id;
    await expect(readForGet("resourceGroup", id)).rejects.toThrow(
      `CES holds no such object in project ${PROJECT}`,
    );
    process.env.RESOURCEGROUPS_CONNECTIONS = JSON.stringify({ other: { projectId: other } });
    const got = await handlers.resourceGroup.read(id, { ...GET_PROPS, connection: "other" });
    expect(got).toMatchObject({ id, props: { name: "elsewhere", connection: "other" } });
  });
});

describe("get: a missing object fails naming the kind, the id and the vendor", () => {
  const cases: [HandlerKind, string, string][] = [
    [
      "resourceGroup",
      "rg0000000000000000000000",
      `ces.ResourceGroup.get('rg0000000000000000000000'): CES holds no such object in project ${PROJECT}`,
    ],
    [
      "groupMember",
      "rg0000000000000000000000/SYS.ECS:instance_id=i-1",
      "ces.GroupMember.get('rg0000000000000000000000/SYS.ECS:instance_id=i-1'): CES holds no such object",
    ],
    [
      "tagRule",
      "rg0000000000000000000000/env=prod",
      "ces.TagRule.get('rg0000000000000000000000/env=prod'): CES holds no such object",
    ],
    [
      "groupMembers",
      "rg0000000000000000000000/SYS.ECS",
      "ces.GroupMembers.get('rg0000000000000000000000/SYS.ECS'): CES holds no such object",
    ],
    [
      "cloudflareResourceGroup",
      "f".repeat(32),
      `cloudflare.ResourceGroup.get('${"f".repeat(32)}'): Cloudflare holds no such object in account ${CLOUDFLARE_ACCOUNT}`,
    ],
    ["cloudflareGroupMember", `${"f".repeat(32)}/${ZONE_A}`, "cloudflare.GroupMember.get("],
    ["cloudflareGroupMembers", "f".repeat(32), "cloudflare.GroupMembers.get("],
    [
      "stronglyResourceGroup",
      "rg_0000000000000000",
      "strongly.ResourceGroup.get('rg_0000000000000000'): Strongly holds no such object",
    ],
    ["stronglyGroupMember", "rg_0000000000000000/workflow/wf-x", "strongly.GroupMember.get("],
    ["stronglyGroupMembers", "rg_0000000000000000", "strongly.GroupMembers.get("],
    [
      "zopnightResourceGroup",
      "grp_000000000000",
      "zopnight.ResourceGroup.get('grp_000000000000'): ZopNight holds no such object",
    ],
    ["zopnightGroupMember", "grp_000000000000/res_001", "zopnight.GroupMember.get("],
    ["zopnightGroupMembers", "grp_000000000000", "zopnight.GroupMembers.get("],
  ];
  it.each(cases)("%s %s", async (kind, id, message) => {
    const failure = readForGet(kind, id);
    await expect(failure).rejects.toThrow(GetTargetError);
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.toThrow("get() reads an existing object and creates none: check the id");
  });

  it("an id without the kind's parts says what the id is made of", async () => {
    await expect(readForGet("groupMember", "rg0000000000000000000000")).rejects.toThrow(
      "ces.GroupMember.get('rg0000000000000000000000'): not an id of a CES GroupMember; its id is <groupId>/<namespace>:",
    );
    await expect(readForGet("groupMembers", "rg0000000000000000000000")).rejects.toThrow(
      "its id is <groupId>/<namespace>[,<namespace>...]",
    );
    await expect(readForGet("stronglyGroupMember", "rg_x/workflow")).rejects.toThrow(
      "its id is <groupId>/<type>/<resourceId>",
    );
  });

  it("a refresh of a vanished object still just drops it from the stack", async () => {
    const group = await create("stronglyResourceGroup", { name: "got-vanishing" });
    await handlers.stronglyResourceGroup.delete(group.id, group.outs);
    expect(await handlers.stronglyResourceGroup.read(group.id, group.outs)).toEqual({ id: "", props: {} });
  });
});

import { handlers, resetSettings } from "../../provider/runtime";
import { ConflictError } from "../../provider/core/errors";
import { create, update } from "../support/engine";
import { useEmulatorForProvider, type WireGroup } from "../support/emulator";

const emulator = useEmulatorForProvider(resetSettings);
const rg = handlers.resourceGroup;

const show = (id: string) => emulator().api<WireGroup>("GET", `/${id}`);

describe("ResourceGroup lifecycle", () => {
  it("creates, reads, renames, retags and deletes a TAG group", async () => {
    const created = await create("resourceGroup", {
      name: "life-tag",
      type: "TAG",
      tags: [{ key: "env", value: "prod" }],
    });
    expect(created.id).toMatch(/^rg[A-Za-z0-9]{22}$/);
    expect(created.outs).toMatchObject({
      name: "life-tag",
      type: "TAG",
      groupId: created.id,
      enterpriseProjectId: "0",
    });
    expect(typeof created.outs.createTime).toBe("number");
    expect(created.outs.createTime).toBeGreaterThan(0);

    const read = await rg.read(created.id, created.outs);
    expect(read).toEqual({ id: created.id, props: created.outs });

    const outs = await update("resourceGroup", created.id, created.outs, {
      name: "life-tag-renamed",
      type: "TAG",
      tags: [{ key: "env", value: "dev" }],
    });
    expect(outs).toMatchObject({ name: "life-tag-renamed", tags: [{ key: "env", value: "dev" }] });
    expect((await show(created.id)).body).toMatchObject({
      group_name: "life-tag-renamed",
      tags: [{ key: "env", value: "dev" }],
    });

    await rg.delete(created.id, outs);
    expect((await show(created.id)).status).toBe(404);
  });

  it("creates Manual and EPS groups with their defaults", async () => {
    const manual = await create("resourceGroup", { name: "life-manual" });
    expect(manual.outs).toMatchObject({ type: "Manual", tags: [], associationEpIds: [] });
    const ep = "d61d4705-5658-42f5-8e0c-70eb34d17b02";
    const eps = await create("resourceGroup", { name: "life-eps", type: "EPS", associationEpIds: [ep] });
    expect((await show(eps.id)).body).toMatchObject({ type: "EPS", association_ep_ids: [ep] });
  });

  it("deletes a group that is already gone without error", async () => {
    const created = await create("resourceGroup", { name: "life-gone" });
    await emulator().api("POST", "/batch-delete", { group_ids: [created.id] });
    await expect(rg.delete(created.id, created.outs)).resolves.toBeUndefined();
  });
});

describe("ResourceGroup refresh", () => {
  it("reports a rename and a changed tag made outside Pulumi", async () => {
    const created = await create("resourceGroup", {
      name: "drift-a",
      type: "TAG",
      tags: [{ key: "env", value: "prod" }],
    });
    await emulator().api("PUT", `/${created.id}`, {
      group_name: "drift-a-outside",
      tags: [
        { key: "env", value: "staging" },
        { key: "other", value: "x" },
      ],
    });
    const read = await rg.read(created.id, created.outs);
    expect(read.props).toMatchObject({ name: "drift-a-outside", tags: [{ key: "env", value: "staging" }] });
    const diff = await rg.diff(
      created.id,
      read.props,
      (await rg.check({}, { name: "drift-a", type: "TAG", tags: [{ key: "env", value: "prod" }] })).inputs,
    );
    expect(diff).toEqual({ changes: true, replaces: [] });
  });

  it("drops a group deleted outside Pulumi", async () => {
    const created = await create("resourceGroup", { name: "drift-deleted" });
    await emulator().api("POST", "/batch-delete", { group_ids: [created.id] });
    expect(await rg.read(created.id, created.outs)).toEqual({ id: "", props: {} });
  });
});

describe("ResourceGroup adoption", () => {
  it("refuses a name clash and says how to adopt", async () => {
    await emulator().api("POST", "", {
      group_name: "adopt-me",
      type: "TAG",
      tags: [{ key: "old", value: "1" }],
    });
    const attempt = create("resourceGroup", {
      name: "adopt-me",
      type: "TAG",
      tags: [{ key: "env", value: "prod" }],
    });
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(/already exists .*set `adopt: true`/);
  });

  it("adopts an existing group and converges its tags", async () => {
    const before = await emulator().api<{ resource_groups: { group_id: string; group_name: string }[] }>(
      "GET",
      "?group_name=adopt-me",
    );
    const existing = before.body.resource_groups.find((g) => g.group_name === "adopt-me");
    const adopted = await create("resourceGroup", {
      name: "adopt-me",
      type: "TAG",
      tags: [{ key: "env", value: "prod" }],
      adopt: true,
    });
    expect(adopted.id).toBe(existing?.group_id);
    expect((await show(adopted.id)).body.tags).toEqual([{ key: "env", value: "prod" }]);
  });

  it("refuses to adopt a group whose type differs", async () => {
    await emulator().api("POST", "", { group_name: "adopt-manual" });
    await expect(
      create("resourceGroup", { name: "adopt-manual", type: "TAG", tags: [{ key: "a" }], adopt: true }),
    ).rejects.toThrow(
      /Cannot adopt resource group 'adopt-manual' .*its type is Manual, the program declares TAG/,
    );
  });
});

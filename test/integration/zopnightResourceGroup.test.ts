/** The ZopNight ResourceGroup handler against the real emulator: lifecycle, adoption, drift, lost answers, errors. */
import { handlers, resetSettings } from "../../provider/runtime";
import { ConflictError } from "../../provider/core/errors";
import {
  ApiConnectionError,
  AuthenticationError,
  BadRequestError,
  RateLimitError,
  ServerError,
} from "../../provider/core/http/errors";
import { create, update } from "../support/engine";
import { useZopNightEmulator } from "../support/zopnight";

const rg = handlers.zopnightResourceGroup;
const GROUP_ID = /^grp_[a-z0-9]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

const { api, zop, useSettings } = useZopNightEmulator(resetSettings);

describe("ZopNight ResourceGroup lifecycle", () => {
  it("creates, reads, updates in place and deletes", async () => {
    const created = await create("zopnightResourceGroup", {
      name: " Backend Stack ",
      description: "db, cache, app",
    });
    expect(created.id).toMatch(GROUP_ID);
    expect(created.outs).toMatchObject({
      name: "Backend Stack",
      description: "db, cache, app",
      adopt: false,
      schedules: [],
    });
    expect(created.outs.createdBy).toMatch(/@/);
    expect(created.outs.createdAt).toMatch(ISO_UTC);
    expect(created.outs.updatedAt).toBe(created.outs.createdAt);

    expect(await rg.read(created.id, created.outs)).toEqual({ id: created.id, props: created.outs });

    const outs = await update("zopnightResourceGroup", created.id, created.outs, {
      name: "Backend",
      description: "",
    });
    expect(outs).toMatchObject({ name: "Backend", description: "" });
    expect(outs).not.toHaveProperty("groupId");
    expect((await api.show(created.id)).json.data).toMatchObject({ name: "Backend", description: "" });

    await rg.delete(created.id, outs);
    expect((await api.show(created.id)).status).toBe(404);
  });

  it("reads the attached schedules on every refresh", async () => {
    const created = await create("zopnightResourceGroup", { name: "scheduled" });
    await api.attachSchedule(created.id, {
      id: "sch_office",
      name: "Office hours",
      timezone: "Europe/Berlin",
    });
    const read = await rg.read(created.id, created.outs);
    expect((read.props as { schedules?: unknown }).schedules).toEqual([
      { id: "sch_office", name: "Office hours", timezone: "Europe/Berlin" },
    ]);
  });

  it("deletes a group that is already gone without error", async () => {
    const created = await create("zopnightResourceGroup", { name: "gone" });
    await api.remove(created.id);
    await expect(rg.delete(created.id, created.outs)).resolves.toBeUndefined();
  });

  it("imports a group by id, taking its name and description", async () => {
    const existing = await api.createOk("imported", "from elsewhere");
    const read = await rg.read(existing.id, {});
    expect(read).toMatchObject({
      id: existing.id,
      props: { name: "imported", description: "from elsewhere" },
    });
  });
});

describe("ZopNight ResourceGroup names and adoption", () => {
  it("refuses a name taken ignoring case, pointing at adopt", async () => {
    const existing = await api.createOk("Payments");
    const attempt = create("zopnightResourceGroup", { name: "PAYMENTS" });
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(
      new RegExp(`name: .*'PAYMENTS' already exists \\(${existing.id}\\).*adopt: true`),
    );
  });

  it("adopts the group of the same name and converges it to the declaration", async () => {
    const existing = await api.createOk("payments", "old");
    const adopted = await create("zopnightResourceGroup", {
      name: "Payments",
      description: "new",
      adopt: true,
    });
    expect(adopted.id).toBe(existing.id);
    expect((await api.show(existing.id)).json.data).toMatchObject({ name: "Payments", description: "new" });
    expect((await api.list()).json.pagination.total).toBe(1);
  });

  it("finds a group to adopt beyond the first page of the list", async () => {
    for (let i = 0; i < 105; i++) await api.createOk(`filler-${i}`);
    const far = await api.createOk("far away");
    const adopted = await create("zopnightResourceGroup", { name: "Far Away", adopt: true });
    expect(adopted.id).toBe(far.id);
  });

  it("refuses a rename onto another group's name", async () => {
    await api.createOk("taken");
    const created = await create("zopnightResourceGroup", { name: "mine" });
    await expect(
      update("zopnightResourceGroup", created.id, created.outs, { name: "Taken" }),
    ).rejects.toThrow(/name: .*'Taken' already exists/);
  });
});

describe("ZopNight ResourceGroup drift", () => {
  it("shows a name or description changed outside, and the next update restores it", async () => {
    const created = await create("zopnightResourceGroup", { name: "drifting", description: "declared" });
    await api.update(created.id, { name: "renamed outside", description: "changed" });
    const read = await rg.read(created.id, created.outs);
    expect(read.props).toMatchObject({ name: "renamed outside", description: "changed" });
    const declared = { name: "drifting", description: "declared", adopt: false };
    expect(await rg.diff(created.id, read.props, declared)).toEqual({ changes: true, replaces: [] });
    await update("zopnightResourceGroup", created.id, read.props as Record<string, unknown>, declared);
    expect((await api.show(created.id)).json.data).toMatchObject({
      name: "drifting",
      description: "declared",
    });
  });

  it("drops a group deleted outside on refresh", async () => {
    const created = await create("zopnightResourceGroup", { name: "deleted outside" });
    await api.remove(created.id);
    expect(await rg.read(created.id, created.outs)).toEqual({ id: "", props: {} });
  });

  it("fails an update of a group deleted outside, asking for a refresh", async () => {
    const created = await create("zopnightResourceGroup", { name: "vanished" });
    await api.remove(created.id);
    await expect(update("zopnightResourceGroup", created.id, created.outs, { name: "x" })).rejects.toThrow(
      /no longer exists; run `pulumi refresh`/,
    );
  });
});

describe("ZopNight ResourceGroup lost answers and faults", () => {
  it("leaves no duplicate when the create's answer is lost, paging through the list to find it", async () => {
    for (let i = 0; i < 101; i++) await api.createOk(`page-filler-${i}`);
    const dialect = zop();
    dialect.setFaults({ dropNext: 1 });
    dialect.resetStats();
    const created = await create("zopnightResourceGroup", { name: "Lost Answer" });
    expect(created.id).toMatch(GROUP_ID);
    const stats = dialect.stats();
    expect(stats.dropped).toBe(1);
    expect(stats.byRoute["POST /api/resource-groups"]).toBe(1);
    const all = [
      ...(await api.list("limit=100")).json.data,
      ...(await api.list("limit=100&page=2")).json.data,
    ];
    expect(all.filter((g) => g.name === "Lost Answer").map((g) => g.id)).toEqual([created.id]);
  });

  it("retries 429 and 503 answers", async () => {
    zop().setFaults({ failNext: 2, failNextStatus: 429, retryAfterSeconds: 0 });
    const created = await create("zopnightResourceGroup", { name: "after rate limit" });
    expect((await api.show(created.id)).status).toBe(200);
  });

  it("raises RateLimitError and ServerError once retries run out", async () => {
    useSettings({ RESOURCEGROUPS_MAX_RETRIES: "0" });
    zop().setFaults({ failNext: 1, failNextStatus: 429, retryAfterSeconds: 0 });
    await expect(create("zopnightResourceGroup", { name: "x" })).rejects.toThrow(RateLimitError);
    zop().setFaults({ failNext: 1, failNextStatus: 500 });
    await expect(create("zopnightResourceGroup", { name: "x" })).rejects.toThrow(ServerError);
  });

  it("raises AuthenticationError naming the token setting, without the token", async () => {
    useSettings({ RESOURCEGROUPS_ZOPNIGHT_TOKEN: "wrong-secret-token" });
    const attempt = create("zopnightResourceGroup", { name: "x" });
    await expect(attempt).rejects.toThrow(AuthenticationError);
    await expect(attempt).rejects.toThrow(/HTTP 401.*resourcegroups:zopnightToken/);
    await expect(attempt).rejects.not.toThrow(/wrong-secret-token/);
  });

  it("raises BadRequestError with the API's message when a rule is broken past check()", async () => {
    await expect(rg.create({ name: "n".repeat(101), description: "", adopt: false })).rejects.toThrow(
      BadRequestError,
    );
    await expect(rg.create({ name: "n".repeat(101), description: "", adopt: false })).rejects.toThrow(
      /HTTP 400: name must have at most 100 characters/,
    );
  });

  it("raises ApiConnectionError when nothing answers", async () => {
    useSettings({
      RESOURCEGROUPS_ZOPNIGHT_ENDPOINT: "http://127.0.0.1:9/api",
      RESOURCEGROUPS_MAX_RETRIES: "0",
    });
    await expect(create("zopnightResourceGroup", { name: "x" })).rejects.toThrow(ApiConnectionError);
  });
});

/** The Strongly ResourceGroup handler against the real emulator over HTTP. */
import { ConfigurationError, ConflictError } from "../../provider/core/errors";
import {
  ApiConflictError,
  AuthenticationError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from "../../provider/core/http/errors";
import { handlers, resetSettings } from "../../provider/runtime";
import { create, update } from "../support/engine";
import { startTestEmulator, useEmulatorSettings, type TestEmulator } from "../support/emulator";
import { StronglyClient, resetStrongly } from "../support/strongly";

const READ_ONLY_KEY = "sk-read-only";
const handler = handlers.stronglyResourceGroup;

let env: TestEmulator;
let api: StronglyClient;

function useStronglySettings(overrides: Record<string, string> = {}): void {
  useEmulatorSettings(env.emulator, overrides);
  resetSettings();
}

beforeAll(async () => {
  env = await startTestEmulator({ readOnlyTokens: { strongly: READ_ONLY_KEY } });
  api = new StronglyClient(env.emulator);
});
afterAll(() => env.stop());
beforeEach(async () => {
  useStronglySettings();
  env.emulator.dialect("strongly").setFaults({});
  await resetStrongly(env.emulator);
});

async function namesInApi(): Promise<string[]> {
  return (await api.list("limit=100")).json.items.map((g) => g.name);
}

describe("strongly ResourceGroup lifecycle", () => {
  it("creates with every output, updates name and description in place, deletes", async () => {
    const created = await create("stronglyResourceGroup", {
      name: "  Production Workloads ",
      description: "prod",
    });
    expect(created.id).toMatch(/^rg_[a-z0-9]{16}$/);
    expect(created.outs).toEqual({
      name: "Production Workloads",
      description: "prod",
      adopt: false,
      status: "active",
      ownerId: "user_emulator",
      organizationId: "org_emulator",
      createdAt: expect.stringMatching(/Z$/) as string,
      updatedAt: expect.stringMatching(/Z$/) as string,
    });

    const outs = await update("stronglyResourceGroup", created.id, created.outs, {
      name: "Prod",
      description: "",
    });
    expect(outs).toMatchObject({ name: "Prod", description: "" });
    expect(outs).not.toHaveProperty("groupId");
    expect((await api.show(created.id)).json).toMatchObject({ name: "Prod", description: "" });

    await handler.delete(created.id, outs);
    expect((await api.show(created.id)).status).toBe(404);
    // Deleting what is already gone succeeds.
    await handler.delete(created.id, outs);
  });

  it("refuses to create a second group of the same name, pointing at adopt", async () => {
    await api.createOk("Shared Costs");
    const attempt = create("stronglyResourceGroup", { name: "shared costs" });
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(/adopt: true/);
    expect(await namesInApi()).toEqual(["Shared Costs"]);
  });
});

describe("strongly ResourceGroup drift", () => {
  it("shows a name or description changed outside, and the next update restores them", async () => {
    const created = await create("stronglyResourceGroup", { name: "drift", description: "declared" });
    await api.update(created.id, { name: "drift-outside", description: "changed" });
    const read = await handler.read(created.id, created.outs);
    expect(read.props).toMatchObject({ name: "drift-outside", description: "changed" });
    const diff = await handler.diff(created.id, read.props, {
      name: "drift",
      description: "declared",
      adopt: false,
    });
    expect(diff.changes).toBe(true);
    await update("stronglyResourceGroup", created.id, read.props as Record<string, unknown>, {
      name: "drift",
      description: "declared",
    });
    expect((await api.show(created.id)).json).toMatchObject({ name: "drift", description: "declared" });
  });

  it("drops a group deleted outside", async () => {
    const created = await create("stronglyResourceGroup", { name: "gone" });
    await api.remove(created.id);
    resetSettings();
    expect(await handler.read(created.id, created.outs)).toEqual({ id: "", props: {} });
  });

  it("fails an update of a group deleted outside with advice to refresh", async () => {
    const created = await create("stronglyResourceGroup", { name: "vanished" });
    await api.remove(created.id);
    await expect(
      update("stronglyResourceGroup", created.id, created.outs, { name: "vanished-2" }),
    ).rejects.toThrow(/no longer exists; run `pulumi refresh`/);
  });
});

describe("strongly ResourceGroup adoption", () => {
  it("takes over the group of the same name, compared trimmed and ignoring case, and converges it", async () => {
    const id = await api.createOk("Team Costs", "old");
    const adopted = await create("stronglyResourceGroup", {
      name: " team costs",
      description: "new",
      adopt: true,
    });
    expect(adopted.id).toBe(id);
    expect(adopted.outs).toMatchObject({ name: "team costs", description: "new", adopt: true });
    expect((await api.show(id)).json).toMatchObject({ name: "team costs", description: "new" });
    expect(await namesInApi()).toEqual(["team costs"]);
  });

  it("finds the exact name among substring matches on later pages", async () => {
    for (let i = 0; i < 101; i++) await api.createOk(`ledger-${i}`, "mentions ledger");
    const id = await api.createOk("Ledger");
    const adopted = await create("stronglyResourceGroup", { name: "ledger", adopt: true, description: "" });
    expect(adopted.id).toBe(id);
    // A name that is only a substring of others is free.
    const fresh = await create("stronglyResourceGroup", { name: "ledge" });
    expect(fresh.id).not.toBe(id);
    expect((await api.list("search=ledge")).json.count).toBe(103);
  });
});

describe("strongly ResourceGroup lost answers and retries", () => {
  it("finds the group a create made when its answer was lost, leaving no duplicate", async () => {
    await api.createOk("billing-eu");
    env.emulator.dialect("strongly").setFaults({ dropNext: 1 });
    const created = await create("stronglyResourceGroup", { name: "billing" });
    expect(env.emulator.dialect("strongly").stats().dropped).toBe(1);
    expect((await namesInApi()).sort()).toEqual(["billing", "billing-eu"]);
    expect((await api.show(created.id)).json.name).toBe("billing");
  });

  it("retries 429 and 500 answers", async () => {
    env.emulator.dialect("strongly").setFaults({ failNext: 2, failNextStatus: 429, retryAfterSeconds: 0 });
    const created = await create("stronglyResourceGroup", { name: "retried" });
    expect(await namesInApi()).toEqual(["retried"]);
    env.emulator.dialect("strongly").setFaults({ failNext: 1, failNextStatus: 500 });
    expect((await handler.read(created.id, created.outs)).id).toBe(created.id);
  });
});

describe("strongly errors", () => {
  it("names the missing scope when the key may only read", async () => {
    const created = await create("stronglyResourceGroup", { name: "guarded" });
    useStronglySettings({ RESOURCEGROUPS_STRONGLY_API_KEY: READ_ONLY_KEY });
    expect((await handler.read(created.id, created.outs)).id).toBe(created.id);
    const attempt = update("stronglyResourceGroup", created.id, created.outs, { name: "renamed" });
    await expect(attempt).rejects.toThrow(PermissionDeniedError);
    await expect(attempt).rejects.toThrow(/scope-required.*lacks the scope finops:write/);
    await expect(create("stronglyResourceGroup", { name: "other" })).rejects.toThrow(/finops:write/);
  });

  it("points an unknown key at the setting", async () => {
    useStronglySettings({ RESOURCEGROUPS_STRONGLY_API_KEY: "sk-wrong" });
    const attempt = create("stronglyResourceGroup", { name: "x" });
    await expect(attempt).rejects.toThrow(AuthenticationError);
    await expect(attempt).rejects.toThrow(/resourcegroups:stronglyApiKey/);
  });

  it("reports a missing setting by its key and variable", async () => {
    useStronglySettings({ RESOURCEGROUPS_STRONGLY_ENDPOINT: "" });
    const attempt = create("stronglyResourceGroup", { name: "x" });
    await expect(attempt).rejects.toThrow(ConfigurationError);
    await expect(attempt).rejects.toThrow(/RESOURCEGROUPS_STRONGLY_ENDPOINT/);
  });

  it("reports a rename onto another group's name as a conflict", async () => {
    await api.createOk("taken");
    const created = await create("stronglyResourceGroup", { name: "mine" });
    const attempt = update("stronglyResourceGroup", created.id, created.outs, { name: "TAKEN" });
    await expect(attempt).rejects.toThrow(ApiConflictError);
    await expect(attempt).rejects.toThrow(/duplicate-name/);
  });

  it("gives up on 429 and 500 after the configured retries", async () => {
    useStronglySettings({ RESOURCEGROUPS_MAX_RETRIES: "1" });
    // A 429 has a budget of its own: 5 times maxRetries.
    // Every call fails: the create, then the name look-up before its retry, each up to its own budget.
    env.emulator.dialect("strongly").setFaults({ failNext: 100, failNextStatus: 429, retryAfterSeconds: 0 });
    await expect(create("stronglyResourceGroup", { name: "x" })).rejects.toThrow(RateLimitError);
    env.emulator.dialect("strongly").setFaults({ failNext: 100, failNextStatus: 500 });
    await expect(create("stronglyResourceGroup", { name: "x" })).rejects.toThrow(ServerError);
    env.emulator.dialect("strongly").setFaults({});
    expect(await namesInApi()).toEqual([]);
  });
});

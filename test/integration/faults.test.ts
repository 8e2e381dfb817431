import { handlers, resetSettings } from "../../provider/runtime";
import {
  ApiConnectionError,
  ApiTimeoutError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from "../../provider/core/http/errors";
import { cesApi as backend } from "../../provider/vendors/ces/settings";
import { create } from "../support/engine";
import { startTestEmulator, useEmulatorSettings, type TestEmulator } from "../support/emulator";

let env: TestEmulator;
const READ_ONLY = "read-only-token";

beforeAll(async () => {
  env = await startTestEmulator({ readOnlyToken: READ_ONLY });
});
afterAll(() => env.stop());
beforeEach(() => {
  resetSettings();
  useEmulatorSettings(env.emulator);
  env.emulator.setFaults({});
  env.emulator.resetStats();
});

const countNamed = async (name: string) => {
  const list = await env.api<{ resource_groups: { group_name: string }[] }>("GET", `?group_name=${name}`);
  return list.body.resource_groups.filter((g) => g.group_name === name).length;
};

describe("retries under injected faults", () => {
  it.each([500, 503])("retries a %i and succeeds", async (status) => {
    env.emulator.setFaults({ failNext: 2, failNextStatus: status });
    const created = await create("resourceGroup", { name: `retry-${status}` });
    expect(created.id).toMatch(/^rg/);
    expect(env.emulator.stats().injectedFaults).toBe(2);
  });

  it("waits for Retry-After on 429", async () => {
    env.emulator.setFaults({ failNext: 1, failNextStatus: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    await create("resourceGroup", { name: "retry-429" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("leaves no duplicate when the answer to a create is lost", async () => {
    env.emulator.setFaults({ dropNext: 1 });
    const created = await create("resourceGroup", { name: "dropped-create" });
    expect(env.emulator.stats().dropped).toBe(1);
    expect(await countNamed("dropped-create")).toBe(1);
    expect((await env.api<{ group_id: string }>("GET", `/${created.id}`)).status).toBe(200);
  });

  it("converges member and tag writes whose answers were lost", async () => {
    const group = await create("resourceGroup", { name: "dropped-members" });
    env.emulator.setFaults({ dropNext: 1 });
    const member = await create("groupMember", {
      groupId: group.id,
      namespace: "SYS.ECS",
      dimensions: [{ name: "instance_id", value: "i-9" }],
    });
    expect((await handlers.groupMember.read(member.id, member.outs)).id).toBe(member.id);
    const tagGroup = await create("resourceGroup", {
      name: "dropped-tags",
      type: "TAG",
      tags: [{ key: "env" }],
    });
    env.emulator.setFaults({ dropNext: 1 });
    const rule = await create("tagRule", { groupId: tagGroup.id, key: "team", value: "a" });
    expect((await handlers.tagRule.read(rule.id, rule.outs)).id).toBe(rule.id);
  });

  it("gives up after the retry limit with the vendor's code and request id", async () => {
    useEmulatorSettings(env.emulator, { RESOURCEGROUPS_MAX_RETRIES: "1" });
    env.emulator.setFaults({ failRate: 1, failStatuses: [500] });
    const attempt = create("resourceGroup", { name: "never" });
    await expect(attempt).rejects.toThrow(ServerError);
    await expect(attempt).rejects.toThrow(
      /look up resource group 'never' failed: the CES API at http:\/\/127\.0\.0\.1:\d+ answered HTTP 500 ces\.0007.*\(request id [0-9a-f]+\)\. The API kept failing after all retries/,
    );
  });
});

describe("messages for each API error class", () => {
  it("401: names where the token is set, never the token", async () => {
    useEmulatorSettings(env.emulator, { RESOURCEGROUPS_TOKEN: "wrong-secret-token" });
    const attempt = create("resourceGroup", { name: "auth" });
    await expect(attempt).rejects.toThrow(AuthenticationError);
    const message = await attempt.catch((e: Error) => `${e.message}\n${e.stack ?? ""}`);
    expect(message).toMatch(/HTTP 401 ces\.0015/);
    expect(message).toContain("RESOURCEGROUPS_TOKEN");
    expect(message).not.toContain("wrong-secret-token");
  });

  it("403: a token without write permission", async () => {
    useEmulatorSettings(env.emulator, { RESOURCEGROUPS_TOKEN: READ_ONLY });
    const attempt = create("resourceGroup", { name: "forbidden" });
    await expect(attempt).rejects.toThrow(PermissionDeniedError);
    await expect(attempt).rejects.toThrow(/HTTP 403 ces\.0017.*lacks permission/);
  });

  it("400: the vendor's rule, when a body gets past the provider", async () => {
    await expect(backend().updateGroup("rg" + "0".repeat(22), { name: "x y" })).rejects.toThrow(
      BadRequestError,
    );
    await expect(backend().updateGroup("rg" + "0".repeat(22), { name: "x y" })).rejects.toThrow(
      /HTTP 400 ces\.0014/,
    );
  });

  it("404: a missing group", async () => {
    await expect(backend().updateGroup("rg" + "0".repeat(22), { name: "ok" })).rejects.toThrow(NotFoundError);
  });

  it("429: rate limited after every retry", async () => {
    useEmulatorSettings(env.emulator, { RESOURCEGROUPS_MAX_RETRIES: "0" });
    env.emulator.setFaults({ failNext: 1, failNextStatus: 429 });
    await expect(create("resourceGroup", { name: "limited" })).rejects.toThrow(RateLimitError);
  });

  it("no answer: connection refused and timeouts", async () => {
    useEmulatorSettings(env.emulator, {
      RESOURCEGROUPS_ENDPOINT: "http://127.0.0.1:9",
      RESOURCEGROUPS_MAX_RETRIES: "0",
    });
    await expect(create("resourceGroup", { name: "nowhere" })).rejects.toThrow(ApiConnectionError);
    resetSettings();
    useEmulatorSettings(env.emulator, {
      RESOURCEGROUPS_REQUEST_TIMEOUT_MS: "200",
      RESOURCEGROUPS_MAX_RETRIES: "0",
    });
    env.emulator.setFaults({ latencyMs: 1000 });
    await expect(create("resourceGroup", { name: "slow" })).rejects.toThrow(ApiTimeoutError);
  });
});

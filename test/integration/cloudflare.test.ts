/** The Cloudflare handlers against the real emulator over HTTP. */
import { handlers, resetSettings } from "../../provider/runtime";
import { ConflictError } from "../../provider/core/errors";
import {
  ApiConflictError,
  AuthenticationError,
  BadRequestError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from "../../provider/core/http/errors";
import { cloudflareApi } from "../../provider/vendors/cloudflare/settings";
import { create, update } from "../support/engine";
import { CLOUDFLARE_ACCOUNT, useEmulatorForProvider, type CloudflareWireGroup } from "../support/emulator";

const emulator = useEmulatorForProvider(resetSettings);

const zone = (i: number) => i.toString(16).padStart(32, "0");
const ZONE_PREFIX = "com.cloudflare.api.account.zone.";
const ACCOUNT_KEY = `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`;

async function groupsNamed(name: string): Promise<CloudflareWireGroup[]> {
  const { body } = await emulator().cloudflareApi<CloudflareWireGroup[]>(
    "GET",
    CLOUDFLARE_ACCOUNT,
    `?name=${encodeURIComponent(name)}`,
  );
  return body.result;
}

async function zonesOf(groupId: string): Promise<string[]> {
  const { body } = await emulator().cloudflareApi<CloudflareWireGroup>(
    "GET",
    CLOUDFLARE_ACCOUNT,
    `/${groupId}`,
  );
  return (body.result.scope[0]?.objects ?? []).map((o) => o.key.replace(ZONE_PREFIX, "")).sort();
}

async function setZones(groupId: string, keys: string[]): Promise<void> {
  const { status } = await emulator().cloudflareApi("PUT", CLOUDFLARE_ACCOUNT, `/${groupId}`, {
    scope: { key: ACCOUNT_KEY, objects: keys.map((key) => ({ key })) },
  });
  expect(status).toBe(200);
}

afterEach(() => {
  emulator().emulator.setFaults({});
  emulator().emulator.dialect("cloudflare").setFaults({});
});

describe("cloudflare ResourceGroup lifecycle", () => {
  it("creates, renames, rescopes and deletes a group", async () => {
    const group = await create("cloudflareResourceGroup", { name: "cf-life", zones: [zone(1), zone(2)] });
    expect(group.id).toMatch(/^[0-9a-f]{32}$/);
    expect(group.outs).toMatchObject({
      accountId: CLOUDFLARE_ACCOUNT,
      name: "cf-life",
      zones: [zone(1), zone(2)],
      meta: { key: "editable", value: "true" },
    });
    // The group's id is the resource's id, which the engine stores already: no output repeats it.
    expect(group.outs).not.toHaveProperty("groupId");
    expect(await zonesOf(group.id)).toEqual([zone(1), zone(2)]);

    const outs = await update("cloudflareResourceGroup", group.id, group.outs, {
      name: "cf-life-2",
      zones: [zone(2), zone(3)],
    });
    expect(outs).toMatchObject({ name: "cf-life-2", zones: [zone(2), zone(3)] });
    expect(await zonesOf(group.id)).toEqual([zone(2), zone(3)]);
    expect((await groupsNamed("cf-life-2")).length).toBe(1);

    const whole = await update("cloudflareResourceGroup", group.id, outs, {
      name: "cf-life-2",
      wholeAccount: true,
    });
    expect(whole).toMatchObject({ wholeAccount: true, zones: [] });
    const { body } = await emulator().cloudflareApi<CloudflareWireGroup>(
      "GET",
      CLOUDFLARE_ACCOUNT,
      `/${group.id}`,
    );
    expect(body.result.scope[0]?.objects).toEqual([{ key: "*" }]);

    await handlers.cloudflareResourceGroup.delete(group.id, whole);
    expect(await handlers.cloudflareResourceGroup.read(group.id, whole)).toEqual({ id: "", props: {} });
    // Deleting a group already gone succeeds.
    await handlers.cloudflareResourceGroup.delete(group.id, whole);
  });

  it("shows drift both ways: a declared zone removed outside, a name changed outside", async () => {
    const group = await create("cloudflareResourceGroup", { name: "cf-drift", zones: [zone(1), zone(2)] });
    await setZones(group.id, [ZONE_PREFIX + zone(2), ZONE_PREFIX + zone(7)]);
    await emulator().cloudflareApi("PUT", CLOUDFLARE_ACCOUNT, `/${group.id}`, { name: "renamed-outside" });
    const read = await handlers.cloudflareResourceGroup.read(group.id, group.outs);
    // The zone someone else added is not ours, so it is not drift; the missing one and the name are.
    expect(read.props).toMatchObject({ name: "renamed-outside", zones: [zone(2)] });
    const diff = await handlers.cloudflareResourceGroup.diff(group.id, read.props, {
      ...group.outs,
      name: "cf-drift",
      zones: [zone(1), zone(2)],
    });
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    await update("cloudflareResourceGroup", group.id, read.props as Record<string, unknown>, {
      name: "cf-drift",
      zones: [zone(1), zone(2)],
    });
    expect(await zonesOf(group.id)).toEqual([zone(1), zone(2), zone(7)]);
  });

  it("makes the declared zones the whole scope when exclusive", async () => {
    const group = await create("cloudflareResourceGroup", {
      name: "cf-exclusive",
      zones: [zone(1)],
      exclusive: true,
    });
    await setZones(group.id, [ZONE_PREFIX + zone(1), ZONE_PREFIX + zone(8)]);
    const read = await handlers.cloudflareResourceGroup.read(group.id, group.outs);
    expect(read.props).toMatchObject({ zones: [zone(1), zone(8)] });
    const outs = await update("cloudflareResourceGroup", group.id, read.props as Record<string, unknown>, {
      name: "cf-exclusive",
      zones: [zone(1)],
      exclusive: true,
    });
    expect(outs).toMatchObject({ zones: [zone(1)] });
    expect(await zonesOf(group.id)).toEqual([zone(1)]);
    await expect(create("cloudflareGroupMember", { groupId: group.id, zoneId: zone(2) })).rejects.toThrow(
      /declared exclusive/,
    );
  });

  it("drops a group deleted outside Pulumi from the stack", async () => {
    const group = await create("cloudflareResourceGroup", { name: "cf-gone", zones: [zone(1)] });
    await emulator().cloudflareApi("DELETE", CLOUDFLARE_ACCOUNT, `/${group.id}`);
    expect(await handlers.cloudflareResourceGroup.read(group.id, group.outs)).toEqual({ id: "", props: {} });
  });
});

describe("cloudflare adoption and names", () => {
  it("refuses a taken name with a hint, and adopts it when asked", async () => {
    const { body } = await emulator().cloudflareApi<CloudflareWireGroup>("POST", CLOUDFLARE_ACCOUNT, "", {
      name: "cf-existing",
      scope: { key: ACCOUNT_KEY, objects: [{ key: ZONE_PREFIX + zone(5) }] },
    });
    const existing = body.result.id;
    const attempt = create("cloudflareResourceGroup", { name: "cf-existing", zones: [zone(1)] });
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(/already exists .*set `adopt: true`/);

    const adopted = await create("cloudflareResourceGroup", {
      name: "cf-existing",
      zones: [zone(1)],
      adopt: true,
    });
    expect(adopted.id).toBe(existing);
    expect(await zonesOf(existing)).toEqual([zone(1), zone(5)]);
  });

  it("never adopts or changes the account's built-in group", async () => {
    await expect(
      create("cloudflareResourceGroup", { name: "cf-any", zones: [zone(1)], accountId: CLOUDFLARE_ACCOUNT }),
    ).resolves.toBeDefined();
    const builtIn = (await groupsNamed(ACCOUNT_KEY))[0];
    expect(builtIn?.meta).toEqual({ key: "editable", value: "false" });
    await expect(create("cloudflareGroupMember", { groupId: builtIn?.id, zoneId: zone(1) })).rejects.toThrow(
      /built-in resource group/,
    );
    await expect(
      cloudflareApi().updateGroup(CLOUDFLARE_ACCOUNT, builtIn?.id ?? "", {
        name: "x",
        scopeKey: ACCOUNT_KEY,
      }),
    ).rejects.toThrow(PermissionDeniedError);
  });
});

describe("cloudflare GroupMember", () => {
  it("adds zones in parallel without losing one, beside the declared zones", async () => {
    const group = await create("cloudflareResourceGroup", { name: "cf-members", zones: [zone(1)] });
    const members = await Promise.all(
      [10, 11, 12, 13, 14, 15, 16, 17].map((i) =>
        create("cloudflareGroupMember", { groupId: group.id, zoneId: zone(i) }),
      ),
    );
    expect(await zonesOf(group.id)).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17].map(zone));
    expect(members[0]?.id).toBe(`${group.id}/${zone(10)}`);

    // The group's own update keeps the members' zones.
    await update("cloudflareResourceGroup", group.id, group.outs, { name: "cf-members", zones: [zone(2)] });
    expect(await zonesOf(group.id)).toEqual([2, 10, 11, 12, 13, 14, 15, 16, 17].map(zone));

    await Promise.all(members.map((m) => handlers.cloudflareGroupMember.delete(m.id, m.outs)));
    expect(await zonesOf(group.id)).toEqual([zone(2)]);
  });

  it("drops a member whose zone was removed outside Pulumi, and deletes what is gone", async () => {
    const group = await create("cloudflareResourceGroup", { name: "cf-member-drift", zones: [zone(1)] });
    const member = await create("cloudflareGroupMember", { groupId: group.id, zoneId: zone(2) });
    await setZones(group.id, [ZONE_PREFIX + zone(1)]);
    expect(await handlers.cloudflareGroupMember.read(member.id, member.outs)).toEqual({ id: "", props: {} });
    await handlers.cloudflareGroupMember.delete(member.id, member.outs);
    await handlers.cloudflareResourceGroup.delete(group.id, group.outs);
    await handlers.cloudflareGroupMember.delete(member.id, member.outs);
  });

  it("refuses an account-wide group and a missing group", async () => {
    const whole = await create("cloudflareResourceGroup", { name: "cf-whole", wholeAccount: true });
    await expect(create("cloudflareGroupMember", { groupId: whole.id, zoneId: zone(1) })).rejects.toThrow(
      /covers the whole account/,
    );
    await expect(create("cloudflareGroupMember", { groupId: zone(99), zoneId: zone(1) })).rejects.toThrow(
      /does not exist/,
    );
  });
});

describe("cloudflare failures", () => {
  it("a create whose answer was lost leaves exactly one group", async () => {
    emulator().emulator.dialect("cloudflare").setFaults({ dropNext: 1 });
    const group = await create("cloudflareResourceGroup", { name: "cf-dropped", zones: [zone(1)] });
    const found = await groupsNamed("cf-dropped");
    expect(found.map((g) => g.id)).toEqual([group.id]);
    expect(emulator().emulator.dialect("cloudflare").stats().dropped).toBe(1);
  });

  it("retries 429 and 5xx, honouring Retry-After", async () => {
    const cloudflare = emulator().emulator.dialect("cloudflare");
    cloudflare.setFaults({ failNext: 2, failNextStatus: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const group = await create("cloudflareResourceGroup", { name: "cf-throttled", zones: [zone(1)] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(group.id).toMatch(/^[0-9a-f]{32}$/);
    // A 429 has a budget of its own: 5 times maxRetries (4).
    cloudflare.setFaults({ failNext: 21, failNextStatus: 429, retryAfterSeconds: 0 });
    await expect(handlers.cloudflareResourceGroup.read(group.id, group.outs)).rejects.toThrow(RateLimitError);
    cloudflare.setFaults({ failNext: 10, failNextStatus: 500 });
    await expect(handlers.cloudflareResourceGroup.read(group.id, group.outs)).rejects.toThrow(ServerError);
  });

  it("maps each failure to its class without echoing the token", async () => {
    const api = cloudflareApi();
    await expect(
      api.createGroup(CLOUDFLARE_ACCOUNT, " bad", ACCOUNT_KEY, [ZONE_PREFIX + zone(1)]),
    ).rejects.toThrow(BadRequestError);
    await api.createGroup(CLOUDFLARE_ACCOUNT, "cf-twice", ACCOUNT_KEY, [ZONE_PREFIX + zone(1)]);
    await expect(
      api.createGroup(CLOUDFLARE_ACCOUNT, "cf-twice", ACCOUNT_KEY, [ZONE_PREFIX + zone(1)]),
    ).rejects.toThrow(ApiConflictError);
    process.env.RESOURCEGROUPS_CLOUDFLARE_API_TOKEN = "wrong-token";
    resetSettings();
    const error = await cloudflareApi()
      .getGroup(CLOUDFLARE_ACCOUNT, zone(1))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/resourcegroups:cloudflareApiToken/);
    expect((error as Error).message).not.toContain("wrong-token");
    process.env.RESOURCEGROUPS_CLOUDFLARE_API_TOKEN = emulator().emulator.tokens.cloudflare;
  });
});

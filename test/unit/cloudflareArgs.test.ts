/** check() and diff() of the Cloudflare resources: every rule named by its field, before any call. */
import { handlers, resetSettings } from "../../provider/runtime";
import { UNKNOWN } from "../../provider/core/validate";
import { useOfflineSettings } from "../support/offlineSettings";

useOfflineSettings();

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const OTHER_ACCOUNT = "fedcba9876543210fedcba9876543210";
const zone = (i: number) => i.toString(16).padStart(32, "0");
const zones = (n: number) => Array.from({ length: n }, (_, i) => zone(i + 1));

const checkGroup = (news: Record<string, unknown>) => handlers.cloudflareResourceGroup.check({}, news);
const checkMember = (news: Record<string, unknown>) => handlers.cloudflareGroupMember.check({}, news);

async function failuresOf(result: Promise<{ failures?: { property: string; reason: string }[] }>) {
  return (await result).failures ?? [];
}

async function expectFailure(news: Record<string, unknown>, property: string, reason: RegExp) {
  expect(await failuresOf(checkGroup(news))).toEqual(
    expect.arrayContaining([{ property, reason: expect.stringMatching(reason) as string }]),
  );
}

beforeEach(() => {
  resetSettings();
  process.env.RESOURCEGROUPS_CLOUDFLARE_ACCOUNT_ID = ACCOUNT;
});
afterAll(() => {
  delete process.env.RESOURCEGROUPS_CLOUDFLARE_ACCOUNT_ID;
  delete process.env.CLOUDFLARE_ACCOUNT_ID;
});

describe("cloudflare ResourceGroup check: account", () => {
  it("fills in the configured account, and a resource's own account wins", async () => {
    const filled = await checkGroup({ name: "web", zones: [zone(1)] });
    expect(filled.failures ?? []).toEqual([]);
    expect(filled.inputs).toMatchObject({ accountId: ACCOUNT, zones: [zone(1)], exclusive: false });
    const own = await checkGroup({ name: "web", zones: [zone(1)], accountId: OTHER_ACCOUNT });
    expect(own.inputs).toMatchObject({ accountId: OTHER_ACCOUNT });
  });

  it("honours CLOUDFLARE_ACCOUNT_ID as a fallback", async () => {
    delete process.env.RESOURCEGROUPS_CLOUDFLARE_ACCOUNT_ID;
    process.env.CLOUDFLARE_ACCOUNT_ID = OTHER_ACCOUNT;
    const filled = await checkGroup({ name: "web", zones: [zone(1)] });
    expect(filled.inputs).toMatchObject({ accountId: OTHER_ACCOUNT });
    delete process.env.CLOUDFLARE_ACCOUNT_ID;
  });

  it("names the setting and the argument when no account is known", async () => {
    delete process.env.RESOURCEGROUPS_CLOUDFLARE_ACCOUNT_ID;
    const [failure] = await failuresOf(checkGroup({ name: "web", zones: [zone(1)] }));
    expect(failure?.property).toBe("accountId");
    expect(failure?.reason).toMatch(/resourcegroups:cloudflareAccountId/);
    expect(failure?.reason).toMatch(/CLOUDFLARE_ACCOUNT_ID/);
  });

  it("refuses a malformed account id", async () => {
    await expectFailure(
      { name: "web", zones: [zone(1)], accountId: "ABC" },
      "accountId",
      /32 lowercase hexadecimal/,
    );
    await expectFailure(
      { name: "web", zones: [zone(1)], accountId: ACCOUNT.toUpperCase() },
      "accountId",
      /lowercase/,
    );
  });
});

describe("cloudflare ResourceGroup check: name", () => {
  it("accepts 255 characters and refuses 256, counted in code points", async () => {
    expect(await failuresOf(checkGroup({ name: "a".repeat(255), zones: [zone(1)] }))).toEqual([]);
    expect(await failuresOf(checkGroup({ name: "😀".repeat(255), zones: [zone(1)] }))).toEqual([]);
    await expectFailure(
      { name: "a".repeat(256), zones: [zone(1)] },
      "name",
      /at most 255 characters \(got 256\)/,
    );
  });

  it("refuses empty names, control characters and edge spaces", async () => {
    await expectFailure({ name: "", zones: [zone(1)] }, "name", /must not be empty/);
    await expectFailure({ name: "a\tb", zones: [zone(1)] }, "name", /control characters/);
    await expectFailure({ name: "a\u007fb", zones: [zone(1)] }, "name", /control characters/);
    await expectFailure({ name: " web", zones: [zone(1)] }, "name", /start or end with a space/);
    await expectFailure({ name: "web ", zones: [zone(1)] }, "name", /start or end with a space/);
    expect(await failuresOf(checkGroup({ name: "web servers", zones: [zone(1)] }))).toEqual([]);
  });

  it("refuses the name of the account's built-in group", async () => {
    await expectFailure(
      { name: `com.cloudflare.api.account.${ACCOUNT}`, zones: [zone(1)] },
      "name",
      /built-in resource group/,
    );
  });
});

describe("cloudflare ResourceGroup check: scope", () => {
  it("takes 1 to 100 zones", async () => {
    expect(await failuresOf(checkGroup({ name: "web", zones: zones(100) }))).toEqual([]);
    await expectFailure({ name: "web", zones: zones(101) }, "zones", /1 to 100 zone ids .*\(got 101\)/);
    await expectFailure({ name: "web", zones: [] }, "zones", /1 to 100 zone ids unless wholeAccount/);
    await expectFailure({ name: "web" }, "zones", /unless wholeAccount/);
  });

  it("refuses malformed and repeated zone ids, naming the position", async () => {
    await expectFailure(
      { name: "web", zones: [zone(1), "example.com"] },
      "zones",
      /zone id must be 32 lowercase/,
    );
    await expectFailure({ name: "web", zones: [zone(1), zone(1)] }, "zones", /must not repeat/);
  });

  it("takes the whole account alone", async () => {
    const whole = await checkGroup({ name: "all", wholeAccount: true });
    expect(whole.failures ?? []).toEqual([]);
    expect(whole.inputs).toMatchObject({ wholeAccount: true, zones: [] });
    await expectFailure(
      { name: "all", wholeAccount: true, zones: [zone(1)] },
      "zones",
      /must be empty when wholeAccount/,
    );
    await expectFailure(
      { name: "all", wholeAccount: "yes", zones: [zone(1)] },
      "wholeAccount",
      /true or false/,
    );
  });

  it("leaves values a preview does not know yet to be checked later", async () => {
    expect(await failuresOf(checkGroup({ name: UNKNOWN, zones: [zone(1), UNKNOWN] }))).toEqual([]);
  });
});

describe("cloudflare GroupMember check", () => {
  it("needs a group id and a zone id of 32 lowercase hex characters", async () => {
    const ok = await checkMember({ groupId: zone(9), zoneId: zone(1) });
    expect(ok.failures ?? []).toEqual([]);
    expect(ok.inputs).toEqual({ accountId: ACCOUNT, groupId: zone(9), zoneId: zone(1) });
    const bad = await failuresOf(checkMember({ groupId: "rg1", zoneId: "zone" }));
    expect(bad.map((f) => f.property).sort()).toEqual(["groupId", "zoneId"]);
  });
});

describe("cloudflare diff", () => {
  const olds = {
    accountId: ACCOUNT,
    name: "web",
    zones: [zone(1), zone(2)],
    wholeAccount: false,
    exclusive: false,
    adopt: false,
    groupId: zone(9),
    meta: { key: "editable", value: "true" },
  };
  const diff = (news: Record<string, unknown>) =>
    handlers.cloudflareResourceGroup.diff(zone(9), olds, { ...olds, ...news });

  it("changes name and zones in place, whatever the zone order", async () => {
    expect(await diff({ zones: [zone(2), zone(1)] })).toMatchObject({ changes: false });
    expect(await diff({ name: "web-2", zones: [zone(3)] })).toEqual({ changes: true, replaces: [] });
    expect(await diff({ wholeAccount: true, zones: [] })).toEqual({ changes: true, replaces: [] });
  });

  it("replaces a group moved to another account", async () => {
    expect(await diff({ accountId: OTHER_ACCOUNT })).toEqual({ changes: true, replaces: ["accountId"] });
  });

  it("replaces a member on any change", async () => {
    const member = { accountId: ACCOUNT, groupId: zone(9), zoneId: zone(1) };
    const changed = await handlers.cloudflareGroupMember.diff("x", member, { ...member, zoneId: zone(2) });
    expect(changed).toEqual({ changes: true, replaces: ["zoneId"] });
  });
});

import { handlers } from "../../provider/runtime";
import { UNKNOWN } from "../../provider/core/validate";
import { resolveZopNightSettings } from "../../provider/vendors/zopnight/settings";
import {
  memberName,
  plannedSequence,
  sequenceProblems,
} from "../../provider/vendors/zopnight/resources/startupSequence";
import { useOfflineSettings } from "../support/offlineSettings";

useOfflineSettings();

const group = handlers.zopnightResourceGroup;
const member = handlers.zopnightGroupMember;

async function failures(handler: typeof group, news: Record<string, unknown>) {
  return (await handler.check({}, news)).failures ?? [];
}

async function expectFailure(
  handler: typeof group,
  news: Record<string, unknown>,
  property: string,
  reason: RegExp,
) {
  expect(await failures(handler, news)).toEqual(
    expect.arrayContaining([{ property, reason: expect.stringMatching(reason) as string }]),
  );
}

const GROUP = "grp_abc123def456";

describe("ZopNight ResourceGroup check", () => {
  it("trims the name and fills defaults", async () => {
    expect((await group.check({}, { name: "  Backend  " })).inputs).toEqual({
      name: "Backend",
      description: "",
      adopt: false,
    });
  });

  it("accepts 100 characters after trimming and refuses 101, naming the field", async () => {
    expect(await failures(group, { name: ` ${"n".repeat(100)} ` })).toEqual([]);
    await expectFailure(
      group,
      { name: "n".repeat(101) },
      "name",
      /at most 100 characters after trimming \(got 101\)/,
    );
  });

  it("refuses a missing or blank name", async () => {
    await expectFailure(group, {}, "name", /^name is required$/);
    await expectFailure(group, { name: "  " }, "name", /must not be empty/);
  });

  it("accepts 500 description characters and refuses 501", async () => {
    expect(await failures(group, { name: "a", description: "d".repeat(500) })).toEqual([]);
    await expectFailure(group, { name: "a", description: "d".repeat(501) }, "description", /\(got 501\)/);
  });

  it("refuses a non-boolean adopt", async () => {
    await expectFailure(group, { name: "a", adopt: "yes" }, "adopt", /adopt must be true or false/);
  });

  it("leaves values unknown during a preview for later", async () => {
    expect(await failures(group, { name: UNKNOWN, description: UNKNOWN })).toEqual([]);
  });
});

describe("ZopNight ResourceGroup diff", () => {
  const olds = { name: "a", description: "x", adopt: false, groupId: GROUP };

  it("updates name and description in place and never replaces", async () => {
    const result = await group.diff(GROUP, olds, { name: "b", description: "y", adopt: false });
    expect(result).toEqual({ changes: true, replaces: [] });
  });

  it("ignores adopt after creation", async () => {
    expect(await group.diff(GROUP, olds, { name: "a", description: "x", adopt: true })).toEqual({
      changes: false,
      replaces: [],
    });
  });
});

describe("ZopNight GroupMember check", () => {
  const valid = { groupId: GROUP, resource: "res_001" };

  it("defaults to tier-1, order 1", async () => {
    expect((await member.check({}, valid)).inputs).toEqual({
      ...valid,
      executionTier: "tier-1",
      executionOrder: 1,
    });
  });

  it("accepts a cloud UID as the resource", async () => {
    expect(await failures(member, { ...valid, resource: "arn:aws:rds:us-east-1:1:db:x" })).toEqual([]);
  });

  it("refuses a missing, empty or padded resource", async () => {
    await expectFailure(member, { groupId: GROUP }, "resource", /^resource is required$/);
    await expectFailure(member, { ...valid, resource: "" }, "resource", /must not be empty/);
    await expectFailure(
      member,
      { ...valid, resource: " res_001" },
      "resource",
      /must not start or end with spaces/,
    );
  });

  it("refuses a malformed group id", async () => {
    await expectFailure(
      member,
      { ...valid, groupId: "grp_ABC" },
      "groupId",
      /'grp_' followed by 12 lowercase/,
    );
    await expectFailure(member, { resource: "res_001" }, "groupId", /^groupId is required$/);
  });

  it("takes tier-1 and tier-10 and refuses tier-0 and tier-11", async () => {
    expect(await failures(member, { ...valid, executionTier: "tier-10" })).toEqual([]);
    await expectFailure(
      member,
      { ...valid, executionTier: "tier-11" },
      "executionTier",
      /tier-1 to tier-10 \(got 'tier-11'\)/,
    );
    await expectFailure(member, { ...valid, executionTier: "tier-0" }, "executionTier", /got 'tier-0'/);
  });

  it("takes orders 1 and 1000 and refuses 0, 1001, fractions and strings", async () => {
    expect(await failures(member, { ...valid, executionOrder: 1000 })).toEqual([]);
    await expectFailure(member, { ...valid, executionOrder: 0 }, "executionOrder", /at least 1 \(got 0\)/);
    await expectFailure(member, { ...valid, executionOrder: 1001 }, "executionOrder", /at most 1000/);
    await expectFailure(member, { ...valid, executionOrder: 1.5 }, "executionOrder", /must be an integer/);
    await expectFailure(member, { ...valid, executionOrder: "2" }, "executionOrder", /JSON integer/);
  });

  it("leaves a group id not known yet for later", async () => {
    expect(await failures(member, { ...valid, groupId: UNKNOWN })).toEqual([]);
  });
});

describe("ZopNight GroupMember diff", () => {
  const olds = {
    groupId: GROUP,
    resource: "i-0abc123def456",
    resourceId: "res_003",
    resourceUID: "i-0abc123def456",
    executionTier: "tier-1",
    executionOrder: 1,
  };
  const diff = (news: Record<string, unknown>) => member.diff(`${GROUP}/res_003`, olds, { ...olds, ...news });

  it("changes tier and order in place, never replacing", async () => {
    expect(await diff({ executionTier: "tier-2" })).toEqual({ changes: true, replaces: [] });
    expect(await diff({ executionOrder: 9 })).toEqual({ changes: true, replaces: [] });
  });

  it("replaces for another resource or another group", async () => {
    expect(await diff({ resource: "res_004" })).toEqual({ changes: true, replaces: ["resource"] });
    expect(await diff({ groupId: "grp_zzzzzzzzzzzz" })).toEqual({ changes: true, replaces: ["groupId"] });
  });

  it("updates without replacing when the same resource is named by its id instead of its UID", async () => {
    expect(await diff({ resource: "res_003" })).toEqual({ changes: true, replaces: [] });
  });

  it("reports no change when nothing changed", async () => {
    expect(await diff({})).toEqual({ changes: false, replaces: [] });
  });
});

describe("ZopNight settings", () => {
  it("defaults the endpoint to https://zopnight.com/api and reads the token from the environment", () => {
    const settings = resolveZopNightSettings({ RESOURCEGROUPS_ZOPNIGHT_TOKEN: "t" });
    expect(settings).toMatchObject({ zopnightEndpoint: "https://zopnight.com/api", zopnightToken: "t" });
  });

  it("takes the endpoint from RESOURCEGROUPS_ZOPNIGHT_ENDPOINT", () => {
    const env = {
      RESOURCEGROUPS_ZOPNIGHT_TOKEN: "t",
      RESOURCEGROUPS_ZOPNIGHT_ENDPOINT: "http://localhost:1/api",
    };
    expect(resolveZopNightSettings(env).zopnightEndpoint).toBe("http://localhost:1/api");
  });

  it("names the config key and the variable of a missing token or a bad endpoint", () => {
    expect(() => resolveZopNightSettings({})).toThrow(
      /zopnightToken: set stack config 'resourcegroups:zopnightToken' \(pulumi config set --secret .*RESOURCEGROUPS_ZOPNIGHT_TOKEN/,
    );
    expect(() =>
      resolveZopNightSettings({
        RESOURCEGROUPS_ZOPNIGHT_TOKEN: "t",
        RESOURCEGROUPS_ZOPNIGHT_ENDPOINT: "ftp://x",
      }),
    ).toThrow(/zopnightEndpoint must be an http\(s\) URL.*RESOURCEGROUPS_ZOPNIGHT_ENDPOINT/);
  });
});

describe("StartupSequence planning", () => {
  it("maps tier positions to tier-N and positions within a tier to orders from 1", () => {
    expect(plannedSequence([["db"], ["cache"], ["app-1", "app-2"]])).toEqual([
      { resource: "db", executionTier: "tier-1", executionOrder: 1 },
      { resource: "cache", executionTier: "tier-2", executionOrder: 1 },
      { resource: "app-1", executionTier: "tier-3", executionOrder: 1 },
      { resource: "app-2", executionTier: "tier-3", executionOrder: 2 },
    ]);
  });

  it("accepts 10 tiers and refuses 11", () => {
    const tiers = (n: number) => Array.from({ length: n }, (_, i) => [`res_${i}`]);
    expect(sequenceProblems(tiers(10))).toEqual([]);
    expect(sequenceProblems(tiers(11))).toEqual(["tiers must have at most 10 tiers (got 11)"]);
  });

  it("accepts 1000 resources in a tier and refuses 1001", () => {
    const tier = (n: number) => [Array.from({ length: n }, (_, i) => `res_${i}`)];
    expect(sequenceProblems(tier(1000))).toEqual([]);
    expect(sequenceProblems(tier(1001))).toEqual(["tiers[0] must have at most 1000 resources (got 1001)"]);
  });

  it("refuses a resource twice and an empty one, naming the position", () => {
    expect(sequenceProblems([["res_1"], ["res_2", "res_1", ""]])).toEqual([
      "tiers[1][1]: resource 'res_1' is already at tiers[0][0]; a resource is in a group once",
      "tiers[1][2]: resource must not be empty",
    ]);
  });

  it("names members after the resource, not its position, and keeps distinct UIDs apart", () => {
    expect(memberName("stack", "res_001")).toBe("stack-res_001");
    expect(memberName("stack", "i-0abc123def456")).toBe("stack-i-0abc123def456");
    const a = memberName("stack", "projects/p/instances/vm1");
    const b = memberName("stack", "projects/p:instances/vm1");
    expect(a).toMatch(/^stack-projects-p-instances-vm1-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(memberName("stack", "projects/p/instances/vm1")).toBe(a);
  });
});

import { ConfigurationError } from "../../provider/core/errors";
import { UNKNOWN } from "../../provider/core/validate";
import { configure, handlers, resetSettings } from "../../provider/runtime";
import { resolveStronglySettings } from "../../provider/vendors/strongly/settings";
import { useOfflineSettings } from "../support/offlineSettings";

useOfflineSettings();

const group = handlers.stronglyResourceGroup;
const member = handlers.stronglyGroupMember;
const GROUP_ID = "rg_abcdefgh01234567";
const MEMBER = { groupId: GROUP_ID, type: "workflow", resourceId: "wf_001", name: "ingest-pipeline" };

async function failures(kind: typeof group, news: Record<string, unknown>) {
  return (await kind.check({}, news)).failures ?? [];
}

async function expectFailure(
  kind: typeof group,
  news: Record<string, unknown>,
  property: string,
  reason: RegExp,
): Promise<void> {
  expect(await failures(kind, news)).toEqual(
    expect.arrayContaining([{ property, reason: expect.stringMatching(reason) as string }]),
  );
}

describe("strongly ResourceGroup check", () => {
  it("trims the name and fills the defaults", async () => {
    const result = await group.check({}, { name: "  Production  " });
    expect(result.failures).toBeUndefined();
    expect(result.inputs).toEqual({ name: "Production", description: "", adopt: false });
  });

  it("takes names of 1-100 characters after trimming", async () => {
    expect(await failures(group, { name: ` ${"a".repeat(100)} ` })).toEqual([]);
    await expectFailure(
      group,
      { name: "a".repeat(101) },
      "name",
      /at most 100 characters after trimming \(got 101\)/,
    );
    await expectFailure(group, { name: "  " }, "name", /must not be empty after trimming/);
    await expectFailure(group, {}, "name", /name must be a string/);
  });

  it("takes descriptions of at most 500 characters", async () => {
    expect(await failures(group, { name: "g", description: "d".repeat(500) })).toEqual([]);
    await expectFailure(
      group,
      { name: "g", description: "d".repeat(501) },
      "description",
      /at most 500 characters \(got 501\)/,
    );
    await expectFailure(group, { name: "g", description: 5 }, "description", /must be a string/);
  });

  it("takes adopt as a boolean", async () => {
    await expectFailure(group, { name: "g", adopt: "yes" }, "adopt", /adopt must be true or false/);
  });

  it("skips values not known yet during a preview", async () => {
    expect(await failures(group, { name: UNKNOWN, description: UNKNOWN })).toEqual([]);
  });
});

describe("strongly ResourceGroup diff", () => {
  const olds = { name: "a", description: "x", adopt: false, groupId: GROUP_ID };

  it("updates name and description in place and never replaces", async () => {
    expect(await group.diff(GROUP_ID, olds, { name: "b", description: "y", adopt: false })).toEqual({
      changes: true,
      replaces: [],
    });
    expect(await group.diff(GROUP_ID, olds, { name: "A", description: "x", adopt: false })).toEqual({
      changes: true,
      replaces: [],
    });
  });

  it("sees no change when only adopt differs", async () => {
    expect((await group.diff(GROUP_ID, olds, { name: "a", description: "x", adopt: true })).changes).toBe(
      false,
    );
  });
});

describe("strongly GroupMember check", () => {
  it("accepts a valid member unchanged", async () => {
    const result = await member.check({}, MEMBER);
    expect(result).toEqual({ inputs: MEMBER });
  });

  it("names the field of every broken rule", async () => {
    await expectFailure(
      member,
      { ...MEMBER, groupId: "rg_123" },
      "groupId",
      /'rg_' followed by 16 lowercase/,
    );
    await expectFailure(member, { ...MEMBER, type: "database" }, "type", /type must be one of app, addon/);
    await expectFailure(member, { ...MEMBER, resourceId: "" }, "resourceId", /must not be empty/);
    await expectFailure(
      member,
      { ...MEMBER, resourceId: "r".repeat(129) },
      "resourceId",
      /at most 128 characters \(got 129\)/,
    );
    await expectFailure(
      member,
      { ...MEMBER, resourceId: "wf.1" },
      "resourceId",
      /only letters, digits, '_' and '-'/,
    );
    await expectFailure(member, { ...MEMBER, name: "" }, "name", /name must not be empty/);
    await expectFailure(
      member,
      { ...MEMBER, name: "n".repeat(201) },
      "name",
      /at most 200 characters \(got 201\)/,
    );
    expect(await failures(member, { ...MEMBER, resourceId: "r".repeat(128), name: "n".repeat(200) })).toEqual(
      [],
    );
  });

  it("requires every field", async () => {
    const found = await failures(member, {});
    expect(found.map((f) => f.property).sort()).toEqual(["groupId", "name", "resourceId", "type"]);
  });
});

describe("strongly GroupMember diff", () => {
  it("replaces on group, type or resource id", async () => {
    for (const [field, value] of [
      ["groupId", "rg_0000000000000000"],
      ["type", "app"],
      ["resourceId", "wf_002"],
    ] as const) {
      expect(await member.diff("id", MEMBER, { ...MEMBER, [field]: value })).toEqual({
        changes: true,
        replaces: [field],
      });
    }
  });

  it("changes the name in place", async () => {
    expect(await member.diff("id", MEMBER, { ...MEMBER, name: "renamed" })).toEqual({
      changes: true,
      replaces: [],
    });
    expect((await member.diff("id", MEMBER, { ...MEMBER })).changes).toBe(false);
  });
});

describe("strongly settings", () => {
  const env = {
    RESOURCEGROUPS_STRONGLY_ENDPOINT: "https://acme.strongly.ai",
    RESOURCEGROUPS_STRONGLY_API_KEY: "sk-1",
  };
  afterEach(() => resetSettings());

  it("reads the environment and fills the shared defaults", () => {
    expect(resolveStronglySettings(env)).toEqual({
      stronglyEndpoint: "https://acme.strongly.ai",
      stronglyApiKey: "sk-1",
      requestTimeoutMs: 30000,
      maxRetries: 4,
    });
  });

  it("prefers the stack config", async () => {
    const config: Record<string, string> = { "resourcegroups:stronglyApiKey": "sk-stack" };
    await configure({ config: { get: (key) => config[key] } });
    expect(resolveStronglySettings(env).stronglyApiKey).toBe("sk-stack");
  });

  it("names the config key and variable of a missing or malformed setting", () => {
    expect(() => resolveStronglySettings({})).toThrow(ConfigurationError);
    expect(() => resolveStronglySettings({})).toThrow(
      /resourcegroups:stronglyEndpoint.*RESOURCEGROUPS_STRONGLY_ENDPOINT/,
    );
    expect(() => resolveStronglySettings({})).toThrow(
      /pulumi config set --secret resourcegroups:stronglyApiKey/,
    );
    expect(() => resolveStronglySettings({ ...env, RESOURCEGROUPS_STRONGLY_ENDPOINT: "acme" })).toThrow(
      /stronglyEndpoint must be an http\(s\) URL/,
    );
  });
});

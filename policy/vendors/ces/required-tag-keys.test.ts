import {
  UNKNOWN,
  group,
  member,
  otherVendorsStack,
  runStackValidation,
  tagRule,
  targeting,
} from "../../testing";
import { DEFAULT_REQUIRED_KEYS, parseRequiredTagKeysConfig, requiredTagKeys } from "./required-tag-keys";

const tags = (...keys: string[]) => keys.map((key) => ({ key, value: "x" }));

describe("resource-groups-required-tag-keys", () => {
  it("is a mandatory stack policy with the documented default keys", () => {
    expect(requiredTagKeys.name).toBe("resource-groups-required-tag-keys");
    expect(requiredTagKeys.enforcementLevel).toBe("mandatory");
    expect(requiredTagKeys.configSchema?.properties["keys"]?.default).toEqual([
      "env",
      "owner",
      "cost-center",
    ]);
    expect(parseRequiredTagKeysConfig({})).toEqual({ keys: [...DEFAULT_REQUIRED_KEYS] });
  });

  it("passes a TAG group that has every key in its own tags", async () => {
    const outcome = await runStackValidation(requiredTagKeys, [
      group("web", { name: "web", type: "TAG", tags: tags("env", "owner", "cost-center") }),
    ]);
    expect(outcome.violations).toEqual([]);
  });

  it("names the missing keys, the config and the group", async () => {
    const web = group("web", { name: "web", type: "TAG", tags: tags("env") });
    const outcome = await runStackValidation(requiredTagKeys, [web]);
    expect(outcome.violations).toEqual([
      {
        message:
          "TAG group 'web' is missing required tag key(s): owner, cost-center (config keys: env, owner, cost-center; " +
          "it matches on: env). Add them to its 'tags' field or as TagRules targeting it.",
        urn: web.urn,
      },
    ]);
  });

  it("counts TagRules targeting the group, found through propertyDependencies during preview", async () => {
    const web = group("web", { name: "web", type: "TAG", tags: tags("env") });
    const other = group("other", { name: "other", type: "TAG", tags: tags("env", "owner", "cost-center") });
    const { groupId, ...options } = targeting(web);
    const outcome = await runStackValidation(requiredTagKeys, [
      web,
      other,
      tagRule("web-owner", { groupId, key: "owner", value: "ops" }, options),
      tagRule("web-cc", { groupId, key: "cost-center", value: "cc-0001" }, options),
    ]);
    expect(outcome.violations).toEqual([]);
  });

  it("counts TagRules whose known groupId matches the group's output", async () => {
    const groupId = "rg" + "w".repeat(22);
    const outcome = await runStackValidation(requiredTagKeys, [
      group("web", { name: "web", type: "TAG", tags: tags("env", "owner"), groupId }),
      tagRule("web-cc", { groupId, key: "cost-center", value: "cc-0001" }),
    ]);
    expect(outcome.violations).toEqual([]);
  });

  it("does not credit a group with another group's TagRules", async () => {
    const web = group("web", { name: "web", type: "TAG", tags: tags("env", "owner") });
    const db = group("db", { name: "db", type: "TAG", tags: tags("env", "owner") });
    const { groupId, ...options } = targeting(db);
    const outcome = await runStackValidation(requiredTagKeys, [
      web,
      db,
      tagRule("db-cc", { groupId, key: "cost-center", value: "cc-0001" }, options),
    ]);
    expect(outcome.messages).toEqual([
      expect.stringMatching(/^TAG group 'web' is missing required tag key\(s\): cost-center /),
    ]);
  });

  it("ignores Manual and EPS groups and groups without a type (Manual)", async () => {
    const outcome = await runStackValidation(requiredTagKeys, [
      group("manual", { name: "manual" }),
      group("eps", { name: "eps", type: "EPS" }),
      member("m", { groupId: "rg" + "m".repeat(22), namespace: "SYS.ECS", dimensions: [] }),
    ]);
    expect(outcome.violations).toEqual([]);
  });

  it("waits for unknown keys instead of guessing, but still reports known gaps elsewhere", async () => {
    const pending = group("pending", { name: "pending", type: "TAG", tags: [{ key: UNKNOWN, value: "x" }] });
    const unknownTags = group("unknown-tags", { name: "unknown-tags", type: "TAG", tags: UNKNOWN });
    const unknownType = group("unknown-type", { name: "unknown-type", type: UNKNOWN, tags: [] });
    const bare = group("bare", { name: "bare", type: "TAG" });
    const outcome = await runStackValidation(requiredTagKeys, [pending, unknownTags, unknownType, bare]);
    expect(outcome.skippedInPreview).toBeUndefined();
    expect(outcome.violations.map((violation) => violation.urn)).toEqual([bare.urn]);
    expect(outcome.messages[0]).toContain("missing required tag key(s): env, owner, cost-center");
    expect(outcome.messages[0]).toContain("it matches on: (none)");
  });

  it("uses the configured keys", async () => {
    const web = group("web", { name: "web", type: "TAG", tags: tags("env", "owner", "cost-center") });
    const outcome = await runStackValidation(requiredTagKeys, [web], { keys: ["team"] });
    expect(outcome.messages).toEqual([
      expect.stringContaining("missing required tag key(s): team (config keys: team;"),
    ]);
    const none = await runStackValidation(requiredTagKeys, [web], {
      enforcementLevel: "mandatory",
      keys: [],
    });
    expect(none).toMatchObject({ violations: [], notApplicable: "no required tag keys configured" });
  });

  it("compares keys case-sensitively, like the vendor", async () => {
    const outcome = await runStackValidation(requiredTagKeys, [
      group("web", { name: "web", type: "TAG", tags: tags("Env", "owner", "cost-center") }),
    ]);
    expect(outcome.messages).toEqual([expect.stringContaining("missing required tag key(s): env (")]);
  });

  it("rejects a config it cannot use", () => {
    expect(() => parseRequiredTagKeysConfig({ keys: "env" })).toThrow(
      "invalid config for policy 'resource-groups-required-tag-keys': 'keys' must be an array of strings",
    );
  });

  it("ignores the groups of other vendors, even beside a CES group it reports", async () => {
    expect((await runStackValidation(requiredTagKeys, otherVendorsStack())).violations).toEqual([]);
    const web = group("web", { name: "web", type: "TAG", tags: tags("env") });
    const outcome = await runStackValidation(requiredTagKeys, [...otherVendorsStack(), web]);
    expect(outcome.violations.map((violation) => violation.urn)).toEqual([web.urn]);
  });
});

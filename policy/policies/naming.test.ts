import { UNKNOWN, cloudflare, group, runResourceValidation, strongly, tagRule, zopnight } from "../testing";
import { DEFAULT_NAME_PATTERN, naming, parseNamingConfig } from "./naming";

const named = (name: unknown) => group("web", { name, type: "Manual" });

describe("resource-groups-naming", () => {
  it("is advisory, with lowercase kebab-case 3-63 by default", () => {
    expect(naming.name).toBe("resource-groups-naming");
    expect(naming.enforcementLevel).toBe("advisory");
    expect(DEFAULT_NAME_PATTERN).toBe("^[a-z][a-z0-9-]{2,62}$");
    expect(naming.configSchema?.properties["pattern"]?.default).toBe(DEFAULT_NAME_PATTERN);
  });

  it.each(["web", "web-prod-01", "a" + "b".repeat(62)])("passes %j", async (name) => {
    expect((await runResourceValidation(naming, named(name))).violations).toEqual([]);
  });

  it("reports names outside the convention, with the pattern and its description", async () => {
    const outcome = await runResourceValidation(naming, named("Web_Prod"));
    expect(outcome.messages).toEqual([
      "ResourceGroup 'web' field name 'Web_Prod' does not follow the naming convention (config pattern: ^[a-z][a-z0-9-]{2,62}$: " +
        "lowercase kebab-case: a lowercase letter, then lowercase letters, digits or '-', 3-63 characters).",
    ]);
    expect((await runResourceValidation(naming, named("ab"))).violations).toHaveLength(1);
    expect((await runResourceValidation(naming, named("a".repeat(64)))).violations).toHaveLength(1);
  });

  it("checks the vendor rule with the vendor's words, also when the convention is off", async () => {
    const outcome = await runResourceValidation(naming, named("web prod!"), { pattern: "" });
    expect(outcome.messages).toEqual([
      "ResourceGroup 'web' field name 'web prod!': group name may contain only CJK characters, letters, digits, '_' and '-' (vendor rule).",
    ]);
    const long = await runResourceValidation(naming, named("组".repeat(129)), { pattern: "" });
    expect(long.messages).toEqual([
      expect.stringContaining(": group name must have at most 128 characters (got 129) (vendor rule)."),
    ]);
    const empty = await runResourceValidation(naming, named(""), { pattern: "" });
    expect(empty.messages).toEqual([
      "ResourceGroup 'web' field name '': group name must not be empty (vendor rule).",
    ]);
    const missing = await runResourceValidation(naming, group("web", {}));
    expect(missing.messages).toEqual([
      "ResourceGroup 'web' has no 'name' field (vendor rule: group name must not be empty).",
    ]);
  });

  it("accepts CJK names when the configured convention does", async () => {
    const config = { pattern: "^[\u4E00-\u9FFF]+-[a-z]+$", patternHint: "中文前缀-英文" };
    expect((await runResourceValidation(naming, named("监控-web"), config)).violations).toEqual([]);
    const outcome = await runResourceValidation(naming, named("web"), config);
    expect(outcome.messages).toEqual([
      "ResourceGroup 'web' field name 'web' does not follow the naming convention (config pattern: ^[\u4E00-\u9FFF]+-[a-z]+$: 中文前缀-英文).",
    ]);
  });

  it("leaves a name unknown during preview for the update to check", async () => {
    const outcome = await runResourceValidation(naming, named(UNKNOWN));
    expect(outcome).toEqual({ violations: [], messages: [] });
  });

  it("parses its config", () => {
    expect(parseNamingConfig({}).pattern?.source).toBe(DEFAULT_NAME_PATTERN);
    expect(parseNamingConfig({ pattern: "^x" }).patternHint).toBe("");
    expect(() => parseNamingConfig({ pattern: "(" })).toThrow("'pattern' is not a valid regular expression");
  });

  it("does not apply to members, tag rules or anything else", async () => {
    for (const resource of [
      tagRule("r", { key: "Bad Name" }),
      cloudflare.member("m", { groupId: "g", zoneId: "Bad Name" }),
      zopnight.member("z", { groupId: "g", resource: "Bad Name" }),
    ]) {
      const outcome = await runResourceValidation(naming, resource);
      expect(outcome.notApplicable).toBe("applies to the ResourceGroup resources of every vendor only");
    }
  });
});

describe("resource-groups-naming at every vendor", () => {
  const vendors = [
    ["Cloudflare", cloudflare.group],
    ["Strongly", strongly.group],
    ["ZopNight", zopnight.group],
  ] as const;

  it.each(vendors)("applies the convention to %s groups", async (vendor, build) => {
    expect((await runResourceValidation(naming, build("web", { name: "web-prod" }))).violations).toEqual([]);
    const outcome = await runResourceValidation(naming, build("web", { name: "Web Prod" }));
    expect(outcome.messages).toEqual([
      `${vendor} ResourceGroup 'web' field name 'Web Prod' does not follow the naming convention ` +
        "(config pattern: ^[a-z][a-z0-9-]{2,62}$: lowercase kebab-case: a lowercase letter, then lowercase letters, digits or '-', 3-63 characters).",
    ]);
    const custom = await runResourceValidation(naming, build("web", { name: "Web Prod" }), {
      pattern: "^[A-Z][A-Za-z ]+$",
    });
    expect(custom.violations).toEqual([]);
  });

  it.each(vendors)("leaves an unknown %s group name for the update", async (_vendor, build) => {
    expect(await runResourceValidation(naming, build("web", { name: UNKNOWN }))).toEqual({
      violations: [],
      messages: [],
    });
  });

  it("checks each vendor's own name rule, in that vendor's words", async () => {
    const noConvention = { pattern: "" };
    // A space is fine for Cloudflare, but not at either end.
    const edge = await runResourceValidation(
      naming,
      cloudflare.group("edge", { name: " edge" }),
      noConvention,
    );
    expect(edge.messages).toEqual([
      "Cloudflare ResourceGroup 'edge' field name ' edge': name must not start or end with a space (vendor rule).",
    ]);
    expect(
      (await runResourceValidation(naming, cloudflare.group("edge", { name: "a".repeat(255) }), noConvention))
        .violations,
    ).toEqual([]);
    const long = await runResourceValidation(
      naming,
      strongly.group("st", { name: "s".repeat(101) }),
      noConvention,
    );
    expect(long.messages).toEqual([
      "Strongly ResourceGroup 'st' field name '" +
        "s".repeat(101) +
        "': name must have at most 100 characters after trimming (got 101) (vendor rule).",
    ]);
    const blank = await runResourceValidation(naming, zopnight.group("zn", { name: "   " }), noConvention);
    expect(blank.messages).toEqual([
      "ZopNight ResourceGroup 'zn' field name '   ': name must not be empty (after trimming) (vendor rule).",
    ]);
    const missing = await runResourceValidation(naming, zopnight.group("zn", {}));
    expect(missing.messages).toEqual([
      "ZopNight ResourceGroup 'zn' has no 'name' field (vendor rule: name must not be empty (after trimming)).",
    ]);
  });
});

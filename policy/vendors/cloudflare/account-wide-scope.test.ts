import { UNKNOWN, cloudflare, group, runResourceValidation, strongly } from "../../testing";
import { cloudflareAccountWideScope, parseAccountWideScopeConfig } from "./account-wide-scope";

const ZONE = "a".repeat(32);

describe("resource-groups-cloudflare-account-wide-scope", () => {
  it("is advisory, with no exempt groups by default", () => {
    expect(cloudflareAccountWideScope.name).toBe("resource-groups-cloudflare-account-wide-scope");
    expect(cloudflareAccountWideScope.enforcementLevel).toBe("advisory");
    expect(cloudflareAccountWideScope.configSchema?.properties["allowedGroups"]?.default).toEqual([]);
    expect(parseAccountWideScopeConfig({})).toEqual({ allowedGroups: [] });
  });

  it("reports a group that scopes the whole account", async () => {
    const outcome = await runResourceValidation(
      cloudflareAccountWideScope,
      cloudflare.group("admins", { name: "all-zones", wholeAccount: true }),
    );
    expect(outcome.messages).toEqual([
      "Cloudflare ResourceGroup 'admins' (name 'all-zones') field wholeAccount is true: it scopes every zone " +
        "of the account, including zones added later (config allowedGroups: (none)).",
    ]);
  });

  it("passes groups of named zones, with wholeAccount false or not set", async () => {
    for (const props of [
      { name: "edge", zones: [ZONE] },
      { name: "edge", zones: [ZONE], wholeAccount: false, exclusive: true },
    ]) {
      const outcome = await runResourceValidation(
        cloudflareAccountWideScope,
        cloudflare.group("edge", props),
      );
      expect(outcome.violations).toEqual([]);
    }
  });

  it("exempts the groups named in allowedGroups, by their name field", async () => {
    const config = { allowedGroups: ["all-zones"] };
    const allowed = cloudflare.group("admins", { name: "all-zones", wholeAccount: true });
    expect((await runResourceValidation(cloudflareAccountWideScope, allowed, config)).violations).toEqual([]);
    const other = cloudflare.group("all-zones", { name: "everything", wholeAccount: true });
    const outcome = await runResourceValidation(cloudflareAccountWideScope, other, config);
    expect(outcome.messages).toEqual([
      expect.stringContaining("(name 'everything') field wholeAccount is true"),
    ]);
    expect(outcome.messages[0]).toContain("(config allowedGroups: all-zones)");
  });

  it("waits during preview for an unknown flag, or an unknown name that may be exempt", async () => {
    const unknownFlag = cloudflare.group("g", { name: "g", wholeAccount: UNKNOWN });
    expect(await runResourceValidation(cloudflareAccountWideScope, unknownFlag)).toEqual({
      violations: [],
      messages: [],
    });
    const unknownName = cloudflare.group("g", { name: UNKNOWN, wholeAccount: true });
    const exemptions = { allowedGroups: ["all-zones"] };
    const waiting = await runResourceValidation(cloudflareAccountWideScope, unknownName, exemptions);
    expect(waiting).toEqual({ violations: [], messages: [] });
    // With no exemptions the name does not matter: reported at once.
    const reported = await runResourceValidation(cloudflareAccountWideScope, unknownName);
    expect(reported.messages).toEqual([
      "Cloudflare ResourceGroup 'g' field wholeAccount is true: it scopes every zone of the account, " +
        "including zones added later (config allowedGroups: (none)).",
    ]);
  });

  it("does not apply to other resources or vendors", async () => {
    for (const resource of [
      cloudflare.member("m", { groupId: "g", zoneId: ZONE }),
      group("ces", { name: "ces", wholeAccount: true }),
      strongly.group("st", { name: "st", wholeAccount: true }),
    ]) {
      const outcome = await runResourceValidation(cloudflareAccountWideScope, resource);
      expect(outcome.notApplicable).toBe("applies to Cloudflare ResourceGroup resources only");
    }
  });

  it("rejects a config it cannot use", () => {
    expect(() => parseAccountWideScopeConfig({ allowedGroups: "all-zones" })).toThrow(
      "invalid config for policy 'resource-groups-cloudflare-account-wide-scope': 'allowedGroups' must be an array of strings",
    );
  });
});

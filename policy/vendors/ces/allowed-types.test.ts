import { UNKNOWN, group, member, otherVendorsStack, runResourceValidation } from "../../testing";
import { allowedTypes, parseAllowedTypesConfig } from "./allowed-types";

describe("resource-groups-allowed-types", () => {
  it("is mandatory and allows every type by default", async () => {
    expect(allowedTypes.name).toBe("resource-groups-allowed-types");
    expect(allowedTypes.enforcementLevel).toBe("mandatory");
    expect(allowedTypes.configSchema?.properties["allowed"]?.default).toEqual(["Manual", "TAG", "EPS"]);
    for (const type of ["Manual", "TAG", "EPS", undefined]) {
      expect((await runResourceValidation(allowedTypes, group("g", { name: "g", type }))).violations).toEqual(
        [],
      );
    }
  });

  it("reports a type outside the configured list", async () => {
    const outcome = await runResourceValidation(allowedTypes, group("eps", { name: "eps", type: "EPS" }), {
      allowed: ["Manual", "TAG"],
    });
    expect(outcome.messages).toEqual([
      "ResourceGroup 'eps' field type is 'EPS', which is not an allowed group type (config allowed: Manual, TAG).",
    ]);
  });

  it("treats a group without type as the provider's default, Manual", async () => {
    const outcome = await runResourceValidation(allowedTypes, group("plain", { name: "plain" }), {
      allowed: ["TAG"],
    });
    expect(outcome.messages).toEqual([
      "ResourceGroup 'plain' field type is not set, so 'Manual' (the provider's default), which is not an allowed group type (config allowed: TAG).",
    ]);
  });

  it("reports a value that is no group type at all", async () => {
    const outcome = await runResourceValidation(allowedTypes, group("odd", { name: "odd", type: "tag" }));
    expect(outcome.messages).toEqual([
      "ResourceGroup 'odd' field type is 'tag', which is not a group type at all (config allowed: Manual, TAG, EPS).",
    ]);
  });

  it("leaves an unknown type for the update, and other resources alone", async () => {
    expect(
      (await runResourceValidation(allowedTypes, group("g", { type: UNKNOWN }), { allowed: [] })).violations,
    ).toEqual([]);
    const outcome = await runResourceValidation(allowedTypes, member("m", { groupId: "rg1" }), {
      allowed: [],
    });
    expect(outcome.notApplicable).toBe("applies to ResourceGroup resources only");
  });

  it("validates its config", () => {
    expect(parseAllowedTypesConfig({ allowed: ["TAG", "TAG"] })).toEqual({ allowed: ["TAG"] });
    expect(() => parseAllowedTypesConfig({ allowed: ["Manual", "Dynamic"] })).toThrow(
      "invalid config for policy 'resource-groups-allowed-types': 'allowed' has unknown group type(s) Dynamic (group types: Manual, TAG, EPS)",
    );
  });

  it("ignores the resources of other vendors", async () => {
    for (const resource of otherVendorsStack()) {
      const outcome = await runResourceValidation(allowedTypes, resource, { allowed: ["TAG"] });
      expect(outcome.notApplicable).toBe("applies to ResourceGroup resources only");
    }
  });
});

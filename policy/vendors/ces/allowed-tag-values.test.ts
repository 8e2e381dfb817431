import { UNKNOWN, group, member, otherVendorsStack, runResourceValidation, tagRule } from "../../testing";
import { allowedTagValues, parseAllowedTagValuesConfig, tagValueProblems } from "./allowed-tag-values";

const config = {
  rules: {
    env: { allowed: ["dev", "staging", "prod"] },
    "cost-center": { pattern: "^cc-[0-9]{4}$" },
  },
};

describe("resource-groups-allowed-tag-values", () => {
  it("is mandatory, with no rules by default", async () => {
    expect(allowedTagValues.name).toBe("resource-groups-allowed-tag-values");
    expect(allowedTagValues.enforcementLevel).toBe("mandatory");
    expect(allowedTagValues.configSchema?.properties["rules"]?.default).toEqual({});
    const outcome = await runResourceValidation(
      allowedTagValues,
      group("web", { name: "web", type: "TAG", tags: [{ key: "env", value: "anything" }] }),
    );
    expect(outcome).toMatchObject({ violations: [], notApplicable: "no tag value rules configured" });
  });

  it("passes allowed values and values matching the pattern", async () => {
    const outcome = await runResourceValidation(
      allowedTagValues,
      group("web", {
        name: "web",
        type: "TAG",
        tags: [
          { key: "env", value: "prod" },
          { key: "cost-center", value: "cc-1234" },
          { key: "unruled", value: "whatever" },
        ],
      }),
      config,
    );
    expect(outcome.violations).toEqual([]);
  });

  it("reports a group's tag by position, key, value and rule", async () => {
    const outcome = await runResourceValidation(
      allowedTagValues,
      group("web", {
        name: "web",
        type: "TAG",
        tags: [{ key: "env", value: "qa" }, { key: "cost-center", value: "cc-12" }, { key: "env" }],
      }),
      config,
    );
    expect(outcome.messages).toEqual([
      "ResourceGroup 'web' field tags[0] (key 'env') has value 'qa', not one of the allowed values for 'env' (config allowed: dev, staging, prod).",
      "ResourceGroup 'web' field tags[1] (key 'cost-center') has value 'cc-12', which does not match the pattern for 'cost-center' (config pattern: ^cc-[0-9]{4}$).",
      "ResourceGroup 'web' field tags[2] (key 'env') has no value (it matches any value), not one of the allowed values for 'env' (config allowed: dev, staging, prod).",
    ]);
  });

  it("checks TagRules", async () => {
    const rule = tagRule("web-env", { groupId: UNKNOWN, key: "env", value: "test" });
    const outcome = await runResourceValidation(allowedTagValues, rule, config);
    expect(outcome.violations).toEqual([
      {
        message:
          "TagRule 'web-env' (key 'env') field value has value 'test', not one of the allowed values for 'env' (config allowed: dev, staging, prod).",
      },
    ]);
    const fine = await runResourceValidation(
      allowedTagValues,
      tagRule("ok", { groupId: "rg1", key: "env", value: "dev" }),
      config,
    );
    expect(fine.violations).toEqual([]);
  });

  it("requires both constraints when a key has an allowed list and a pattern", () => {
    const { rules } = parseAllowedTagValuesConfig({
      rules: { env: { allowed: ["dev", "Prod"], pattern: "^[a-z]+$" } },
    });
    const rule = rules.get("env");
    expect(rule).toBeDefined();
    expect(tagValueProblems("env", "dev", rule!)).toEqual([]);
    expect(tagValueProblems("env", "Prod", rule!)).toHaveLength(1);
    expect(tagValueProblems("env", "QA", rule!)).toHaveLength(2);
  });

  it("leaves values unknown during preview for the update to check", async () => {
    const outcome = await runResourceValidation(
      allowedTagValues,
      group("web", {
        name: "web",
        type: "TAG",
        tags: [{ key: "env", value: UNKNOWN }, UNKNOWN, { key: "env", value: "qa" }],
      }),
      config,
    );
    expect(outcome.skippedInPreview).toBeUndefined();
    expect(outcome.messages).toEqual([
      expect.stringMatching(/^ResourceGroup 'web' field tags\[2\] \(key 'env'\) has value 'qa'/),
    ]);
    const rule = await runResourceValidation(
      allowedTagValues,
      tagRule("r", { groupId: "rg1", key: "env", value: UNKNOWN }),
      config,
    );
    expect(rule.violations).toEqual([]);
  });

  it("follows the config", async () => {
    const resource = group("web", { name: "web", type: "TAG", tags: [{ key: "env", value: "qa" }] });
    expect((await runResourceValidation(allowedTagValues, resource, config)).violations).toHaveLength(1);
    const widened = { rules: { env: { allowed: ["qa"] } } };
    expect((await runResourceValidation(allowedTagValues, resource, widened)).violations).toEqual([]);
  });

  it("does not apply to other resources", async () => {
    const outcome = await runResourceValidation(allowedTagValues, member("m", { groupId: "rg1" }), config);
    expect(outcome.notApplicable).toBe("applies to ResourceGroup and TagRule resources only");
  });

  it("rejects rules it cannot use", () => {
    expect(() => parseAllowedTagValuesConfig({ rules: { env: { pattern: "([" } } })).toThrow(
      /^invalid config for policy 'resource-groups-allowed-tag-values': 'rules.env.pattern' is not a valid regular expression/,
    );
    expect(() => parseAllowedTagValuesConfig({ rules: { env: {} } })).toThrow(
      "'rules.env' needs 'allowed' or 'pattern'",
    );
    expect(() => parseAllowedTagValuesConfig({ rules: { env: { allowed: [1] } } })).toThrow(
      "'rules.env.allowed' must be an array of strings",
    );
  });

  it("ignores the resources of other vendors", async () => {
    for (const resource of otherVendorsStack()) {
      const outcome = await runResourceValidation(allowedTagValues, resource, config);
      expect(outcome.notApplicable).toBe("applies to ResourceGroup and TagRule resources only");
    }
  });
});

/**
 * The pack as a whole, without starting it (policy/index.ts would start the analyzer's gRPC server):
 * the policy list, its documented defaults, and the example config of docs/policy.md.
 */
import type { EnforcementLevel, PolicyConfigSchema } from "@pulumi/policy";
import * as fs from "fs";
import * as path from "path";
import { parseAllowedTagValuesConfig } from "../vendors/ces/allowed-tag-values";
import { parseAllowedTypesConfig } from "../vendors/ces/allowed-types";
import { parseDefaultTagsConfig } from "../vendors/ces/default-tags";
import { parseMemberTargetsUnverifiedConfig } from "../vendors/ces/member-targets-unverified";
import { parseRequiredTagKeysConfig } from "../vendors/ces/required-tag-keys";
import { parseAccountWideScopeConfig } from "../vendors/cloudflare/account-wide-scope";
import { parseStronglyMemberTypesConfig } from "../vendors/strongly/member-types";
import { parseTierOrderConfig } from "../vendors/zopnight/tier-order";
import { policies } from "./index";
import { parseNamingConfig } from "./naming";

/** Default levels as documented in docs/policy.md. */
const DOCUMENTED: Record<string, EnforcementLevel> = {
  "resource-groups-required-tag-keys": "mandatory",
  "resource-groups-allowed-tag-values": "mandatory",
  "resource-groups-naming": "advisory",
  "resource-groups-one-membership-owner": "mandatory",
  "resource-groups-allowed-types": "mandatory",
  "resource-groups-member-targets": "mandatory",
  "resource-groups-member-targets-unverified": "advisory",
  "resource-groups-default-tags": "remediate",
  "resource-groups-cloudflare-account-wide-scope": "advisory",
  "resource-groups-cloudflare-exclusive-members": "mandatory",
  "resource-groups-strongly-description": "advisory",
  "resource-groups-strongly-member-types": "mandatory",
  "resource-groups-zopnight-tier-order": "advisory",
};

const PARSERS: Record<string, (raw: unknown) => unknown> = {
  "resource-groups-required-tag-keys": parseRequiredTagKeysConfig,
  "resource-groups-allowed-tag-values": parseAllowedTagValuesConfig,
  "resource-groups-naming": parseNamingConfig,
  "resource-groups-one-membership-owner": () => ({}),
  "resource-groups-allowed-types": parseAllowedTypesConfig,
  "resource-groups-member-targets": () => ({}),
  "resource-groups-member-targets-unverified": parseMemberTargetsUnverifiedConfig,
  "resource-groups-default-tags": parseDefaultTagsConfig,
  "resource-groups-cloudflare-account-wide-scope": parseAccountWideScopeConfig,
  "resource-groups-cloudflare-exclusive-members": () => ({}),
  "resource-groups-strongly-description": () => ({}),
  "resource-groups-strongly-member-types": parseStronglyMemberTypesConfig,
  "resource-groups-zopnight-tier-order": parseTierOrderConfig,
};

function schemaDefaults(schema: PolicyConfigSchema | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema?.properties ?? {}).map(([key, property]) => [key, property.default] as const),
  );
}

const root = path.resolve(__dirname, "..");
const docs = fs.readFileSync(path.resolve(root, "..", "docs", "policy.md"), "utf8");

describe("the policy pack", () => {
  it("has the documented policies, levels and descriptions", () => {
    expect(Object.fromEntries(policies.map((policy) => [policy.name, policy.enforcementLevel]))).toEqual(
      DOCUMENTED,
    );
    for (const policy of policies) {
      expect(policy.description.length).toBeGreaterThan(20);
      expect(docs).toContain(`\`${policy.name}\``);
    }
  });

  it("declares a config schema with a default for every property, which parses to the built-in defaults", () => {
    for (const policy of policies) {
      const schema = policy.configSchema;
      expect(schema).toBeDefined();
      expect(Object.keys(schema?.properties ?? {})).not.toContain("enforcementLevel");
      const defaults = schemaDefaults(schema);
      for (const [key, value] of Object.entries(defaults)) {
        expect([policy.name, key, value]).not.toEqual([policy.name, key, undefined]);
      }
      const parse = PARSERS[policy.name];
      expect(parse).toBeDefined();
      expect(parse?.(defaults)).toEqual(parse?.({}));
    }
  });

  it("ships an example config that names only its policies and parses", () => {
    const example = JSON.parse(
      fs.readFileSync(path.join(root, "policy-config.example.json"), "utf8"),
    ) as Record<string, unknown>;
    expect(Object.keys(example).sort()).toEqual(Object.keys(DOCUMENTED).sort());
    const documented = /```json\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(JSON.parse(documented ?? "null")).toEqual(example);
    for (const [name, config] of Object.entries(example)) {
      if (typeof config === "string") {
        expect(["advisory", "mandatory", "remediate", "disabled"]).toContain(config);
        continue;
      }
      expect(() => PARSERS[name]?.(config)).not.toThrow();
    }
  });

  it("keeps the package manifest and PulumiPolicy.yaml as the Pulumi CLI expects", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
      name: string;
      main: string;
      dependencies: Record<string, string>;
    };
    // The engine loads the compiled pack (see policy/package.test.ts).
    expect(manifest).toMatchObject({ name: "pulumi-resource-groups-policy", main: "dist/index.js" });
    expect(Object.keys(manifest.dependencies).sort()).toEqual([
      "@pulumi/policy",
      "@pulumi/pulumi",
      "pulumi-resource-groups-contracts",
    ]);
    // The vendor rules come from the contracts package of the same release (a workspace here).
    const contracts = JSON.parse(
      fs.readFileSync(path.join(root, "..", "contracts", "package.json"), "utf8"),
    ) as {
      version: string;
    };
    expect(manifest.dependencies["pulumi-resource-groups-contracts"]).toBe(contracts.version);
    expect(fs.readFileSync(path.join(root, "PulumiPolicy.yaml"), "utf8")).toMatch(/^runtime: nodejs$/m);
  });
});

/**
 * The packages as a user installs them, not as the repository links them: `npm pack` of the contracts,
 * the provider, the emulator and the policy pack, installed from those tarballs into a new Pulumi
 * project in a temporary folder outside the repository (so no repository node_modules is on any
 * resolution path; see support/packedInstall.ts). There the installed emulator command serves the
 * APIs, and the real CLI runs `up`, a no-op `preview` and `destroy` of groups at all four vendors with
 * the installed policy pack applied.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import {
  PACKAGES,
  npm,
  packedInstall,
  startInstalledEmulator,
  type InstalledEmulator,
  type PackedInstall,
} from "./support/packedInstall";
import { PulumiProject, ofType, TYPES } from "./support/project";
import { stockTypeCheck } from "./support/stockTypeCheck";

const HOOK_TIMEOUT = 20 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;
const TOKEN = "packed-install-token";

const PROGRAM = `import { ces, cloudflare, strongly, zopnight } from "pulumi-resource-groups";

const web = new ces.ResourceGroup("web", { name: "packed-web" });
new ces.GroupMember("web-1", {
  groupId: web.groupId,
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: "i-packed-1" }],
});
new cloudflare.ResourceGroup("edge", { name: "packed-edge", zones: ["${"a".repeat(32)}"] });
const costs = new strongly.ResourceGroup("costs", { name: "packed-costs", description: "Packed install" });
new strongly.GroupMember("trainer", { groupId: costs.groupId, type: "workflow", resourceId: "wf-1", name: "Trainer" });
new zopnight.StartupSequence("orders", {
  groupName: "packed-orders",
  tiers: [["arn:aws:rds:us-east-1:123456789012:db:orders-postgres"]],
});
`;

/** Every class and public constant of every vendor, with outputs read back, as a program uses them. */
const EVERY_CLASS = `import * as pulumi from "@pulumi/pulumi";
import * as rg from "pulumi-resource-groups";
import { ces, cloudflare, strongly, zopnight } from "pulumi-resource-groups";

const web = new ces.ResourceGroup("web", { type: "Manual" });
new ces.GroupMember("m", { groupId: web.groupId, namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-1" }] });
new ces.GroupMembers("ms", { groupId: web.groupId, members: [] });
const tagged = new rg.ResourceGroup("tagged", { type: "TAG", tags: [{ key: "env", value: "prod" }] });
new rg.TagRule("rule", { groupId: tagged.groupId, key: "team" });
new rg.GroupMember("top", { groupId: web.groupId, namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-2" }] });
new rg.GroupMembers("top-ms", { groupId: web.groupId, members: [] });
const types: readonly ces.GroupType[] = ces.GROUP_TYPES;

const edge = new cloudflare.ResourceGroup("edge", { zones: ["${"a".repeat(32)}"] });
new cloudflare.GroupMember("zone", { groupId: edge.groupId, zoneId: "${"b".repeat(32)}" });
new cloudflare.GroupMembers("zones", { groupId: edge.groupId, zoneIds: [] });

const costs = new strongly.ResourceGroup("costs", { description: "Costs" });
new strongly.GroupMember("app", { groupId: costs.groupId, type: "app", resourceId: "app-1", name: "App" });
new strongly.GroupMembers("apps", { groupId: costs.groupId, members: [{ type: "workflow", resourceId: "wf-1", name: "Flow" }] });
const memberTypes: readonly strongly.MemberType[] = strongly.MEMBER_TYPES;

const orders = new zopnight.ResourceGroup("orders", {});
new zopnight.GroupMember("db", { groupId: orders.id, resource: "i-0abc", executionTier: "tier-2", executionOrder: 1 });
new zopnight.GroupMembers("dbs", { groupId: orders.id, members: [{ resource: "i-0def", executionTier: zopnight.DEFAULT_TIER }] });
new zopnight.StartupSequence("seq", { tiers: [["i-0abc"], ["i-0def"]] });

export const outputs: pulumi.Output<unknown>[] = [web.groupId, web.type, edge.groupId, costs.status, orders.createdAt];
export const counts = [types.length, memberTypes.length, zopnight.TIERS.length, zopnight.ZOPNIGHT_LIMITS.tierCount];
export const errors = [rg.ConfigurationError, zopnight.UnknownResourceError];
`;

let installed: PackedInstall;
let project: PulumiProject;
let emulator: InstalledEmulator | undefined;

beforeAll(async () => {
  installed = packedInstall();
  emulator = await startInstalledEmulator(installed.app, TOKEN);
  project = await PulumiProject.create("packed", PROGRAM, emulator, {}, { parentDir: installed.app });
}, HOOK_TIMEOUT);

afterAll(async () => {
  await project?.dispose();
  await emulator?.stop();
}, HOOK_TIMEOUT);

describe("the packages as installed from their tarballs", () => {
  it.each([
    [
      "provider",
      ["dist/runtime/providers/resourceGroup.js", "dist/tools/recover.js"],
      /^compat\/emulator\.(js|d\.ts)$/,
    ],
    // The contracts also ship each kind's argument JSON Schema.
    ["contracts", ["dist/kinds.js", "dist/schema/resourceGroup.json"], /^dist\/schema\/[A-Za-z]+\.json$/],
  ] as const)("ships the %s without native code, sources, maps or tests", (workspace, entries, extra) => {
    const files = installed.packed[workspace].files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(["dist/index.js", ...entries]));
    const unexpected = files.filter(
      (f) =>
        !(
          /^(dist\/.*\.(js|d\.ts)|docs\/.*\.md|package\.json|README\.md|LICENSE)$/.test(f) || extra.test(f)
        ) || /\.(node|map)$|test|binding\.gyp/.test(f),
    );
    expect(unexpected).toEqual([]);
  });

  it("installs SQLite only for the emulator", () => {
    const explained = JSON.parse(npm(["explain", "better-sqlite3", "--json"], installed.app)) as {
      dependents: { from: { name?: string } }[];
    }[];
    const dependents = explained.flatMap((e) => e.dependents.map((d) => d.from.name));
    expect(dependents).toEqual([PACKAGES.emulator]);
  });

  /** Where Node.js finds `name` from the folder `from`. */
  const resolved = (name: string, from: string) =>
    execFileSync(process.execPath, ["-p", `require.resolve(${JSON.stringify(`${name}/package.json`)})`], {
      cwd: from,
      encoding: "utf8",
    }).trim();

  it("resolves every package from the project, not from the repository", () => {
    for (const name of [...Object.values(PACKAGES), "@pulumi/pulumi"]) {
      expect(relative(installed.app, resolved(name, project.dir)).startsWith("..")).toBe(false);
    }
  });

  it("gives the provider, the emulator and the policy pack the one installed copy of the contracts", () => {
    const contracts = resolved(PACKAGES.contracts, project.dir);
    for (const name of [PACKAGES.provider, PACKAGES.emulator, PACKAGES.policy]) {
      const packageDir = join(installed.app, "node_modules", name);
      expect(resolved(PACKAGES.contracts, packageDir)).toBe(contracts);
    }
  });

  it("type-checks a program using every class with the tsconfig of `pulumi new typescript`", () => {
    // No skipLibCheck, no esModuleInterop: the public declarations must compile as a stock project has them.
    const dir = mkdtempSync(join(installed.app, "stock-"));
    writeFileSync(join(dir, "index.ts"), EVERY_CLASS);
    const result = stockTypeCheck(installed.app, dir);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it(
    "runs up, a no-op preview and destroy with the installed policy pack",
    async () => {
      const pack = join(installed.app, "node_modules", PACKAGES.policy);
      const up = await project.ok(["up", "--yes", "--skip-preview", "--policy-pack", pack]);
      expect(up.output).toContain(PACKAGES.policy);

      const resources = await project.resources();
      expect(ofType(resources, TYPES.group)).toHaveLength(1);
      expect(ofType(resources, TYPES.member)).toHaveLength(1);
      expect(ofType(resources, TYPES.cloudflareGroup)).toHaveLength(1);
      expect(ofType(resources, TYPES.stronglyMember)).toHaveLength(1);
      expect(ofType(resources, TYPES.zopnightMember)).toHaveLength(1);
      // Installed, each provider is stored as one require of its package path.
      for (const r of resources.filter((x) => x.type.startsWith("pulumi-nodejs:dynamic/"))) {
        const provider = r.inputs?.__provider;
        if (typeof provider !== "string") throw new Error(`${r.urn} has no serialized provider`);
        expect(provider).toContain('require("pulumi-resource-groups/runtime/');
        expect(provider.length).toBeLessThan(600);
      }

      await project.ok(["preview", "--expect-no-changes", "--policy-pack", pack]);
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect((await project.resources()).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))).toEqual(
        [],
      );
    },
    TEST_TIMEOUT,
  );
});

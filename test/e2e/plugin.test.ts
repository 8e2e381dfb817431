/**
 * The provider plugin through the real CLI: a program that declares the resources by their plugin
 * tokens (`new pulumi.CustomResource("resourcegroups:ces:ResourceGroup", ...)`, as a program in any
 * language would through a generated SDK), its Pulumi.yaml pointing at plugin/bin. Groups at all four
 * vendors: up, a refresh and a preview with no change, a broken argument refused by name, a change
 * shown as an update and one as a replacement, an explicit provider instance pointed at a second CES
 * project, and a destroy that leaves the emulator empty. Every token is unique, so the test also shows none reaches the state or the output.
 */
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { CLOUDFLARE_ACCOUNT, type CloudflareWireGroup, type WireGroup } from "../support/emulator";
import { StronglyClient } from "../support/strongly";
import { ZopNightClient } from "../support/zopnight";
import { listGroups, startE2eEmulator, type TestEmulator } from "./support/emulator";
import { PulumiProject, named } from "./support/project";
import { REPO } from "./support/pulumiEnv";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;

const TOKENS = {
  ces: `ces-secret-${randomBytes(12).toString("hex")}`,
  cloudflare: `cf-secret-${randomBytes(12).toString("hex")}`,
  strongly: `sk-secret-${randomBytes(12).toString("hex")}`,
  zopnight: `zn-secret-${randomBytes(12).toString("hex")}`,
};

/** The CES project the explicit provider instance points at. */
const SECOND_PROJECT = "second-project";
const zone = (i: number) => i.toString(16).padStart(32, "0");

interface Declared {
  cloudflareName: string;
  instance: string;
}

function programOf(declared: Declared, emulatorUrl: string): string {
  return `import * as pulumi from "@pulumi/pulumi";

const group = (vendor: string, name: string, args: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) =>
  new pulumi.CustomResource(\`resourcegroups:\${vendor}:ResourceGroup\`, name, { ...args, groupId: undefined }, opts);

const monitored = group("ces", "monitored", { name: "plugin-ces" });
new pulumi.CustomResource("resourcegroups:ces:GroupMember", "web-1", {
  groupId: monitored.groupId,
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: "${declared.instance}" }],
});
group("cloudflare", "edge", { name: "${declared.cloudflareName}", zones: ["${zone(1)}"] });
group("strongly", "costs", { name: "plugin-costs", description: "ML platform" });
group("zopnight", "orders", {});

const second = new pulumi.ProviderResource("resourcegroups", "second", {
  endpoint: "${emulatorUrl}",
  projectId: "${SECOND_PROJECT}",
  token: pulumi.secret(process.env.SECOND_CES_TOKEN ?? ""),
});
group("ces", "elsewhere", { name: "plugin-elsewhere" }, { provider: second });
`;
}

let env: TestEmulator;
let project: PulumiProject;
let strongly: StronglyClient;
let zopnight: ZopNightClient;
let emulatorUrl: string;

async function groupsOfSecondProject(): Promise<string[]> {
  const { status, body } = await env.call<{ resource_groups: WireGroup[] }>(
    "GET",
    `/v2/${SECOND_PROJECT}/resource-groups?offset=0&limit=100`,
    undefined,
    { "X-Auth-Token": TOKENS.ces },
  );
  expect(status).toBe(200);
  return body.resource_groups.map((g) => g.group_name);
}

async function cloudflareGroupNames(): Promise<string[]> {
  const { body } = await env.cloudflareApi<CloudflareWireGroup[]>("GET", CLOUDFLARE_ACCOUNT);
  return body.result.filter((g) => g.meta.value !== "false").map((g) => g.name);
}

async function stronglyGroupNames(): Promise<string[]> {
  return (await strongly.list("limit=100")).json.items.map((g) => g.name);
}

async function zopnightGroupNames(): Promise<string[]> {
  return (await zopnight.list()).json.data.map((g) => g.name);
}

beforeAll(async () => {
  env = await startE2eEmulator({ tokens: TOKENS });
  emulatorUrl = env.emulator.url;
  project = await PulumiProject.create(
    "plugin",
    programOf({ cloudflareName: "plugin edge", instance: "i-web-1" }, emulatorUrl),
    env.emulator,
  );
  // The plugin from this repository's build, as a project under development finds it.
  appendFileSync(
    join(project.dir, "Pulumi.yaml"),
    `plugins:\n  providers:\n    - name: resourcegroups\n      path: ${join(REPO, "plugin", "bin")}\n`,
  );
  // The explicit provider's token comes from the environment of the `pulumi` commands.
  project.env.SECOND_CES_TOKEN = TOKENS.ces;
  strongly = new StronglyClient(env.emulator);
  zopnight = new ZopNightClient(env.emulator);
}, HOOK_TIMEOUT);

afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe("the provider plugin through the Pulumi CLI", () => {
  it(
    "creates a group at every vendor, and one in a second CES project with an explicit provider",
    async () => {
      const up = await project.up([]);
      expect((await listGroups(env)).groups.map((g) => g.group_name)).toEqual(["plugin-ces"]);
      expect(await groupsOfSecondProject()).toEqual(["plugin-elsewhere"]);
      expect(await cloudflareGroupNames()).toEqual(["plugin edge"]);
      expect(await stronglyGroupNames()).toEqual(["plugin-costs"]);
      // A group without a name takes the resource's, as with the TypeScript classes.
      expect(await zopnightGroupNames()).toEqual(["orders"]);

      const { text, resources } = await project.exportState();
      expect(named(resources, "monitored").type).toBe("resourcegroups:ces:ResourceGroup");
      expect(named(resources, "edge").type).toBe("resourcegroups:cloudflare:ResourceGroup");
      expect(named(resources, "web-1").outputs?.groupId).toBe(named(resources, "monitored").id);
      expect(named(resources, "elsewhere").provider).toContain("::second::");
      // No dynamic provider, and so no provider code in the state.
      expect(text).not.toContain("__provider");
      for (const token of Object.values(TOKENS)) {
        expect(text).not.toContain(token);
        expect(up.output).not.toContain(token);
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "refreshes from the vendors and then previews no change",
    async () => {
      await project.ok(["refresh", "--yes", "--skip-preview"]);
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "refuses a broken argument in preview, naming the field and the rule, without a stack trace",
    async () => {
      project.writeProgram(
        programOf({ cloudflareName: "plugin edge", instance: "i-web-1" }, emulatorUrl).replace(
          'name: "plugin-costs"',
          `name: "${"x".repeat(129)}"`,
        ),
      );
      const preview = await project.fails(["preview"]);
      expect(preview.output).toMatch(/property name .* has a problem: name must have at most 100 characters/);
      expect(preview.output).not.toMatch(/\n\s+at .*\.js:\d+/);
    },
    TEST_TIMEOUT,
  );

  it(
    "shows a rename as an update of that property and a new member as a replacement",
    async () => {
      project.writeProgram(programOf({ cloudflareName: "plugin edge 2", instance: "i-web-2" }, emulatorUrl));
      const preview = await project.ok(["preview", "--diff"]);
      expect(preview.output).toMatch(
        /~ resourcegroups:cloudflare:ResourceGroup: \(update\)[\s\S]*~ name: "plugin edge" => "plugin edge 2"/,
      );
      expect(preview.output).toMatch(/\+-resourcegroups:ces:GroupMember: \(replace\)/);
      expect(preview.output).toMatch(/1 to update[\s\S]*1 to replace|1 to replace[\s\S]*1 to update/);
      await project.up([]);
      expect(await cloudflareGroupNames()).toEqual(["plugin edge 2"]);
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "destroys everything it made, at every vendor and in both projects",
    async () => {
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect((await listGroups(env)).count).toBe(0);
      expect(await groupsOfSecondProject()).toEqual([]);
      expect(await cloudflareGroupNames()).toEqual([]);
      expect(await stronglyGroupNames()).toEqual([]);
      expect(await zopnightGroupNames()).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

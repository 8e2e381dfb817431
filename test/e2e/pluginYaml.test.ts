/**
 * A Pulumi YAML program on the provider plugin, no SDK at all: the YAML language host the repository
 * builds reads the plugin's schema to type the program, and the plugin serves the resources. Groups at
 * all four vendors and one in a second CES project through an explicit provider resource: up, a
 * preview with no change, and a destroy that leaves the emulator empty.
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
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
const SECOND_PROJECT = "second-project";

function programOf(emulatorUrl: string): string {
  return `name: plugin-yaml
runtime: yaml
plugins:
  providers:
    - name: resourcegroups
      path: ${join(REPO, "plugin", "bin")}
config:
  secondToken:
    type: string
    secret: true
resources:
  monitored:
    type: resourcegroups:ces:ResourceGroup
    properties:
      name: yaml-ces
  web-1:
    type: resourcegroups:ces:GroupMember
    properties:
      groupId: \${monitored.groupId}
      namespace: SYS.ECS
      dimensions:
        - name: instance_id
          value: i-web-1
  edge:
    type: resourcegroups:cloudflare:ResourceGroup
    properties:
      name: yaml edge
      zones: ["${"1".padStart(32, "0")}"]
  costs:
    type: resourcegroups:strongly:ResourceGroup
    properties:
      name: yaml-costs
      description: ML platform
  orders:
    type: resourcegroups:zopnight:ResourceGroup
  second:
    type: pulumi:providers:resourcegroups
    properties:
      endpoint: ${emulatorUrl}
      projectId: ${SECOND_PROJECT}
      token: \${secondToken}
  elsewhere:
    type: resourcegroups:ces:ResourceGroup
    properties:
      name: yaml-elsewhere
    options:
      provider: \${second}
outputs:
  monitoredGroupId: \${monitored.groupId}
`;
}

let env: TestEmulator;
let project: PulumiProject;

async function secondProjectGroups(): Promise<string[]> {
  const { body } = await env.call<{ resource_groups: WireGroup[] }>(
    "GET",
    `/v2/${SECOND_PROJECT}/resource-groups?offset=0&limit=100`,
    undefined,
    { "X-Auth-Token": TOKENS.ces },
  );
  return body.resource_groups.map((g) => g.group_name);
}

async function otherVendorGroups(): Promise<Record<string, string[]>> {
  const { body } = await env.cloudflareApi<CloudflareWireGroup[]>("GET", CLOUDFLARE_ACCOUNT);
  return {
    cloudflare: body.result.filter((g) => g.meta.value !== "false").map((g) => g.name),
    strongly: (await new StronglyClient(env.emulator).list("limit=100")).json.items.map((g) => g.name),
    zopnight: (await new ZopNightClient(env.emulator).list()).json.data.map((g) => g.name),
  };
}

beforeAll(async () => {
  env = await startE2eEmulator({ tokens: TOKENS });
  project = await PulumiProject.create("plugin-yaml", "", env.emulator);
  // The stack is configured for the emulator; the program is YAML, in place of the TypeScript one.
  writeFileSync(join(project.dir, "Pulumi.yaml"), programOf(env.emulator.url));
  await project.ok(["config", "set", "--secret", "secondToken", TOKENS.ces]);
}, HOOK_TIMEOUT);

afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe("a Pulumi YAML program on the provider plugin", () => {
  it(
    "creates a group at every vendor and one in a second CES project, then previews no change",
    async () => {
      const up = await project.up();
      expect((await listGroups(env)).groups.map((g) => g.group_name)).toEqual(["yaml-ces"]);
      expect(await secondProjectGroups()).toEqual(["yaml-elsewhere"]);
      expect(await otherVendorGroups()).toEqual({
        cloudflare: ["yaml edge"],
        strongly: ["yaml-costs"],
        zopnight: ["orders"],
      });
      const { text, resources } = await project.exportState();
      expect(named(resources, "web-1").outputs?.groupId).toBe(named(resources, "monitored").id);
      for (const token of Object.values(TOKENS)) {
        expect(text).not.toContain(token);
        expect(up.output).not.toContain(token);
      }
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "destroys everything, at every vendor and in both projects",
    async () => {
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect((await listGroups(env)).count).toBe(0);
      expect(await secondProjectGroups()).toEqual([]);
      expect(await otherVendorGroups()).toEqual({ cloudflare: [], strongly: [], zopnight: [] });
    },
    TEST_TIMEOUT,
  );
});

/**
 * Named connections through the real CLI: one program with CES groups in two projects behind two
 * endpoints (two emulators, each with its own tokens) and Cloudflare groups under two tokens. Each
 * lands where its connection points, the state records only the connection's name, a move to another
 * connection previews as a replacement, an undefined name fails at preview naming the defined ones, and
 * a destroy empties both.
 */
import { CLOUDFLARE_ACCOUNT, PROJECT, type CloudflareWireGroup } from "../support/emulator";
import { startE2eEmulator, type TestEmulator, type WireGroup } from "./support/emulator";
import { HOOK_TIMEOUT } from "./support/suite";
import { PulumiProject, TYPES, ofType } from "./support/project";

const TEST_TIMEOUT = 5 * 60 * 1000;
const EU_PROJECT = "eu-project";
const EU_TOKENS = { token: "eu-ces-token-4f1c", tokens: { cloudflare: "eu-cf-token-9a2b" } };
const zone = (i: number) => i.toString(16).padStart(32, "0");

function programOf(homeConnection?: string, euConnection = "eu"): string {
  const home = homeConnection === undefined ? "" : `, connection: "${homeConnection}"`;
  return `import { ces, cloudflare } from "pulumi-resource-groups";

new ces.ResourceGroup("home", { name: "home-group"${home} });
const eu = new ces.ResourceGroup("eu", { name: "eu-group", connection: "${euConnection}" });
new ces.GroupMember("eu-web", {
  groupId: eu.groupId,
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: "i-eu-web" }],
  connection: "${euConnection}",
});
new cloudflare.ResourceGroup("edge", { name: "edge", zones: ["${zone(1)}"] });
new cloudflare.ResourceGroup("edge-eu", { name: "edge-eu", zones: ["${zone(2)}"], connection: "${euConnection}" });
`;
}

let home: TestEmulator;
let eu: TestEmulator;
let project: PulumiProject;

async function cesGroups(env: TestEmulator, projectId: string): Promise<string[]> {
  const { status, body } = await env.call<{ resource_groups: WireGroup[] }>(
    "GET",
    `/v2/${projectId}/resource-groups?offset=0&limit=100`,
    undefined,
    { "X-Auth-Token": env.emulator.tokens.ces },
  );
  expect(status).toBe(200);
  return body.resource_groups.map((g) => g.group_name).sort();
}

async function cloudflareGroups(env: TestEmulator): Promise<string[]> {
  const { body } = await env.cloudflareApi<CloudflareWireGroup[]>("GET", CLOUDFLARE_ACCOUNT);
  return body.result
    .filter((g) => g.meta.value !== "false")
    .map((g) => g.name)
    .sort();
}

beforeAll(async () => {
  home = await startE2eEmulator();
  eu = await startE2eEmulator(EU_TOKENS);
  project = await PulumiProject.create("connections", programOf(), home.emulator);
  const path = (key: string) => `resourcegroups:connections.eu.${key}`;
  await project.ok(["config", "set", "--path", path("endpoint"), eu.emulator.url]);
  await project.ok(["config", "set", "--path", path("projectId"), EU_PROJECT]);
  await project.ok(["config", "set", "--path", "--secret", path("token"), EU_TOKENS.token]);
  await project.ok(["config", "set", "--path", path("cloudflareEndpoint"), `${eu.emulator.url}/client/v4`]);
  await project.ok([
    "config",
    "set",
    "--path",
    "--secret",
    path("cloudflareApiToken"),
    EU_TOKENS.tokens.cloudflare,
  ]);
}, HOOK_TIMEOUT);

afterAll(async () => {
  await project?.dispose();
  await home?.stop();
  await eu?.stop();
}, HOOK_TIMEOUT);

describe("named connections", () => {
  test(
    "each resource lands at the endpoint, project and token of its connection",
    async () => {
      await project.up();
      expect(await cesGroups(home, PROJECT)).toEqual(["home-group"]);
      expect(await cesGroups(eu, EU_PROJECT)).toEqual(["eu-group"]);
      expect(await cesGroups(eu, PROJECT)).toEqual([]);
      expect(await cloudflareGroups(home)).toEqual(["edge"]);
      expect(await cloudflareGroups(eu)).toEqual(["edge-eu"]);

      const { text, resources } = await project.exportState();
      const [euGroup] = ofType(resources, TYPES.group).filter((r) => r.urn.endsWith("::eu"));
      expect(euGroup?.inputs?.connection).toBe("eu");
      expect(euGroup?.outputs?.connection).toBe("eu");
      const [homeGroup] = ofType(resources, TYPES.group).filter((r) => r.urn.endsWith("::home"));
      expect(homeGroup?.inputs).not.toHaveProperty("connection");
      // The connection's credentials are in the stack config, encrypted; never in a resource's state.
      expect(text).not.toContain(EU_TOKENS.token);
      expect(text).not.toContain(EU_TOKENS.tokens.cloudflare);

      await project.ok(["preview", "--expect-no-changes"]);
      // A refresh reads each resource through its own connection and finds nothing changed.
      const refreshed = await project.ok(["refresh", "--yes", "--skip-preview"]);
      expect(refreshed.output).not.toMatch(/deleted|~ update/);
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  test(
    "a name that is not defined fails at preview, naming the defined ones",
    async () => {
      project.writeProgram(programOf(undefined, "moon"));
      const preview = await project.fails(["preview"]);
      expect(preview.output).toContain(
        "connection 'moon' is not defined: the connections are 'eu'; define it in stack config 'resourcegroups:connections'",
      );
    },
    TEST_TIMEOUT,
  );

  test(
    "moving a group to another connection is a replacement, made there and removed here",
    async () => {
      project.writeProgram(programOf("eu"));
      const preview = await project.ok(["preview", "--diff"]);
      expect(preview.output).toMatch(
        /\+-\s*pulumi-nodejs:dynamic\/resourcegroups:ResourceGroup: \(replace\)/,
      );
      expect(preview.output).toMatch(/home.*\n[\s\S]*connection/);
      await project.up();
      expect(await cesGroups(home, PROJECT)).toEqual([]);
      expect(await cesGroups(eu, EU_PROJECT)).toEqual(["eu-group", "home-group"]);
    },
    TEST_TIMEOUT,
  );

  test(
    "destroy removes every group through its connection",
    async () => {
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect(await cesGroups(home, PROJECT)).toEqual([]);
      expect(await cesGroups(eu, EU_PROJECT)).toEqual([]);
      expect(await cloudflareGroups(home)).toEqual([]);
      expect(await cloudflareGroups(eu)).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

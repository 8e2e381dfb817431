/**
 * Groups made outside Pulumi taken over by a stack of the provider plugin, through the real CLI: a
 * group at each vendor brought in with `pulumi import <type> <name> <id>`, then the Pulumi YAML program
 * that declares them previews with no change; one more group adopted with the `import` resource
 * option, writing nothing at the vendor; a look-up function (invoke) answering a group's id; and a
 * member at every vendor imported by its id or key.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLOUDFLARE_ACCOUNT } from "../support/emulator";
import { StronglyClient } from "../support/strongly";
import { ZopNightClient } from "../support/zopnight";
import { listGroups, startE2eEmulator, type TestEmulator } from "./support/emulator";
import { PulumiProject, named } from "./support/project";
import { REPO } from "./support/pulumiEnv";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;

const ZONE = "2a0e2d3c4b5a69788796a5b4c3d2e1f0";

let env: TestEmulator;
let project: PulumiProject;
const ids = { ces: "", cloudflare: "", strongly: "", zopnight: "", adopted: "" };
/** The YAML of the members imported so far, which every later program declares too. */
let importedMembers = "";

async function makeGroupsOutside(): Promise<void> {
  const ces = await env.api<{ group_id: string }>("POST", "", { group_name: "outside-ces", type: "Manual" });
  ids.ces = ces.body.group_id;
  const cloudflare = await env.cloudflareApi<{ id: string }>("POST", CLOUDFLARE_ACCOUNT, "", {
    name: "outside edge",
    scope: {
      key: `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`,
      objects: [{ key: `com.cloudflare.api.account.zone.${ZONE}` }],
    },
  });
  ids.cloudflare = cloudflare.body.result.id;
  const strongly = new StronglyClient(env.emulator);
  ids.strongly = await strongly.createOk("outside-costs", "Shared platform");
  ids.adopted = await strongly.createOk("adopted-costs", "Adopted with the import option");
  ids.zopnight = (await new ZopNightClient(env.emulator).createOk("outside-nightly")).id;
}

const HEADER = `name: plugin-import
runtime: yaml
plugins:
  providers:
    - name: resourcegroups
      path: ${join(REPO, "plugin", "bin")}
`;

/** The program that declares the imported groups as they are at the vendors. */
function declaringProgram(): string {
  return `${HEADER}resources:
  monitored:
    type: resourcegroups:ces:ResourceGroup
    properties:
      name: outside-ces
  edge:
    type: resourcegroups:cloudflare:ResourceGroup
    properties:
      name: outside edge
      zones: ["${ZONE}"]
  costs:
    type: resourcegroups:strongly:ResourceGroup
    properties:
      name: outside-costs
      description: Shared platform
  nightly:
    type: resourcegroups:zopnight:ResourceGroup
    properties:
      name: outside-nightly
`;
}

/** The same, with one more group adopted by the import option, `more` resources, and look-ups. */
function adoptingProgram(more = ""): string {
  return `${declaringProgram()}${more}  adopted:
    type: resourcegroups:strongly:ResourceGroup
    properties:
      name: adopted-costs
      description: Adopted with the import option
    options:
      import: ${ids.adopted}
outputs:
  foundId:
    fn::invoke:
      function: resourcegroups:zopnight:getResourceGroup
      arguments:
        name: OUTSIDE-nightly
      return: id
  foundZones:
    fn::invoke:
      function: resourcegroups:cloudflare:getResourceGroup
      arguments:
        id: ${ids.cloudflare}
      return: zones
`;
}

async function groupCounts(): Promise<number[]> {
  return [
    (await listGroups(env)).count,
    (await env.cloudflareApi<unknown[]>("GET", CLOUDFLARE_ACCOUNT)).body.result.length,
    (await new StronglyClient(env.emulator).list("limit=100")).json.items.length,
    (await new ZopNightClient(env.emulator).list()).json.data.length,
  ];
}

beforeAll(async () => {
  env = await startE2eEmulator();
  await makeGroupsOutside();
  project = await PulumiProject.create("plugin-import", "", env.emulator);
  writeFileSync(join(project.dir, "Pulumi.yaml"), `${HEADER}resources: {}\n`);
}, HOOK_TIMEOUT);

afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe("groups made outside Pulumi, imported into a stack of the provider plugin", () => {
  it(
    "imports a group at every vendor by id, and the program declaring them previews no change",
    async () => {
      const before = await groupCounts();
      const imports: [string, string, string][] = [
        ["resourcegroups:ces:ResourceGroup", "monitored", ids.ces],
        ["resourcegroups:cloudflare:ResourceGroup", "edge", ids.cloudflare],
        ["resourcegroups:strongly:ResourceGroup", "costs", ids.strongly],
        ["resourcegroups:zopnight:ResourceGroup", "nightly", ids.zopnight],
      ];
      for (const [type, name, id] of imports) {
        await project.ok(["import", type, name, id, "--yes", "--protect=false", "--generate-code=false"]);
      }
      const { resources } = await project.exportState();
      for (const [, name, id] of imports) expect(named(resources, name).id).toBe(id);
      expect(named(resources, "edge").inputs).toMatchObject({ name: "outside edge", zones: [ZONE] });
      expect(named(resources, "costs").inputs).toMatchObject({
        name: "outside-costs",
        description: "Shared platform",
      });

      writeFileSync(join(project.dir, "Pulumi.yaml"), declaringProgram());
      await project.ok(["preview", "--expect-no-changes"]);
      expect(await groupCounts()).toEqual(before);
    },
    TEST_TIMEOUT,
  );

  it(
    "adopts a group with the import option, and looks groups up by name and by id",
    async () => {
      const before = await groupCounts();
      writeFileSync(join(project.dir, "Pulumi.yaml"), adoptingProgram());
      await project.up();
      expect(await groupCounts()).toEqual(before);
      const { resources } = await project.exportState();
      expect(named(resources, "adopted").id).toBe(ids.adopted);
      const outputs = JSON.parse((await project.ok(["stack", "output", "--json"])).stdout) as Record<
        string,
        unknown
      >;
      expect(outputs).toEqual({ foundId: ids.zopnight, foundZones: [ZONE] });
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "imports a member by its key, and the program declaring it previews no change",
    async () => {
      const strongly = new StronglyClient(env.emulator);
      const home = await strongly.createOk("member-home");
      expect(
        (await strongly.addMember(home, { type: "app", resourceId: "app_1", name: "billing" })).status,
      ).toBe(200);
      await project.ok([
        "import",
        "resourcegroups:strongly:GroupMember",
        "billing",
        `${home}/app/app_1`,
        "--yes",
        "--protect=false",
        "--generate-code=false",
      ]);
      expect(named((await project.exportState()).resources, "billing").inputs).toMatchObject({
        groupId: home,
        type: "app",
        resourceId: "app_1",
        name: "billing",
      });
      importedMembers = `  billing:
    type: resourcegroups:strongly:GroupMember
    properties:
      groupId: ${home}
      type: app
      resourceId: app_1
      name: billing
`;
      writeFileSync(join(project.dir, "Pulumi.yaml"), adoptingProgram(importedMembers));
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "imports a member at CES, Cloudflare and ZopNight by its id, and the program declaring them previews no change",
    async () => {
      const added = await env.api("POST", `/${ids.ces}/resources/batch-create`, {
        resources: [{ namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-outside" }] }],
      });
      expect(added.status).toBe(200);
      const zopnight = new ZopNightClient(env.emulator);
      const resource = (await zopnight.inventory()).json.data[0]?.id ?? "no inventory";
      expect((await zopnight.addMember(ids.zopnight, resource)).status).toBe(201);
      const members: [string, string, string][] = [
        ["resourcegroups:ces:GroupMember", "web-outside", `${ids.ces}/SYS.ECS:instance_id=i-outside`],
        // The zone the imported Cloudflare group already scopes: a member of it.
        ["resourcegroups:cloudflare:GroupMember", "shop", `${ids.cloudflare}/${ZONE}`],
        ["resourcegroups:zopnight:GroupMember", "nightly-db", `${ids.zopnight}/${resource}`],
      ];
      env.emulator.resetStats();
      for (const [type, name, id] of members) {
        await project.ok(["import", type, name, id, "--yes", "--protect=false", "--generate-code=false"]);
      }
      const { resources } = await project.exportState();
      for (const [, name, id] of members) expect(named(resources, name).id).toBe(id);
      writeFileSync(
        join(project.dir, "Pulumi.yaml"),
        adoptingProgram(`${importedMembers}  web-outside:
    type: resourcegroups:ces:GroupMember
    properties:
      groupId: ${ids.ces}
      namespace: SYS.ECS
      dimensions:
        - name: instance_id
          value: i-outside
  shop:
    type: resourcegroups:cloudflare:GroupMember
    properties:
      groupId: ${ids.cloudflare}
      zoneId: "${ZONE}"
  nightly-db:
    type: resourcegroups:zopnight:GroupMember
    properties:
      groupId: ${ids.zopnight}
      resource: ${resource}
`),
      );
      await project.ok(["preview", "--expect-no-changes"]);
      expect(env.emulator.stats().writes).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    "destroys the imported groups at every vendor",
    async () => {
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      const counts = await groupCounts();
      // Cloudflare keeps the account's built-in group; the member's Strongly group was never imported.
      expect([counts[0], counts[2], counts[3]]).toEqual([0, 1, 0]);
    },
    TEST_TIMEOUT,
  );
});

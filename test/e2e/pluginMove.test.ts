/**
 * Moving a stack from the dynamic provider to the provider plugin, through the real CLI, with no write
 * at any vendor: a TypeScript program of the package's classes deploys a group and a member at each of
 * the four vendors; `resource-groups-move-to-plugin` writes the bulk-import file; the program is swapped to
 * the plugin's types under the same names; `--forget` takes the dynamic resources out of the state;
 * `pulumi import --file` reads each through the plugin; the preview shows no change, and the emulator
 * counted no write from the first step of the move to the last.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PulumiProject } from "./support/project";
import { REPO } from "./support/pulumiEnv";
import { useProject } from "./support/suite";

const TEST_TIMEOUT = 10 * 60 * 1000;
const zone = (i: number) => i.toString(16).padStart(32, "0");
const MOVE = join(REPO, "plugin", "bin", "resource-groups-move-to-plugin");
/** A resource of the emulator's ZopNight inventory, named by its cloud UID. */
const ORDERS_DB = "arn:aws:rds:us-east-1:123456789012:db:orders-postgres";

const DYNAMIC = `import { ces, cloudflare, strongly, zopnight } from "pulumi-resource-groups";

const web = new ces.ResourceGroup("web", { name: "web" });
new ces.GroupMember("web-1", { groupId: web.groupId, namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-web-1" }] });
const edge = new cloudflare.ResourceGroup("edge", { name: "edge", zones: ["${zone(1)}"] });
new cloudflare.GroupMember("shop", { groupId: edge.groupId, zoneId: "${zone(1)}" });
const costs = new strongly.ResourceGroup("costs", { name: "costs", description: "ML platform" });
new strongly.GroupMember("trainer", { groupId: costs.groupId, type: "app", resourceId: "app_1", name: "Trainer" });
const orders = new zopnight.ResourceGroup("orders", { name: "orders" });
new zopnight.GroupMember("db", { groupId: orders.groupId, resource: "${ORDERS_DB}", executionTier: "tier-2", executionOrder: 1 });
`;

const PLUGIN = `import * as pulumi from "@pulumi/pulumi";

const group = (vendor: string, name: string, args: pulumi.Inputs) =>
  new pulumi.CustomResource(\`resourcegroups:\${vendor}:ResourceGroup\`, name, { ...args, groupId: undefined });

const member = (vendor: string, name: string, args: pulumi.Inputs) =>
  new pulumi.CustomResource(\`resourcegroups:\${vendor}:GroupMember\`, name, args);

const web = group("ces", "web", { name: "web" });
member("ces", "web-1", { groupId: web.id, namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-web-1" }] });
const edge = group("cloudflare", "edge", { name: "edge", zones: ["${zone(1)}"] });
member("cloudflare", "shop", { groupId: edge.id, zoneId: "${zone(1)}" });
const costs = group("strongly", "costs", { name: "costs", description: "ML platform" });
member("strongly", "trainer", { groupId: costs.id, type: "app", resourceId: "app_1", name: "Trainer" });
const orders = group("zopnight", "orders", { name: "orders" });
member("zopnight", "db", { groupId: orders.id, resource: "${ORDERS_DB}", executionTier: "tier-2", executionOrder: 1 });
`;

const suite = useProject("plugin-move", DYNAMIC);

function move(project: PulumiProject, args: string[]): string {
  return execFileSync(process.execPath, [MOVE, ...args], {
    cwd: project.dir,
    env: project.env,
    encoding: "utf8",
  });
}

test(
  "a stack of the dynamic provider moves to the plugin with no write at any vendor",
  async () => {
    const { project, env } = suite;
    await project.up();
    const before = await project.resources();
    env.emulator.resetStats();

    const written = move(project, ["--import-file", "groups.json"]);
    expect(written).toContain("8 resource(s) for the plugin to read by id");
    const file = JSON.parse(readFileSync(join(project.dir, "groups.json"), "utf8")) as {
      resources: { type: string; name: string; id: string }[];
    };
    expect(file.resources.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      "resourcegroups:ces:GroupMember web-1",
      "resourcegroups:ces:ResourceGroup web",
      "resourcegroups:cloudflare:GroupMember shop",
      "resourcegroups:cloudflare:ResourceGroup edge",
      "resourcegroups:strongly:GroupMember trainer",
      "resourcegroups:strongly:ResourceGroup costs",
      "resourcegroups:zopnight:GroupMember db",
      "resourcegroups:zopnight:ResourceGroup orders",
    ]);
    const idBefore = (name: string) => before.find((r) => r.urn.endsWith(`::${name}`))?.id;
    for (const entry of file.resources) {
      // The ZopNight member is read by the UID the program names it by, to import that spelling.
      const id = entry.name === "db" ? `${idBefore("orders")}/${ORDERS_DB}` : idBefore(entry.name);
      expect(entry.id).toBe(id);
    }

    project.writeProgram(PLUGIN);
    appendFileSync(
      join(project.dir, "Pulumi.yaml"),
      `plugins:\n  providers:\n    - name: resourcegroups\n      path: ${join(REPO, "plugin", "bin")}\n`,
    );
    expect(move(project, ["--import-file", "groups.json", "--forget"])).toContain(
      "nothing was deleted at any vendor",
    );
    expect((await project.resources()).filter((r) => r.type.startsWith("pulumi-nodejs:"))).toEqual([]);

    await project.ok([
      "import",
      "--file",
      "groups.json",
      "--protect=false",
      "--yes",
      "--generate-code=false",
    ]);
    await project.ok(["preview", "--expect-no-changes"]);
    const after = await project.resources();
    for (const entry of file.resources) {
      const moved = after.find((r) => r.urn.endsWith(`::${entry.name}`));
      expect([moved?.type, moved?.id]).toEqual([entry.type, idBefore(entry.name)]);
    }
    expect(env.emulator.stats().writes).toBe(0);
  },
  TEST_TIMEOUT,
);

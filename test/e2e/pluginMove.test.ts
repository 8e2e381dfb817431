/**
 * Moving a stack from the dynamic provider to the provider plugin, through the real CLI, with no write
 * at any vendor: a TypeScript program of the package's classes deploys groups at all four vendors and
 * a member; `resource-groups-move-to-plugin` writes the bulk-import file; the program is swapped to
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

const DYNAMIC = `import { ces, cloudflare, strongly, zopnight } from "pulumi-resource-groups";

new ces.ResourceGroup("web", { name: "web" });
new cloudflare.ResourceGroup("edge", { name: "edge", zones: ["${zone(1)}"] });
const costs = new strongly.ResourceGroup("costs", { name: "costs", description: "ML platform" });
new strongly.GroupMember("trainer", { groupId: costs.groupId, type: "app", resourceId: "app_1", name: "Trainer" });
new zopnight.ResourceGroup("orders", { name: "orders" });
`;

const PLUGIN = `import * as pulumi from "@pulumi/pulumi";

const group = (vendor: string, name: string, args: pulumi.Inputs) =>
  new pulumi.CustomResource(\`resourcegroups:\${vendor}:ResourceGroup\`, name, { ...args, groupId: undefined });

group("ces", "web", { name: "web" });
group("cloudflare", "edge", { name: "edge", zones: ["${zone(1)}"] });
const costs = group("strongly", "costs", { name: "costs", description: "ML platform" });
new pulumi.CustomResource("resourcegroups:strongly:GroupMember", "trainer", {
  groupId: costs.id, type: "app", resourceId: "app_1", name: "Trainer",
});
group("zopnight", "orders", { name: "orders" });
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
    expect(written).toContain("5 resource(s) for the plugin to read by id");
    const file = JSON.parse(readFileSync(join(project.dir, "groups.json"), "utf8")) as {
      resources: { type: string; name: string; id: string }[];
    };
    expect(file.resources.map((r) => `${r.type} ${r.name}`).sort()).toEqual([
      "resourcegroups:ces:ResourceGroup web",
      "resourcegroups:cloudflare:ResourceGroup edge",
      "resourcegroups:strongly:GroupMember trainer",
      "resourcegroups:strongly:ResourceGroup costs",
      "resourcegroups:zopnight:ResourceGroup orders",
    ]);
    for (const entry of file.resources) {
      expect(entry.id).toBe(before.find((r) => r.urn.endsWith(`::${entry.name}`))?.id);
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
      expect([moved?.type, moved?.id]).toEqual([entry.type, entry.id]);
    }
    expect(env.emulator.stats().writes).toBe(0);
  },
  TEST_TIMEOUT,
);

/**
 * The provider plugin as a user installs it: the release's plugin archive (built from the packed
 * workspaces as `npm run release` builds it) installed with `pulumi plugin install ... --file` into a
 * Pulumi home of its own, then found by the engine from the plugin cache alone: a YAML project outside
 * the repository, with no `plugins` section, creates groups at two vendors, previews no change, shows
 * the plugin in `pulumi about`, and destroys to nothing.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPluginArchive, PLUGIN_EXECUTABLE } from "../../scripts/lib/pluginArchive";
import { packWorkspaces } from "../../scripts/lib/packWorkspaces";
import { releaseVersion } from "../../scripts/release";
import { StronglyClient } from "../support/strongly";
import { listGroups, startE2eEmulator, type TestEmulator } from "./support/emulator";
import { packedInstall } from "./support/packedInstall";
import { PulumiProject, STACK, ofType } from "./support/project";
import { HOOK_TIMEOUT } from "./support/suite";

const TEST_TIMEOUT = 5 * 60 * 1000;
const VERSION = releaseVersion();

// Each resource names the plugin version it wants, as a user pins a provider in YAML.
const PROGRAM = `name: plugin-installed
runtime: yaml
resources:
  monitored:
    type: resourcegroups:ces:ResourceGroup
    properties:
      name: installed-ces
    options:
      version: ${VERSION}
  costs:
    type: resourcegroups:strongly:ResourceGroup
    properties:
      name: installed-costs
    options:
      version: ${VERSION}
outputs:
  monitoredGroupId: \${monitored.groupId}
`;

let scratch: string;
let archive: string;
let env: TestEmulator;
let project: PulumiProject;

/** The release's plugin archive, from the shared packed install's tarballs and a packed plugin. */
function releaseArchive(dir: string): string {
  const installed = packedInstall();
  const tarballs = join(installed.app, "..", "tarballs");
  return buildPluginArchive(
    {
      contracts: join(tarballs, installed.packed.contracts.filename),
      provider: join(tarballs, installed.packed.provider.filename),
      plugin: packWorkspaces(dir, ["plugin"]).plugin.path,
    },
    VERSION,
    dir,
  );
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "resource-groups-plugin-installed-"));
  archive = releaseArchive(scratch);
  env = await startE2eEmulator({ tokens: { strongly: `sk-${randomBytes(8).toString("hex")}` } });
  project = await PulumiProject.create("plugin-installed", "", env.emulator, {}, { parentDir: scratch });
  // A Pulumi home with nothing in its plugin cache but what this test installs.
  project.env.PULUMI_HOME = join(scratch, "pulumi-home");
  await project.ok(["stack", "select", STACK]);
  writeFileSync(join(project.dir, "Pulumi.yaml"), PROGRAM);
}, HOOK_TIMEOUT);

afterAll(async () => {
  await project?.dispose();
  await env?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}, HOOK_TIMEOUT);

interface ListedPlugin {
  name: string;
  kind: string;
  version: string;
}

describe("the plugin installed from the release archive", () => {
  it(
    "installs with `pulumi plugin install --file` and `pulumi plugin ls` lists it",
    async () => {
      await project.ok(["plugin", "install", "resource", "resourcegroups", VERSION, "--file", archive]);
      const listed = JSON.parse((await project.ok(["plugin", "ls", "--json"])).stdout) as ListedPlugin[];
      expect(listed.map(({ name, kind, version }) => ({ name, kind, version }))).toEqual([
        { name: "resourcegroups", kind: "resource", version: VERSION },
      ]);
      const folder = join(project.env.PULUMI_HOME ?? "", "plugins", `resource-resourcegroups-v${VERSION}`);
      expect(execFileSync("ls", [folder], { encoding: "utf8" })).toContain(PLUGIN_EXECUTABLE);
    },
    TEST_TIMEOUT,
  );

  it(
    "serves a YAML program with no plugins section from the cache, and `pulumi about` lists it",
    async () => {
      await project.up();
      expect((await listGroups(env)).groups.map((g) => g.group_name)).toEqual(["installed-ces"]);
      const strongly = await new StronglyClient(env.emulator).list("limit=100");
      expect(strongly.json.items.map((g) => g.name)).toEqual(["installed-costs"]);
      const { resources } = await project.exportState();
      // The engine's default provider of the package, which it started from the plugin cache.
      const providers = ofType(resources, "pulumi:providers:resourcegroups");
      expect(providers.map((p) => p.urn.split("::").pop())).toEqual([
        `default_${VERSION.replace(/\./g, "_")}`,
      ]);
      await project.ok(["preview", "--expect-no-changes"]);
      const about = JSON.parse((await project.ok(["about", "--json"])).stdout) as { plugins: ListedPlugin[] };
      expect(about.plugins).toContainEqual({ kind: "resource", name: "resourcegroups", version: VERSION });
    },
    TEST_TIMEOUT,
  );

  it(
    "destroys to nothing at both vendors",
    async () => {
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect((await listGroups(env)).count).toBe(0);
      expect((await new StronglyClient(env.emulator).list("limit=100")).json.items).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

/**
 * The packages as a user installs them, not as the repository links them: `npm pack` of the provider,
 * the emulator and the policy pack, installed from those tarballs into a new Pulumi project in a
 * temporary folder outside the repository (so no repository node_modules is on any resolution path).
 * There the installed emulator command serves the APIs, and the real CLI runs `up`, a no-op `preview`
 * and `destroy` of groups at all four vendors with the installed policy pack applied.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { DIALECT_NAMES, type DialectName } from "../../emulator";
import { PulumiProject, ofType, TYPES } from "./support/project";
import { REPO } from "./support/pulumiEnv";

const HOOK_TIMEOUT = 20 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;
const TOKEN = "packed-install-token";
const PACKAGES = {
  provider: "pulumi-resource-groups",
  emulator: "pulumi-resource-groups-emulator",
  policy: "pulumi-resource-groups-policy",
} as const;
type Workspace = keyof typeof PACKAGES;

interface PackedFile {
  path: string;
}
interface Packed {
  name: string;
  filename: string;
  files: PackedFile[];
}

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

let work: string;
let project: PulumiProject;
let emulator: ChildProcess | undefined;
const packed = {} as Record<Workspace, Packed>;

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Starts the installed `resource-groups-emulator` command and waits for the address it prints. */
function startInstalledEmulator(dir: string): Promise<string> {
  const bin = join(dir, "node_modules", ".bin", "resource-groups-emulator");
  const child = spawn(bin, ["--port", "0", "--db", join(dir, "emulator.sqlite"), "--token", TOKEN], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  emulator = child;
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`the installed emulator exited ${code}:\n${output}`)));
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "resource-groups-packed-"));
  const tarballs = join(work, "tarballs");
  mkdirSync(tarballs);
  const out = npm(
    [
      "pack",
      "--json",
      "--pack-destination",
      tarballs,
      ...Object.keys(PACKAGES).flatMap((w) => ["--workspace", w]),
    ],
    REPO,
  );
  for (const entry of JSON.parse(out) as Packed[]) {
    const workspace = (Object.keys(PACKAGES) as Workspace[]).find((w) => PACKAGES[w] === entry.name);
    if (workspace) packed[workspace] = entry;
  }

  const app = join(work, "app");
  mkdirSync(app);
  const sdk = JSON.parse(
    readFileSync(join(REPO, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8"),
  ) as {
    version: string;
  };
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({
      name: "packed-app",
      private: true,
      dependencies: {
        "@pulumi/pulumi": sdk.version,
        ...Object.fromEntries(
          (Object.keys(PACKAGES) as Workspace[]).map((w) => [
            PACKAGES[w],
            `file:${join(tarballs, packed[w].filename)}`,
          ]),
        ),
      },
    }),
  );
  npm(["install", "--no-audit", "--no-fund", "--prefer-offline"], app);

  const url = await startInstalledEmulator(app);
  const tokens = Object.fromEntries(DIALECT_NAMES.map((d) => [d, TOKEN])) as Record<DialectName, string>;
  project = await PulumiProject.create("packed", PROGRAM, { url, tokens }, {}, { parentDir: app });
}, HOOK_TIMEOUT);

afterAll(async () => {
  await project?.dispose();
  emulator?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
}, HOOK_TIMEOUT);

describe("the packages as installed from their tarballs", () => {
  it("ships the provider without native code, sources, maps or tests", () => {
    const files = packed.provider.files.map((f) => f.path);
    expect(files).toContain("dist/index.js");
    expect(files).toContain("dist/runtime/providers/resourceGroup.js");
    const unexpected = files.filter(
      (f) =>
        !/^(dist\/.*\.(js|d\.ts)|compat\/emulator\.(js|d\.ts)|package\.json|README\.md|LICENSE)$/.test(f) ||
        /\.(node|map)$|test|binding\.gyp/.test(f),
    );
    expect(unexpected).toEqual([]);
  });

  it("installs SQLite only for the emulator", () => {
    const app = join(work, "app");
    const explained = JSON.parse(npm(["explain", "better-sqlite3", "--json"], app)) as {
      dependents: { from: { name?: string } }[];
    }[];
    const dependents = explained.flatMap((e) => e.dependents.map((d) => d.from.name));
    expect(dependents).toEqual([PACKAGES.emulator]);
  });

  it("resolves every package from the project, not from the repository", () => {
    const app = join(work, "app");
    for (const name of [...Object.values(PACKAGES), "@pulumi/pulumi"]) {
      const where = execFileSync(
        process.execPath,
        ["-p", `require.resolve(${JSON.stringify(`${name}/package.json`)})`],
        {
          cwd: project.dir,
          encoding: "utf8",
        },
      ).trim();
      expect(relative(app, where).startsWith("..")).toBe(false);
    }
  });

  it(
    "runs up, a no-op preview and destroy with the installed policy pack",
    async () => {
      const pack = join(work, "app", "node_modules", PACKAGES.policy);
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

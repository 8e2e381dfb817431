/**
 * The whole stack through the real Pulumi CLI: N CES groups x 4 members, with this package installed
 * from its packed tarballs (`npm pack` of the contracts and the provider, unpacked into the project's
 * node_modules as npm installs them), against the same graph on an inline no-op dynamic provider (the
 * engine's floor) and a bare script making our API calls at the CLI's parallelism. The same graph
 * runs on the provider plugin too, from the release's plugin archive unpacked as `pulumi plugin
 * install` unpacks it. Each size runs its lifecycle (up, preview, refresh, destroy) three times, ours,
 * the plugin and the floor in turn; it prints the median seconds of each command and their ratio to
 * the floor, API calls and state bytes per resource, the provider's peak memory and the load average of
 * the machine while it ran.
 *
 *   npm run bench:engine                       # N = 3, 10, 25: about ten minutes
 *   npm run bench:engine -- --full             # N = 3, 10, 25, 100, 200
 *   npm run bench:engine -- --n 100 --runs 1 --skip-checkpoints
 *   npm run bench:engine -- --full --members-n 25,100   # member batching at these sizes only
 *   npm run bench:engine -- --no-plugin        # without the provider plugin
 *
 * Figures and their reading: bench/README.md.
 */
import { spawn, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startEmulator, type RunningEmulator } from "../emulator";
import { resetSettings } from "../provider/runtime";
import { REPO, pulumiEnv } from "../scripts/lib/pulumiEnv";
import { bareRun } from "./engine/bare";
import { watchProviderMemory } from "./engine/processes";
import { buildPluginArchive } from "../scripts/lib/pluginArchive";
import { packWorkspaces } from "../scripts/lib/packWorkspaces";
import { releaseVersion } from "../scripts/release";
import { floorProgram, oursProgram, pluginProgram } from "./engine/programs";

const MEMBERS = 4;
const PROJECT_ID = "bench";
const DEFAULT_PARALLEL = 8;
const WIDE_PARALLEL = 64;
const SMALL_SIZES = [3, 10, 25];
const FULL_SIZES = [...SMALL_SIZES, 100, 200];
/** Member batching is measured at this size unless `--members-n` says otherwise. */
const MEMBER_SIZE = 25;

interface Options {
  sizes: number[];
  skipCheckpoints: boolean;
  build: boolean;
  /** Measure member batching too (each size costs four more `up`s). */
  members: boolean;
  /** Sizes at which to measure member batching; default 25 when it is run, else the first size. */
  memberSizes?: number[];
  /** Lifecycles per size, ours and the floor each; the figures are their medians. */
  runs: number;
  /** Run the provider plugin's lifecycles beside ours. */
  plugin: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    sizes: SMALL_SIZES,
    skipCheckpoints: false,
    build: true,
    members: true,
    runs: 3,
    plugin: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--full") options.sizes = FULL_SIZES;
    else if (arg === "--runs") options.runs = Number(argv[++i]);
    else if (arg === "--n") options.sizes = (argv[++i] ?? "").split(",").map(Number);
    else if (arg === "--skip-checkpoints") options.skipCheckpoints = true;
    else if (arg === "--no-build") options.build = false;
    else if (arg === "--no-members") options.members = false;
    else if (arg === "--no-plugin") options.plugin = false;
    else if (arg === "--members-n") options.memberSizes = (argv[++i] ?? "").split(",").map(Number);
    else throw new Error(`unknown option ${arg}`);
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--n takes sizes like 25,50");
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error("--runs takes a count like 3");
  return options;
}

interface Step {
  seconds: number;
  calls: number;
  peakMiB: number;
}

/** One throwaway project: its own folder, file backend and stack, configured for the emulator. */
class BenchProject {
  readonly dir: string;
  private readonly env: NodeJS.ProcessEnv;

  /** `pluginDir`: the folder of the provider plugin's executable, for a project on the plugin. */
  constructor(
    root: string,
    name: string,
    emulator: RunningEmulator,
    skipCheckpoints: boolean,
    pluginDir?: string,
  ) {
    this.dir = join(root, name);
    mkdirSync(join(this.dir, ".state"), { recursive: true });
    this.env = {
      ...pulumiEnv(),
      PULUMI_BACKEND_URL: `file://${join(this.dir, ".state")}`,
      PULUMI_CONFIG_PASSPHRASE: "bench",
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      PULUMI_SKIP_CHECKPOINTS: skipCheckpoints ? "true" : "false",
      RESOURCEGROUPS_ENDPOINT: emulator.url,
      RESOURCEGROUPS_PROJECT_ID: PROJECT_ID,
      RESOURCEGROUPS_TOKEN: emulator.tokens.ces,
    };
    const plugins = pluginDir
      ? `plugins:\n  providers:\n    - name: resourcegroups\n      path: ${pluginDir}\n`
      : "";
    writeFileSync(
      join(this.dir, "Pulumi.yaml"),
      `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n${plugins}`,
    );
    writeFileSync(join(this.dir, "package.json"), JSON.stringify({ name, private: true }));
  }

  /**
   * Installs packages as npm would, side by side in the project's node_modules: a copy of the Pulumi
   * SDK (its own dependencies resolve from the repository's) and, for `ours`, the unpacked tarballs of
   * the contracts and the provider. Through the repository's workspace link the SDK would serialize our
   * providers by value (see bench/README.md), which is not what a user's stack stores.
   */
  installPackages(ours: boolean, release: Release): void {
    const modules = join(this.dir, "node_modules");
    cpSync(join(REPO, "node_modules", "@pulumi", "pulumi"), join(modules, "@pulumi", "pulumi"), {
      recursive: true,
    });
    if (!ours) return;
    for (const [name, unpacked] of Object.entries(release)) {
      cpSync(unpacked, join(modules, name), { recursive: true });
    }
  }

  writeProgram(text: string): void {
    writeFileSync(join(this.dir, "index.ts"), text);
  }

  run(args: string[]): Promise<{ seconds: number; peakMiB: number; stdout: string }> {
    const memory = watchProviderMemory(this.dir);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const child = spawn("pulumi", [...args, "--non-interactive"], {
        cwd: this.dir,
        env: this.env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        output += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => {
        const seconds = (performance.now() - started) / 1000;
        const peakMiB = memory.stop();
        if (code !== 0) reject(new Error(`pulumi ${args.join(" ")} exited ${code}:\n${output}`));
        else resolve({ seconds, peakMiB, stdout });
      });
    });
  }

  async init(): Promise<void> {
    await this.run(["stack", "init", "bench"]);
  }

  /** Bytes of the stack's state file as the backend stores it. */
  stateBytes(): number {
    const path = join(this.dir, ".state", ".pulumi", "stacks", this.dir.split("/").pop() ?? "", "bench.json");
    return readFileSync(path).length;
  }
}

async function step(emulator: RunningEmulator, project: BenchProject, args: string[]): Promise<Step> {
  emulator.resetStats();
  const { seconds, peakMiB } = await project.run(args);
  return { seconds, calls: emulator.stats().total, peakMiB };
}

interface Lifecycle {
  up: Step;
  preview: Step;
  refresh: Step;
  destroy: Step;
  stateBytesPerResource: number;
}

async function lifecycle(emulator: RunningEmulator, project: BenchProject): Promise<Lifecycle> {
  const up = await step(emulator, project, ["up", "--yes", "--skip-preview"]);
  const stateBytes = project.stateBytes();
  const preview = await step(emulator, project, ["preview", "--expect-no-changes"]);
  const refresh = await step(emulator, project, [
    "refresh",
    "--yes",
    "--skip-preview",
    "--expect-no-changes",
  ]);
  const destroy = await step(emulator, project, ["destroy", "--yes", "--skip-preview"]);
  return { up, preview, refresh, destroy, stateBytesPerResource: stateBytes };
}

/** API calls per member to add and to remove members of existing groups, at one parallelism. */
async function memberCalls(
  emulator: RunningEmulator,
  project: BenchProject,
  groups: number,
  parallel: number,
): Promise<{ add: number; remove: number; addWrites: number; removeWrites: number }> {
  const members = groups * MEMBERS;
  project.writeProgram(oursProgram(groups, 0));
  await project.run(["up", "--yes", "--skip-preview"]);
  project.writeProgram(oursProgram(groups, MEMBERS));
  emulator.resetStats();
  await project.run(["up", "--yes", "--skip-preview", "--parallel", String(parallel)]);
  const added = emulator.stats();
  project.writeProgram(oursProgram(groups, 0));
  emulator.resetStats();
  await project.run(["up", "--yes", "--skip-preview", "--parallel", String(parallel)]);
  const removed = emulator.stats();
  await project.run(["destroy", "--yes", "--skip-preview"]);
  return {
    add: added.total / members,
    addWrites: added.writes / members,
    remove: removed.total / members,
    removeWrites: removed.writes / members,
  };
}

const f = (n: number, digits = 1) => n.toFixed(digits);

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Package name -> folder holding the unpacked tarball. */
type Release = Record<string, string>;

/**
 * `npm pack` of the contracts and the provider, unpacked: what a user's `npm install` puts in place;
 * and, with `plugin`, the plugin's package packed beside them for the plugin archive.
 */
function packRelease(root: string, plugin: boolean): { release: Release; tarballs: Record<string, string> } {
  const dir = join(root, "release");
  mkdirSync(dir, { recursive: true });
  const workspaces: ("contracts" | "provider" | "plugin")[] = ["contracts", "provider"];
  const packed = packWorkspaces(dir, plugin ? [...workspaces, "plugin"] : workspaces);
  const release: Release = {};
  for (const { name, path } of [packed.contracts, packed.provider]) {
    execFileSync("tar", ["-xzf", path], { cwd: dir });
    renameSync(join(dir, "package"), join(dir, name));
    release[name] = join(dir, name);
  }
  const tarballs = Object.fromEntries(Object.values(packed).map(({ name, path }) => [name, path]));
  return { release, tarballs };
}

/**
 * The release's plugin archive, built from the packed tarballs and unpacked as `pulumi plugin install
 * --file` unpacks it into the plugin cache; answers the folder holding `pulumi-resource-resourcegroups`.
 */
function unpackPlugin(root: string, tarballs: Record<string, string>): string {
  const tarball = (name: string) => tarballs[name] ?? "";
  const archive = buildPluginArchive(
    {
      contracts: tarball("pulumi-resource-groups-contracts"),
      provider: tarball("pulumi-resource-groups"),
      plugin: tarball("pulumi-resource-groups-plugin"),
    },
    releaseVersion(),
    join(root, "release"),
  );
  const installed = join(root, "plugin-installed");
  mkdirSync(installed);
  execFileSync("tar", ["-xzf", archive, "-C", installed]);
  return installed;
}

const COMMANDS = ["up", "preview", "refresh", "destroy"] as const;
type Command = (typeof COMMANDS)[number];

/** Median seconds per command over the runs. */
const medians = (runs: Lifecycle[]) =>
  Object.fromEntries(COMMANDS.map((c) => [c, median(runs.map((r) => r[c].seconds))])) as Record<
    Command,
    number
  >;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.build) execFileSync("npm", ["run", "build"], { cwd: REPO, stdio: "inherit" });
  const root = join(REPO, ".cache", "bench", `engine-${Date.now()}`);
  mkdirSync(root, { recursive: true });
  // One packed release for the whole run.
  const { release, tarballs } = packRelease(root, options.plugin);
  const pluginDir = options.plugin ? unpackPlugin(root, tarballs) : undefined;
  const emulator = await startEmulator({ port: 0, db: join(root, "emulator.sqlite") });
  Object.assign(process.env, {
    RESOURCEGROUPS_ENDPOINT: emulator.url,
    RESOURCEGROUPS_PROJECT_ID: PROJECT_ID,
    RESOURCEGROUPS_TOKEN: emulator.tokens.ces,
  });
  resetSettings();
  const memberSizes = options.memberSizes ?? [
    options.sizes.includes(MEMBER_SIZE) ? MEMBER_SIZE : (options.sizes[0] as number),
  ];
  const table: string[] = [];
  const memberTable: string[] = [];
  const pluginTable: string[] = [];
  const loads: string[] = [`start ${load()}`];
  try {
    for (const n of options.sizes) {
      const resources = n * (MEMBERS + 1);
      const ours = new BenchProject(root, `ours-${n}`, emulator, options.skipCheckpoints);
      ours.installPackages(true, release);
      ours.writeProgram(oursProgram(n, MEMBERS));
      await ours.init();
      const floor = new BenchProject(root, `floor-${n}`, emulator, options.skipCheckpoints);
      floor.installPackages(false, release);
      floor.writeProgram(floorProgram(n, MEMBERS));
      await floor.init();
      let plugin: BenchProject | undefined;
      if (pluginDir) {
        plugin = new BenchProject(root, `plugin-${n}`, emulator, options.skipCheckpoints, pluginDir);
        plugin.installPackages(false, release);
        plugin.writeProgram(pluginProgram(n, MEMBERS));
        await plugin.init();
      }

      const oursRuns: Lifecycle[] = [];
      const floorRuns: Lifecycle[] = [];
      const pluginRuns: Lifecycle[] = [];
      for (let run = 0; run < options.runs; run++) {
        oursRuns.push(await lifecycle(emulator, ours));
        if (plugin) pluginRuns.push(await lifecycle(emulator, plugin));
        floorRuns.push(await lifecycle(emulator, floor));
        const [o, fl, pl] = [oursRuns[run] as Lifecycle, floorRuns[run] as Lifecycle, pluginRuns[run]];
        const seconds = (c: Command) =>
          `${f(o[c].seconds, 2)}/${pl ? `${f(pl[c].seconds, 2)}/` : ""}${f(fl[c].seconds, 2)}`;
        console.log(
          `N=${n} run ${run + 1} (ours/${pl ? "plugin/" : ""}floor s): ` +
            COMMANDS.map((c) => `${c} ${seconds(c)}`).join(", ") +
            ` (load ${load()})`,
        );
      }
      loads.push(`after N=${n} ${load()}`);
      const o = oursRuns[0] as Lifecycle;
      const fl = floorRuns[0] as Lifecycle;
      const om = medians(oursRuns);
      const fm = medians(floorRuns);
      emulator.resetStats();
      const bare = await bareRun(n, MEMBERS, DEFAULT_PARALLEL);
      const bareCalls = emulator.stats().total;
      const perResource = (s: Step) => f(s.calls / resources, 2);
      const cell = (c: Command) => `${f(om[c], 2)} / ${f(fm[c], 2)} = ${f(om[c] / fm[c], 2)}`;
      table.push(
        `| ${n} (${resources}) | ${COMMANDS.map(cell).join(" | ")} | ${f(bare.up, 2)} / ${f(bare.destroy, 2)} ` +
          `| ${perResource(o.up)} / ${perResource(o.preview)} / ${perResource(o.refresh)} / ${perResource(o.destroy)} ` +
          `| ${f(bareCalls / resources, 2)} ` +
          `| ${Math.round(o.stateBytesPerResource / resources)} / ${Math.round(fl.stateBytesPerResource / resources)} ` +
          `| ${Math.max(o.up.peakMiB, o.refresh.peakMiB, o.destroy.peakMiB)} / ${Math.max(fl.up.peakMiB, fl.destroy.peakMiB)} |`,
      );
      console.log(table[table.length - 1]);
      const p = pluginRuns[0];
      if (p) {
        const pm = medians(pluginRuns);
        const pluginCell = (c: Command) => `${f(pm[c], 2)} / ${f(fm[c], 2)} = ${f(pm[c] / fm[c], 2)}`;
        pluginTable.push(
          `| ${n} (${resources}) | ${COMMANDS.map(pluginCell).join(" | ")} ` +
            `| ${perResource(p.up)} / ${perResource(p.destroy)} ` +
            `| ${Math.round(p.stateBytesPerResource / resources)} / ${Math.round(o.stateBytesPerResource / resources)} / ${Math.round(fl.stateBytesPerResource / resources)} ` +
            `| ${Math.max(p.up.peakMiB, p.refresh.peakMiB, p.destroy.peakMiB)} |`,
        );
        console.log(pluginTable[pluginTable.length - 1]);
      }
      if (options.members && memberSizes.includes(n)) {
        for (const parallel of [DEFAULT_PARALLEL, WIDE_PARALLEL]) {
          const m = await memberCalls(emulator, ours, n, parallel);
          memberTable.push(
            `| ${n} | ${parallel} | ${f(m.add, 2)} | ${f(m.addWrites, 2)} | ${f(m.remove, 2)} | ${f(m.removeWrites, 2)} |`,
          );
          console.log(memberTable[memberTable.length - 1]);
        }
      }
    }
  } finally {
    await emulator.close();
  }
  const checkpoints = options.skipCheckpoints ? "PULUMI_SKIP_CHECKPOINTS=true" : "checkpoints on";
  console.log(
    `\nnode ${process.version}, ${checkpoints}, parallel ${DEFAULT_PARALLEL}, ${MEMBERS} members per group, ` +
      `median of ${options.runs} run(s) per size; load average (1, 5, 15 min): ${loads.join("; ")}\n`,
  );
  console.log(
    "| N (resources) | up ours / floor s = ratio | preview | refresh | destroy | bare up / destroy s " +
      "| API calls per resource up / preview / refresh / destroy | bare calls per resource " +
      "| state bytes per resource ours / floor | provider peak MiB ours / floor |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const row of table) console.log(row);
  if (pluginTable.length > 0) {
    console.log("\nThe provider plugin, same graph, against the same floor:\n");
    console.log(
      "| N (resources) | up plugin / floor s = ratio | preview | refresh | destroy " +
        "| API calls per resource up / destroy | state bytes per resource plugin / ours / floor | plugin peak MiB |",
    );
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const row of pluginTable) console.log(row);
  }
  if (memberTable.length > 0) {
    console.log("\nMembers added to and removed from existing groups:\n");
    console.log(
      "| N | --parallel | calls per member added | writes per member added | calls per member removed | writes per member removed |",
    );
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const row of memberTable) console.log(row);
  }
  rmSync(root, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * The packages as a user installs them, not as the repository links them: `npm pack` of every
 * workspace, the tarballs installed by npm into a project in a temporary folder outside the repository
 * (so no repository node_modules is on any resolution path), and the installed emulator command.
 *
 * Installing takes over a minute on 2 cores (npm builds SQLite for the emulator), so one install serves
 * every test file that needs one: it is kept in the system's temporary folder under a key made of the
 * tarballs' contents, the Node.js version and the SDK version, and reused while those stay the same.
 * An install no run has used for an hour, under another key, is removed.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIALECT_NAMES, type DialectName } from "../../../emulator";
import type { EmulatorAddress } from "./project";
import { REPO } from "./pulumiEnv";
import { packWorkspaces, type PackedWorkspace } from "../../../scripts/lib/packWorkspaces";

export const PACKAGES = {
  contracts: "pulumi-resource-groups-contracts",
  provider: "pulumi-resource-groups",
  emulator: "pulumi-resource-groups-emulator",
  policy: "pulumi-resource-groups-policy",
} as const;
export type Workspace = keyof typeof PACKAGES;
const WORKSPACES = Object.keys(PACKAGES) as Workspace[];

/** One package as `npm pack --json` describes it. */
/** What `npm pack` reported for a workspace's tarball, and where it is. */
export type Packed = PackedWorkspace;

export interface PackedInstall {
  /** The project npm installed the tarballs into; Pulumi projects go in folders beneath it. */
  app: string;
  /** What `npm pack` reported for each workspace. */
  packed: Record<Workspace, Packed>;
}

const CACHE_PREFIX = "resource-groups-packed-";
const UNUSED_FOR_MS = 60 * 60 * 1000;
/** The installed emulator's databases; they share the installs' prefix but belong to running tests. */
const EMULATOR_DATA_PREFIX = "resource-groups-packed-db-";

export function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Packs every workspace into `dir`. */
const pack = (dir: string): Record<Workspace, Packed> => packWorkspaces(dir, WORKSPACES);

/** The version of a package this repository has installed. */
const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(REPO, "node_modules", name, "package.json"), "utf8")) as { version: string })
    .version;

const sdkVersion = () => installedVersion("@pulumi/pulumi");

/** Installs the tarballs of `dir/tarballs` into `dir/app`, by paths relative to it, so `dir` can move. */
function install(dir: string, packed: Record<Workspace, Packed>): void {
  const app = join(dir, "app");
  mkdirSync(app);
  const dependencies = Object.fromEntries(
    WORKSPACES.map((w) => [PACKAGES[w], `file:../tarballs/${packed[w].filename}`]),
  );
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({
      name: "packed-app",
      private: true,
      dependencies: { "@pulumi/pulumi": sdkVersion(), ...dependencies },
      // What `pulumi new typescript` adds, at the versions this repository compiles with.
      devDependencies: {
        typescript: installedVersion("typescript"),
        "@types/node": installedVersion("@types/node"),
      },
    }),
  );
  npm(["install", "--no-audit", "--no-fund", "--prefer-offline"], app);
}

/** When `path` was last touched, or undefined when another run removed or renamed it meanwhile. */
function touchedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Removes the installs of other keys that no run has used for an hour, and builds left half-done.
 * Suites on several Node.js versions run at once and share the temporary folder, so any entry listed
 * here may be renamed into place or removed by another run before it is looked at.
 */
function removeStale(keep: string): void {
  const installs = readdirSync(tmpdir()).filter(
    (n) => n.startsWith(CACHE_PREFIX) && !n.startsWith(EMULATOR_DATA_PREFIX),
  );
  for (const name of installs) {
    const dir = join(tmpdir(), name);
    if (dir === keep) continue;
    const touched = touchedAt(join(dir, "ready")) ?? touchedAt(dir);
    if (touched !== undefined && Date.now() - touched > UNUSED_FOR_MS)
      rmSync(dir, { recursive: true, force: true });
  }
}

/** The packed and installed workspaces, from the shared install when its key still fits. */
export function packedInstall(): PackedInstall {
  const scratch = mkdtempSync(join(tmpdir(), "resource-groups-pack-"));
  try {
    const packed = pack(scratch);
    const hash = createHash("sha256").update(`${process.version} ${sdkVersion()}`);
    for (const w of WORKSPACES) hash.update(readFileSync(join(scratch, packed[w].filename)));
    const cache = join(tmpdir(), `${CACHE_PREFIX}${hash.digest("hex").slice(0, 16)}`);
    if (!existsSync(join(cache, "ready"))) {
      // Built aside and renamed into place, so a run never sees half an install.
      const building = `${cache}.${process.pid}`;
      rmSync(building, { recursive: true, force: true });
      mkdirSync(building);
      renameSync(scratch, join(building, "tarballs"));
      install(building, packed);
      writeFileSync(join(building, "ready"), "");
      try {
        renameSync(building, cache);
      } catch {
        // Another run put the same install in place first.
        rmSync(building, { recursive: true, force: true });
      }
    }
    const now = new Date();
    utimesSync(join(cache, "ready"), now, now);
    removeStale(cache);
    return { app: join(cache, "app"), packed };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The installed `resource-groups-emulator` command, running on a free port with a database of its own. */
export interface InstalledEmulator extends EmulatorAddress {
  /** Calls an admin route (`/_emulator/...`), which needs no token. */
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Starts the installed emulator command and waits for the address it prints. */
export function startInstalledEmulator(app: string, token: string): Promise<InstalledEmulator> {
  const data = mkdtempSync(join(tmpdir(), EMULATOR_DATA_PREFIX));
  const bin = join(app, "node_modules", ".bin", "resource-groups-emulator");
  const child = spawn(bin, ["--port", "0", "--db", join(data, "emulator.sqlite"), "--token", token], {
    cwd: app,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async () => {
    child.kill();
    await exited;
    rmSync(data, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      const tokens = Object.fromEntries(DIALECT_NAMES.map((d) => [d, token])) as Record<DialectName, string>;
      const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
        const response = await fetch(`${url}/_emulator${path}`, {
          method,
          headers: { "Content-Type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${method} /_emulator${path} answered ${response.status}`);
        return (await response.json()) as T;
      };
      resolve({ url, tokens, admin, stop });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`the installed emulator exited ${code}:\n${output}`)));
  });
}

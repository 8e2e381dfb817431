/**
 * `npm run release`: the four packages as versioned tarballs a user installs without this repository
 * or a registry, and the provider plugin as the archive `pulumi plugin install --file` takes, with a
 * checksum file, in `release/<version>/`.
 *
 *   npm run release                 build, pack, checksum
 *   npm run release -- --dry-run    also `npm publish --dry-run` of each package (what npm would upload)
 *
 * The tarballs are what `npm publish` would upload (same `files`, same manifest), so installing them is
 * installing the release: `npm install ./pulumi-resource-groups-contracts-<v>.tgz ./pulumi-resource-groups-<v>.tgz`.
 * The plugin's package is private (it reaches users as the plugin archive, never from npm), so it is
 * packed for the archive and not published.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { buildPluginArchive, pluginArchiveName } from "./lib/pluginArchive";
import { packWorkspaces } from "./lib/packWorkspaces";

const REPO = join(__dirname, "..");

/** The npm packages, in dependency order: each package's dependencies come before it. */
export const RELEASED = ["contracts", "provider", "emulator", "policy"] as const;
/** Released with the same version, as the plugin archive. */
const PLUGIN = "plugin";

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

const manifest = (workspace: string): Manifest =>
  JSON.parse(readFileSync(join(REPO, workspace, "package.json"), "utf8")) as Manifest;

/** All packages and the plugin carry one version, and each depends on its siblings at exactly that version. */
export function releaseVersion(): string {
  const manifests = [...RELEASED, PLUGIN].map(manifest);
  const version = manifests[0]?.version ?? "";
  const names = new Set(manifests.map((m) => m.name));
  for (const m of manifests) {
    if (m.version !== version) {
      throw new Error(
        `${m.name} is at ${m.version}, ${manifests[0]?.name} at ${version}: release them together`,
      );
    }
    for (const [dependency, range] of Object.entries(m.dependencies ?? {})) {
      if (names.has(dependency) && range !== version) {
        throw new Error(`${m.name} depends on ${dependency}@${range}, not on this release's ${version}`);
      }
    }
  }
  return version;
}

const sha256 = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

export function release(options: { dryRun: boolean; log?: (line: string) => void }): string[] {
  const log = options.log ?? ((line: string) => console.log(line));
  const version = releaseVersion();
  const out = join(REPO, "release", version);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  log(`Building ${RELEASED.join(", ")} at ${version}`);
  npm(["run", "-s", "build"], REPO);
  const packed = packWorkspaces(out, RELEASED);
  if (options.dryRun) {
    for (const workspace of RELEASED)
      npm(["publish", "--dry-run", "--ignore-scripts"], join(REPO, workspace));
  }
  const scratch = mkdtempSync(join(tmpdir(), "resource-groups-release-"));
  let archive: string;
  try {
    const plugin = packWorkspaces(scratch, [PLUGIN])[PLUGIN].path;
    log(`Installing the plugin's packages into ${pluginArchiveName(version)}`);
    archive = buildPluginArchive(
      { contracts: packed.contracts.path, provider: packed.provider.path, plugin },
      version,
      out,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const tarballs = [...RELEASED.map((workspace) => packed[workspace].filename), basename(archive)];
  const sums = tarballs.map((file) => `${sha256(join(out, file))}  ${file}`).join("\n");
  writeFileSync(join(out, "SHA256SUMS"), `${sums}\n`);
  log(`release/${version}/:`);
  for (const file of [...tarballs, "SHA256SUMS"]) log(`  ${file}`);
  log(`Check: (cd release/${version} && sha256sum -c SHA256SUMS). Install: see README, "Install".`);
  return tarballs.map((file) => join(out, file));
}

if (require.main === module) {
  const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } });
  try {
    release({ dryRun: values["dry-run"] });
  } catch (error) {
    console.error(`release: ${(error as Error).message}`);
    process.exit(1);
  }
}

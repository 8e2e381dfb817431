/**
 * The provider plugin as `pulumi plugin install resource resourcegroups <version> --file <archive>`
 * takes it: a gzipped tar whose top level holds the executable the engine starts,
 * `pulumi-resource-resourcegroups`, beside the npm packages it runs from.
 *
 * The plugin is written in TypeScript, so the archive is its package and the two it builds on (the
 * provider's handlers and the contracts), installed by npm from their release tarballs with their
 * registry dependencies, and a launcher that starts them with the `node` on PATH. Nothing in it is
 * native, so one archive serves every platform that has Node.js 20 or newer.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export const PLUGIN_EXECUTABLE = "pulumi-resource-resourcegroups";

/** The release tarballs the plugin is installed from: npm pack of each workspace. */
export interface PluginTarballs {
  contracts: string;
  provider: string;
  plugin: string;
}

const packageNames: Record<keyof PluginTarballs, string> = {
  contracts: "pulumi-resource-groups-contracts",
  provider: "pulumi-resource-groups",
  plugin: "pulumi-resource-groups-plugin",
};

export const pluginArchiveName = (version: string): string => `${PLUGIN_EXECUTABLE}-v${version}.tar.gz`;

// Relative to the launcher, which the engine runs by its absolute path in the plugin's folder.
const LAUNCHER = `#!/bin/sh
# Starts the resourcegroups provider plugin from the packages installed beside this file.
exec node "$(dirname "$0")/node_modules/pulumi-resource-groups-plugin/bin/${PLUGIN_EXECUTABLE}" "$@"
`;

/**
 * Writes the plugin archive for `version` into `outDir` and answers its path. npm installs the three
 * tarballs (and what they need from the registry, production dependencies only) in a scratch folder,
 * which is then archived as the plugin's folder.
 */
export function buildPluginArchive(tarballs: PluginTarballs, version: string, outDir: string): string {
  const files = [tarballs.contracts, tarballs.provider, tarballs.plugin];
  const stage = mkdtempSync(join(tmpdir(), "resource-groups-plugin-archive-"));
  try {
    for (const file of files) copyFileSync(file, join(stage, basename(file)));
    const dependencies = Object.fromEntries(
      (Object.keys(tarballs) as (keyof PluginTarballs)[]).map((part) => [
        packageNames[part],
        `file:./${basename(tarballs[part])}`,
      ]),
    );
    writeFileSync(
      join(stage, "package.json"),
      JSON.stringify({ name: "resourcegroups-plugin", version, private: true, dependencies }, null, 2),
    );
    execFileSync("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline"], {
      cwd: stage,
      stdio: ["ignore", "ignore", "pipe"],
    });
    for (const file of files) rmSync(join(stage, basename(file)));
    writeFileSync(join(stage, PLUGIN_EXECUTABLE), LAUNCHER);
    chmodSync(join(stage, PLUGIN_EXECUTABLE), 0o755);
    const archive = join(outDir, pluginArchiveName(version));
    // Entries in a fixed order, owned by no one in particular: the archive depends on what is in it.
    execFileSync("tar", [
      "--sort=name",
      "--owner=0",
      "--group=0",
      "--numeric-owner",
      "--mtime=@0",
      "-czf",
      archive,
      "-C",
      stage,
      ".",
    ]);
    return archive;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

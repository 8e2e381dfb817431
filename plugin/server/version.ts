/**
 * The plugin's version: its package's, which the engine records and `pulumi plugin ls` shows. Found by
 * walking up from this file to the package's manifest, which is one folder up from the sources and two
 * from the compiled `dist/server` (the package ships no copy inside `dist`).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const PACKAGE = "pulumi-resource-groups-plugin";

function packageVersion(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (manifest.name === PACKAGE && manifest.version) return manifest.version;
  }
  throw new Error(`no package.json of ${PACKAGE} above ${from}`);
}

export const PLUGIN_VERSION: string = packageVersion(__dirname);

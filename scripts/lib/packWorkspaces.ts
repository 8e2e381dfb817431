/**
 * `npm pack` of some of this repository's workspaces into one folder, as the release, the engine bench
 * and the tests that install the packages as a user does all need it: what npm reports of each
 * tarball, by workspace folder, with the tarball's path.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const REPO = join(__dirname, "..", "..");

/** What `npm pack --json` reports of one tarball, and where it is. */
export interface PackedWorkspace {
  /** The package's name, e.g. `pulumi-resource-groups`. */
  name: string;
  /** The tarball's file name in the folder. */
  filename: string;
  /** The files inside the tarball, relative to the package. */
  files: { path: string }[];
  /** The tarball's path. */
  path: string;
}

/**
 * Packs each of `workspaces` (folder names: `contracts`, `provider`, ...) into `dir` with one npm run
 * (which runs their `prepack` scripts); fails naming any workspace npm gave no tarball for.
 */
export function packWorkspaces<W extends string>(
  dir: string,
  workspaces: readonly W[],
): Record<W, PackedWorkspace> {
  const out = execFileSync(
    "npm",
    ["pack", "--json", "--pack-destination", dir, ...workspaces.flatMap((w) => ["--workspace", w])],
    { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 },
  );
  const byName = new Map(
    (JSON.parse(out) as Omit<PackedWorkspace, "path">[]).map((entry) => [entry.name, entry]),
  );
  const packed = {} as Record<W, PackedWorkspace>;
  for (const workspace of workspaces) {
    const { name } = JSON.parse(readFileSync(join(REPO, workspace, "package.json"), "utf8")) as {
      name: string;
    };
    const entry = byName.get(name);
    if (!entry) throw new Error(`npm pack gave no tarball for ${workspace} (${name})`);
    packed[workspace] = { ...entry, path: join(dir, entry.filename) };
  }
  return packed;
}

/**
 * The code of the previous release, built as its users have it: the release commit's files, compiled,
 * in a folder outside the repository's package so a Pulumi project can install it in place of this one.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "./pulumiEnv";

export const PREVIOUS_RELEASE = {
  version: "0.1.0",
  /** Tagged v0.1.0; named by commit so a clone without tags finds it too. */
  commit: "5270c8da823fca059085a46eea6ea79d84f38a95",
} as const;

const SELF = "pulumi-resource-groups";

/** Extracts and compiles the previous release once per machine; returns its package folder. */
export function buildPreviousRelease(): string {
  const dir = join(REPO, ".cache", "releases", PREVIOUS_RELEASE.version);
  if (existsSync(join(dir, "dist", "provider", "runtime", "index.js"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync("git", ["archive", "--format=tar", PREVIOUS_RELEASE.commit], {
    cwd: REPO,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync("tar", ["-x", "-C", dir], { input: archive });
  // Its dependencies are this repository's (axios, a root dev dependency kept for this release alone,
  // zod and the Pulumi SDK), linked one by one so that its own name does not resolve to the new code
  // through the repository's workspace links.
  const modules = join(dir, "node_modules");
  mkdirSync(modules);
  for (const entry of readdirSync(join(REPO, "node_modules"))) {
    if (!entry.startsWith(SELF) && entry !== ".bin")
      symlinkSync(join(REPO, "node_modules", entry), join(modules, entry));
  }
  execFileSync(join(REPO, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], {
    cwd: dir,
    stdio: "inherit",
  });
  return dir;
}

/**
 * The environment every Pulumi command here runs in: what scripts/pulumi-env.sh sets up (the CLI on
 * PATH, a local file backend, no network), computed once per test process.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

export const REPO = join(__dirname, "..", "..");

let cached: NodeJS.ProcessEnv | undefined;

/** Finding (or, the first time, building) the CLI can print progress; it goes to stderr. */
export function pulumiEnv(): NodeJS.ProcessEnv {
  if (!cached) {
    const script = join(REPO, "scripts", "pulumi-env.sh");
    const out = execFileSync("bash", ["-c", `source "${script}" >&2 && env -0`], {
      cwd: REPO,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      timeout: 30 * 60 * 1000,
    });
    cached = Object.fromEntries(
      out
        .split("\0")
        .filter((line) => line.includes("="))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
  }
  return cached;
}

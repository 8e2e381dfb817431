/**
 * The environment every Pulumi command here runs in: the sandbox of scripts/pulumi-env.sh (the CLI on
 * PATH, its home in the repository cache, a local file backend, no network), computed once per process.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

export const REPO = join(__dirname, "..", "..");

let cached: NodeJS.ProcessEnv | undefined;

/** Finding (or, the first time, building) the CLI can print progress; it goes to stderr. */
export function pulumiEnv(): NodeJS.ProcessEnv {
  if (!cached) {
    const script = join(REPO, "scripts", "pulumi-env.sh");
    const out = execFileSync("bash", ["-c", `source "${script}" --sandbox >&2 && env -0`], {
      cwd: REPO,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      timeout: 30 * 60 * 1000,
    });
    cached = bypassProxyForLoopback(
      Object.fromEntries(
        out
          .split("\0")
          .filter((line) => line.includes("="))
          .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
      ),
    );
  }
  return cached;
}

/**
 * The emulator listens on loopback: a proxy the user set (the provider honours HTTP_PROXY and the like)
 * keeps serving every other host, but never stands between the provider and the emulator.
 */
export function bypassProxyForLoopback(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const proxied = ["http_proxy", "https_proxy", "all_proxy"].some(
    (name) => env[name] || env[name.toUpperCase()],
  );
  if (!proxied) return env;
  // Lowercase wins where both are set, as in the provider; both get the same list.
  const list = [env.no_proxy || env.NO_PROXY, "127.0.0.1", "localhost"].filter(Boolean).join(",");
  return { ...env, NO_PROXY: list, no_proxy: list };
}

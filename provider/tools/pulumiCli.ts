/** The `pulumi` CLI as the recovery tool runs it: in the project's folder, with the caller's environment. */
import { execFile } from "node:child_process";
import { hostname } from "node:os";

export interface Options {
  /** The Pulumi project's folder. */
  cwd: string;
  /** The stack, when not the project's current one. */
  stack?: string;
  /** Only say what would be done. */
  dryRun: boolean;
}

/** Runs `pulumi <args>` for the stack of `options`; rejects with the CLI's own error text. */
export function pulumi(options: Options, args: string[]): Promise<string> {
  const stack = options.stack === undefined ? [] : ["--stack", options.stack];
  return new Promise((resolve, reject) => {
    execFile(
      "pulumi",
      [...args, ...stack, "--non-interactive"],
      { cwd: options.cwd, maxBuffer: 1024 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`pulumi ${args.join(" ")} failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

/** The stack's config, secrets decrypted, for the provider settings the look-ups need. */
export async function stackConfig(options: Options): Promise<Map<string, string>> {
  const json = JSON.parse(await pulumi(options, ["config", "--json", "--show-secrets"])) as Record<
    string,
    { value?: unknown }
  >;
  const values = new Map<string, string>();
  for (const [key, entry] of Object.entries(json)) {
    if (typeof entry.value === "string") values.set(key, entry.value);
    else if (entry.value !== undefined) values.set(key, JSON.stringify(entry.value));
  }
  return values;
}

/** The backend's URL (`file://...`, `s3://...`, `https://api.pulumi.com`, ...), as `pulumi whoami` gives it. */
export async function backendUrl(options: Options): Promise<string> {
  const { url } = JSON.parse(await pulumi(options, ["whoami", "--json"])) as { url?: string };
  if (!url) throw new Error("`pulumi whoami --json` did not name the backend");
  return url;
}

/** True when a "currently locked" error names only locks of processes of this host that are gone. */
export function deadLocalLocks(message: string): boolean {
  if (!/currently locked/.test(message)) return false;
  const owners = [...message.matchAll(/created by \S+@(\S+) \(pid (\d+)\)/g)];
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  return owners.length > 0 && owners.every(([, host, pid]) => host === hostname() && !alive(Number(pid)));
}

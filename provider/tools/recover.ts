#!/usr/bin/env node
/**
 * `resource-groups-recover [--cwd <project dir>] [--stack <name>] [--dry-run]`: after an interrupted
 * `pulumi up`, brings every group whose create was in flight into the stack and clears the pending
 * records of this package's resources (see pendingCreates.ts), so that the next `pulumi up` converges
 * on the program without a duplicate and without an id looked up by hand.
 *
 * It runs the `pulumi` CLI of the PATH in the project's folder, with the caller's environment, and reads
 * the provider settings from the stack's config (then the environment), as the provider does.
 */
import { execFile } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { configure } from "../runtime";
import { settlePendingOperations, type Deployment, type Outcome } from "./pendingCreates";

interface Options {
  cwd: string;
  stack?: string;
  dryRun: boolean;
}

const USAGE =
  "usage: resource-groups-recover [--cwd <pulumi project dir>] [--stack <stack>] [--dry-run]\n" +
  "Run it after `pulumi cancel --yes` (which releases the interrupted run's lock), then run `pulumi up`.";

function pulumi(options: Options, args: string[]): Promise<string> {
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
async function stackConfig(options: Options): Promise<Map<string, string>> {
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

function describe(outcome: Outcome): string {
  const name = outcome.urn.slice(outcome.urn.lastIndexOf("::") + 2);
  switch (outcome.action) {
    case "adopted":
      return `  ${name}: found at the vendor, now in the stack as ${outcome.id}`;
    case "dropped":
      return `  ${name}: pending record cleared (${outcome.reason})`;
    case "kept":
      return `  ${name}: left pending (${outcome.reason})`;
  }
}

/** True when a "currently locked" error names only locks of processes of this host that are gone. */
function deadLocalLocks(message: string): boolean {
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

const parses = (file: string): boolean => {
  try {
    JSON.parse(readFileSync(file, "utf8"));
    return true;
  } catch {
    return false;
  }
};

/**
 * A file backend writes each checkpoint to a temporary file it then renames, but writes the file's
 * attributes (`<file>.attrs`) in place: a kill during that write leaves them empty, and the CLI then
 * fails with `failed to load checkpoint: EOF`. Broken attributes are removed (the backend reads a
 * missing attributes file as none). A checkpoint that is itself cut short is put back to the one
 * before it (`<stack>.json.bak`, the broken file kept beside it): the write lost is the start or end of
 * one step, which the pending operations settled below cover either way. Returns what was done.
 */
async function repairCutCheckpoint(options: Options): Promise<string[]> {
  const { url } = JSON.parse(await pulumi(options, ["whoami", "--json"])) as { url?: string };
  if (!url?.startsWith("file://")) return [];
  const root = fileURLToPath(url.replace(/\?.*$/, ""));
  const project = /^name:\s*["']?([^"'\s]+)/m.exec(
    readFileSync(join(options.cwd, "Pulumi.yaml"), "utf8"),
  )?.[1];
  // The stack's name is not asked of the CLI: with the checkpoint unreadable, that fails too.
  const stack = options.stack?.split("/").pop();
  const files = [
    ...(project ? [join(root, ".pulumi", "stacks", project)] : []),
    join(root, ".pulumi", "stacks"),
  ]
    .filter((folder) => existsSync(folder))
    .flatMap((folder) => readdirSync(folder).map((name) => join(folder, name)))
    .filter((f) => stack === undefined || f.includes(`/${stack}.json`));
  const done: string[] = [];
  for (const attrs of files.filter((f) => f.endsWith(".attrs") && !parses(f))) {
    rmSync(attrs);
    done.push(`removed the empty attributes file ${attrs}`);
  }
  for (const file of files.filter((f) => f.endsWith(".json") && !parses(f))) {
    if (!existsSync(`${file}.bak`) || !parses(`${file}.bak`)) continue;
    const kept = `${file}.cut-${Date.now()}`;
    renameSync(file, kept);
    copyFileSync(`${file}.bak`, file);
    rmSync(`${file}.attrs`, { force: true });
    done.push(`restored ${file}.bak (the broken checkpoint is kept as ${kept})`);
  }
  return done;
}

async function exportStack(options: Options, log: (line: string) => void) {
  let text: string;
  try {
    text = await pulumi(options, ["stack", "export"]);
  } catch (error) {
    if (!/failed to load checkpoint/.test((error as Error).message)) throw error;
    const repaired = await repairCutCheckpoint(options);
    if (repaired.length === 0) throw error;
    log(`The stack's checkpoint was cut short by the interruption: ${repaired.join("; ")}.`);
    text = await pulumi(options, ["stack", "export"]);
  }
  return JSON.parse(text) as { deployment: Deployment; [field: string]: unknown };
}

export async function recover(
  options: Options,
  log: (line: string) => void = console.log,
): Promise<Outcome[]> {
  const exported = await exportStack(options, log);
  if ((exported.deployment.pending_operations ?? []).length === 0) {
    log("No pending operations: nothing to recover. Run `pulumi up`.");
    return [];
  }
  const config = await stackConfig(options);
  await configure({ config: { get: (key) => config.get(key) } });
  const { deployment, outcomes } = await settlePendingOperations(exported.deployment);
  for (const outcome of outcomes) log(describe(outcome));
  if (options.dryRun) {
    log("Dry run: the stack is unchanged.");
    return outcomes;
  }
  const dir = mkdtempSync(join(tmpdir(), "resource-groups-recover-"));
  try {
    const file = join(dir, "deployment.json");
    writeFileSync(file, JSON.stringify({ ...exported, deployment }));
    try {
      await pulumi(options, ["stack", "import", "--file", file]);
    } catch (error) {
      // A `pulumi cancel` before an unreadable checkpoint was repaired fails too, leaving the lock.
      if (!deadLocalLocks((error as Error).message)) throw error;
      log("The stack was still locked by the interrupted run, whose process is gone: released it.");
      await pulumi(options, ["cancel", "--yes"]);
      await pulumi(options, ["stack", "import", "--file", file]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const adopted = outcomes.filter((o) => o.action === "adopted").length;
  log(`Recovered: ${adopted} group(s) brought into the stack. Now run \`pulumi up\`.`);
  return outcomes;
}

function parse(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      cwd: { type: "string" },
      stack: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return { cwd: values.cwd ?? process.cwd(), stack: values.stack, dryRun: values["dry-run"] };
}

if (require.main === module) {
  let options: Options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  recover(options).catch((error: unknown) => {
    console.error(`resource-groups-recover: ${(error as Error).message}`);
    process.exit(1);
  });
}

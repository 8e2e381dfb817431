/**
 * `resource-groups-move-to-plugin`: moves a stack's resources of the dynamic provider to the provider
 * plugin with no call to any vendor. See docs/plugin.md, "Moving a stack to the plugin".
 *
 *   resource-groups-move-to-plugin --import-file groups.json            writes the file, changes nothing
 *   resource-groups-move-to-plugin --import-file groups.json --forget   also takes them out of the state
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { MoveRefused, planMove, type Deployment } from "./importFile";

interface Options {
  importFile: string;
  forget: boolean;
  cwd: string;
  stack?: string;
}

const USAGE =
  "usage: resource-groups-move-to-plugin --import-file <file> [--forget] [--cwd <project folder>] [--stack <stack>]";

function parse(argv: string[]): Options {
  const options: Partial<Options> = { forget: false, cwd: process.cwd() };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new MoveRefused(`${argv[i - 1]} needs a value\n${USAGE}`);
      return next;
    };
    const arg = argv[i];
    if (arg === "--import-file") options.importFile = value();
    else if (arg === "--forget") options.forget = true;
    else if (arg === "--cwd") options.cwd = value();
    else if (arg === "--stack") options.stack = value();
    else throw new MoveRefused(`unknown argument ${arg}\n${USAGE}`);
  }
  if (options.importFile === undefined) throw new MoveRefused(`--import-file is required\n${USAGE}`);
  return options as Options;
}

function pulumi(options: Options, args: string[]): string {
  const stack = options.stack === undefined ? [] : ["--stack", options.stack];
  return execFileSync("pulumi", [...args, ...stack, "--non-interactive"], {
    cwd: options.cwd,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
  });
}

export function main(argv: string[], log: (line: string) => void = console.log): void {
  const options = parse(argv);
  const exported = JSON.parse(pulumi(options, ["stack", "export"])) as { deployment: Deployment };
  const move = planMove(exported.deployment);
  const file = resolve(options.cwd, options.importFile);
  writeFileSync(file, `${JSON.stringify(move.importFile, null, 2)}\n`);
  const count = move.importFile.resources.length;
  log(`Wrote ${file}: ${count} resource(s) for the plugin to read by id.`);
  if (!options.forget) {
    log("Nothing else changed. Next: declare them with the plugin's types under the same names, then run");
    log(`this again with --forget, and: pulumi import --file ${options.importFile} --protect=false --yes`);
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), "resource-groups-move-"));
  try {
    const state = join(scratch, "state.json");
    writeFileSync(state, JSON.stringify({ ...exported, deployment: move.remaining }));
    pulumi(options, ["stack", "import", "--file", state]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  log(
    `Took ${count} resource(s) of the dynamic provider out of the state; nothing was deleted at any vendor.`,
  );
  log(
    `Next: pulumi import --file ${options.importFile} --protect=false --yes, then pulumi preview --expect-no-changes`,
  );
}

/** The command: runs `main`, and turns a refusal or failure into its message and exit code. */
export function run(argv: string[] = process.argv.slice(2)): void {
  try {
    main(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`resource-groups-move-to-plugin: ${message}\n`);
    process.exitCode = error instanceof MoveRefused ? 2 : 1;
  }
}

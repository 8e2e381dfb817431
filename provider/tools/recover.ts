#!/usr/bin/env node
/**
 * `resource-groups-recover [--cwd <project dir>] [--stack <name>] [--dry-run]`: after an interrupted
 * `pulumi up`, brings every group whose create was in flight into the stack and clears the pending
 * records of this package's resources (see pendingCreates.ts), so that the next `pulumi up` converges
 * on the program without a duplicate and without an id looked up by hand. Pending operations of other
 * packages are kept exactly as they were (see writeState.ts for how, and when it refuses instead).
 *
 * It runs the `pulumi` CLI of the PATH in the project's folder, with the caller's environment, and reads
 * the provider settings from the stack's config (then the environment), as the provider does.
 */
import { parseArgs } from "node:util";
import { configure } from "../runtime";
import { fileBackendRoot, repairCutCheckpoint } from "./fileBackend";
import { settlePendingOperations, type Outcome } from "./pendingCreates";
import { backendUrl, pulumi, stackConfig, type Options } from "./pulumiCli";
import { describePlan, planWrite, writeState, type Exported } from "./writeState";

const USAGE =
  "usage: resource-groups-recover [--cwd <pulumi project dir>] [--stack <stack>] [--dry-run]\n" +
  "Run it after `pulumi cancel --yes` (which releases the interrupted run's lock), then run `pulumi up`.";

function describe(outcome: Outcome): string {
  const name = outcome.urn.slice(outcome.urn.lastIndexOf("::") + 2);
  switch (outcome.action) {
    case "adopted":
      return `  ${name}: found at the vendor, now in the stack as ${outcome.id}${outcome.note ? ` (${outcome.note})` : ""}`;
    case "dropped":
      return `  ${name}: pending record cleared (${outcome.reason})`;
    case "kept":
      return `  ${name}: left pending as it was (${outcome.reason})`;
  }
}

async function exportStack(options: Options, log: (line: string) => void): Promise<Exported> {
  let text: string;
  try {
    text = await pulumi(options, ["stack", "export"]);
  } catch (error) {
    if (!/failed to load checkpoint/.test((error as Error).message)) throw error;
    const root = fileBackendRoot(await backendUrl(options), options.cwd);
    const repaired = root === undefined ? [] : repairCutCheckpoint(root, options.cwd, options.stack);
    if (repaired.length === 0) throw error;
    log(`The stack's checkpoint was cut short by the interruption: ${repaired.join("; ")}.`);
    text = await pulumi(options, ["stack", "export"]);
  }
  return JSON.parse(text) as Exported;
}

export async function recover(
  options: Options,
  log: (line: string) => void = console.log,
): Promise<Outcome[]> {
  const exported = await exportStack(options, log);
  const pending = exported.deployment.pending_operations ?? [];
  if (pending.length === 0) {
    log("No pending operations: nothing to recover. Run `pulumi up`.");
    return [];
  }
  const config = await stackConfig(options);
  await configure({ config: { get: (key) => config.get(key) } });
  const { deployment, outcomes } = await settlePendingOperations(exported.deployment);
  for (const outcome of outcomes) log(describe(outcome));
  const kept = deployment.pending_operations ?? [];
  if (kept.length === pending.length) {
    log("Every pending operation is left as it was: the stack is unchanged.");
    return outcomes;
  }
  // Which backend it is matters only when something stays pending.
  const plan = planWrite(kept.length === 0 ? "" : await backendUrl(options), options.cwd, kept);
  if (options.dryRun) {
    log(`Dry run: the stack is unchanged. ${describePlan(plan)}`);
    return outcomes;
  }
  if (plan.via === "refuse") throw new Error(`nothing was changed: ${plan.reason}`);
  log(await writeState(options, plan, exported, deployment, log));
  const count = (action: Outcome["action"]) => outcomes.filter((o) => o.action === action).length;
  log(
    `Recovered: ${count("adopted")} group(s) brought into the stack, ${count("dropped")} pending ` +
      `record(s) cleared, ${kept.length} left pending as they were. Now run \`pulumi up\`.`,
  );
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

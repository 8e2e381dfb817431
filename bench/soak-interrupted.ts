/**
 * Soak of interrupted runs: `npm run soak:interrupted [-- --trials 10 --groups 50 --members 2 --vendors ces,...]`.
 *
 * For each vendor and trial: a fresh stack and an emptied emulator, a `pulumi up` of `groups` groups
 * with `members` members each killed with SIGKILL (the CLI and all its plugin processes) after a
 * random number of resources were created plus a random 0-500 ms, then the documented recovery
 * (`pulumi cancel --yes`, `resource-groups-recover`, `pulumi up`), then the invariants read from the
 * emulator: every declared group exists exactly once with exactly its members, nothing else is held,
 * the state names each group by the vendor's id, nothing is pending. Needs `npm run build` first (the
 * programs load the package from dist/). Prints one line per trial and a Markdown table.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startTestEmulator } from "../test/support/emulator";
import {
  CASES,
  VENDORS,
  interruptedUp,
  invariantProblems,
  recover,
  resetEmulator,
  type Vendor,
} from "../test/e2e/support/interrupted";
import { PulumiProject } from "../test/e2e/support/project";
import { REPO } from "../test/e2e/support/pulumiEnv";

interface Trial {
  vendor: Vendor;
  killedAfter: number;
  finishedBeforeKill: boolean;
  adopted: number;
  cleared: number;
  repairedCheckpoint: boolean;
  recoverSeconds: number;
  problems: string[];
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

async function trial(
  env: Awaited<ReturnType<typeof startTestEmulator>>,
  vendor: Vendor,
  groups: number,
  members: number,
): Promise<Trial> {
  await resetEmulator(env);
  const project = await PulumiProject.create(
    `soak-${vendor}`,
    CASES[vendor].program(groups, members),
    env.emulator,
  );
  // The project's own link to this package: an `npm install` in the repository meanwhile (which
  // re-creates the repository's workspace links) must not fail a trial.
  project.usePackage(join(REPO, "provider"));
  try {
    const total = groups * (members + 1);
    const killAfter = Math.floor(Math.random() * total * 0.9);
    const killed = await interruptedUp(project, killAfter, Math.floor(Math.random() * 500));
    const started = Date.now();
    let problems: string[];
    let output = "";
    try {
      const { recoverOutput } = await recover(project);
      output = recoverOutput;
      problems = await invariantProblems(vendor, env, project, groups, members);
    } catch (error) {
      problems = [(error as Error).message.slice(0, 2000)];
    }
    return {
      vendor,
      killedAfter: killed.createdBeforeKill,
      finishedBeforeKill: !killed.killed,
      adopted: count(output, /found at the vendor/g),
      cleared: count(output, /pending record cleared/g),
      repairedCheckpoint: /checkpoint was cut short/.test(output),
      recoverSeconds: (Date.now() - started) / 1000,
      problems,
    };
  } finally {
    // No destroy: the next trial empties the emulator, and this stack goes with its folder.
    rmSync(project.dir, { recursive: true, force: true });
  }
}

function summary(trials: Trial[], groups: number, members: number): string {
  const rows = VENDORS.map((vendor) => {
    const mine = trials.filter((t) => t.vendor === vendor);
    if (mine.length === 0) return undefined;
    const ok = mine.filter((t) => t.problems.length === 0).length;
    const sum = (f: (t: Trial) => number) => mine.reduce((a, t) => a + f(t), 0);
    const seconds = mine.map((t) => t.recoverSeconds).sort((a, b) => a - b);
    const median = seconds[Math.floor(seconds.length / 2)] ?? 0;
    const kills = mine.map((t) => t.killedAfter).sort((a, b) => a - b);
    return (
      `| ${vendor} | ${mine.length} | ${ok} | ${kills[0]}-${kills[kills.length - 1]} | ${sum((t) => t.adopted)} | ` +
      `${sum((t) => t.cleared)} | ${sum((t) => (t.repairedCheckpoint ? 1 : 0))} | ${median.toFixed(1)} |`
    );
  }).filter((row) => row !== undefined);
  return [
    `${groups} groups x ${members} members (${groups * (members + 1)} resources) per trial:`,
    "",
    "| vendor | trials | converged | resources created before the kill | pending groups found and adopted | pending records cleared | checkpoints cut short, restored | median recovery s |",
    "| ------ | -----: | --------: | --------------------------------: | -------------------------------: | ----------------------: | ------------------------------: | ----------------: |",
    ...rows,
  ].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      trials: { type: "string", default: "10" },
      groups: { type: "string", default: "50" },
      members: { type: "string", default: "2" },
      vendors: { type: "string", default: VENDORS.join(",") },
    },
  });
  const trials = Number(values.trials);
  const groups = Number(values.groups);
  const members = Number(values.members);
  const vendors = values.vendors.split(",") as Vendor[];
  for (const vendor of vendors) {
    if (!VENDORS.includes(vendor))
      throw new Error(`--vendors: unknown vendor '${vendor}' (known: ${VENDORS.join(", ")})`);
  }
  const env = await startTestEmulator();
  const results: Trial[] = [];
  try {
    for (const vendor of vendors) {
      for (let i = 1; i <= trials; i++) {
        const result = await trial(env, vendor, groups, members);
        results.push(result);
        const verdict = result.problems.length === 0 ? "converged" : `FAILED: ${result.problems.join("; ")}`;
        console.log(
          `${vendor} #${i}: killed after ${result.killedAfter} created${result.finishedBeforeKill ? " (up had finished)" : ""}; ` +
            `${result.adopted} group(s) adopted, ${result.cleared} record(s) cleared` +
            `${result.repairedCheckpoint ? ", checkpoint restored" : ""}; recovery ${result.recoverSeconds.toFixed(1)} s; ${verdict}`,
        );
      }
    }
  } finally {
    await env.stop();
  }
  console.log(`\n${summary(results, groups, members)}`);
  if (results.some((t) => t.problems.length > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

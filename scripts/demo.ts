/**
 * The main job: start the emulator on the embedded SQLite file, `pulumi up` the quickstart program
 * against it, and print what the emulator now holds. Running it again changes nothing.
 *
 *   npm run demo                 deploy (or confirm nothing changed)
 *   npm run demo -- --destroy    pulumi destroy, remove the stack, stop
 */
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DEV_TOKEN, startEmulator, type RunningEmulator } from "../emulator";
import { printCes } from "./demo/ces";
import { printCloudflare } from "./demo/cloudflare";
import { printStrongly } from "./demo/strongly";
import { printZopNight } from "./demo/zopnight";
import { REPO, pulumiEnv } from "./lib/pulumiEnv";

const STACK = "demo";
const DB = join(REPO, ".data", "emulator.sqlite");

function step(n: number, total: number, text: string): void {
  process.stdout.write(`\n[${n}/${total}] ${text}\n`);
}

function pulumi(env: NodeJS.ProcessEnv, args: string[], quiet = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", [...args, "--non-interactive"], {
      cwd: REPO,
      env,
      stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function must(env: NodeJS.ProcessEnv, args: string[], quiet = false): Promise<void> {
  const code = await pulumi(env, args, quiet);
  if (code !== 0) throw new Error(`pulumi ${args.join(" ")} failed with exit code ${code}`);
}

async function printSummary(emulator: RunningEmulator): Promise<void> {
  await printCes(emulator);
  await printCloudflare(emulator);
  await printStrongly(emulator);
  await printZopNight(emulator);
}

async function main(): Promise<void> {
  const destroy = process.argv.includes("--destroy");
  const total = 4;
  step(1, total, "Finding the Pulumi CLI (the first run builds it with Go: several minutes)");
  const base = pulumiEnv();

  step(2, total, `Starting the emulator on ${DB}`);
  mkdirSync(join(REPO, ".data"), { recursive: true });
  const emulator = await startEmulator({ port: 0, db: DB, token: DEV_TOKEN });
  process.stdout.write(`emulator listening on ${emulator.url}\n`);
  // Endpoints change with every run (a free port), so they come from the environment; the tokens
  // are set in the stack config as secrets, as users do.
  const env = {
    ...base,
    RESOURCEGROUPS_ENDPOINT: emulator.url,
    RESOURCEGROUPS_CLOUDFLARE_ENDPOINT: `${emulator.url}/client/v4`,
    RESOURCEGROUPS_STRONGLY_ENDPOINT: emulator.url,
    RESOURCEGROUPS_ZOPNIGHT_ENDPOINT: `${emulator.url}/api`,
  };
  try {
    await must(env, ["stack", "select", "--create", STACK], true);
    await must(
      env,
      [
        "config",
        "set-all",
        "--secret",
        `resourcegroups:token=${emulator.tokens.ces}`,
        "--secret",
        `resourcegroups:cloudflareApiToken=${emulator.tokens.cloudflare}`,
        "--secret",
        `resourcegroups:stronglyApiKey=${emulator.tokens.strongly}`,
        "--secret",
        `resourcegroups:zopnightToken=${emulator.tokens.zopnight}`,
      ],
      true,
    );
    if (destroy) {
      step(3, total, "pulumi destroy");
      await must(env, ["destroy", "--yes", "--skip-preview"]);
      await must(env, ["stack", "rm", "--yes"], true);
    } else {
      step(3, total, "pulumi up (examples/quickstart), with the policy pack");
      await must(env, ["up", "--yes", "--policy-pack", join(REPO, "policy")]);
    }
    step(4, total, "What the emulator holds now");
    await printSummary(emulator);
    if (!destroy)
      process.stdout.write(
        "\nRun `npm run demo` again: nothing changes. Tear down: npm run demo -- --destroy\n",
      );
  } finally {
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

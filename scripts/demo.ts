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
import { REPO, pulumiEnv } from "./lib/pulumiEnv";

const STACK = "demo";
const PROJECT = "demo-project";
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

interface WireGroup {
  group_id: string;
  group_name: string;
  type: string;
  tags: { key: string; value: string }[];
  association_ep_ids: string[];
}

async function get<T>(emulator: RunningEmulator, path: string): Promise<T> {
  const response = await fetch(`${emulator.url}/v2/${PROJECT}/resource-groups${path}`, {
    headers: { "X-Auth-Token": emulator.token },
  });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Counts a Manual group's members in the namespaces the quickstart uses. */
async function memberCount(emulator: RunningEmulator, groupId: string): Promise<string> {
  const parts: string[] = [];
  for (const service of ["SYS.ECS", "SYS.RDS"]) {
    const { count } = await get<{ count: number }>(emulator, `/${groupId}/services/${service}/resources`);
    if (count > 0) parts.push(`${count} in ${service}`);
  }
  return parts.length > 0 ? parts.join(", ") : "none";
}

async function printSummary(emulator: RunningEmulator): Promise<void> {
  const list = await get<{ count: number; resource_groups: { group_id: string }[] }>(emulator, "");
  process.stdout.write(`The emulator holds ${list.count} resource group(s) in project ${PROJECT}:\n`);
  for (const { group_id } of list.resource_groups) {
    const group = await get<WireGroup>(emulator, `/${group_id}`);
    let detail = "";
    if (group.type === "Manual") detail = `members: ${await memberCount(emulator, group.group_id)}`;
    if (group.type === "TAG") detail = `tags: ${group.tags.map((t) => `${t.key}=${t.value}`).join(", ")}`;
    if (group.type === "EPS") detail = `enterprise projects: ${group.association_ep_ids.join(", ")}`;
    process.stdout.write(
      `  ${group.group_name.padEnd(18)} ${group.type.padEnd(6)} ${group.group_id}  ${detail}\n`,
    );
  }
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
  // The endpoint changes with every run (a free port), so it comes from the environment; the token
  // is set in the stack config as a secret, as users do.
  const env = { ...base, RESOURCEGROUPS_ENDPOINT: emulator.url };
  try {
    await must(env, ["stack", "select", "--create", STACK], true);
    await must(env, ["config", "set", "--secret", "resourcegroups:token", emulator.token], true);
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

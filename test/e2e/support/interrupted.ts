/**
 * Interrupted runs, for the end-to-end test and the soak script: a `pulumi up` killed with SIGKILL
 * (the CLI and every plugin process it started), the documented recovery, and the invariants that
 * must hold afterwards, read from the emulator as an outside observer would.
 */
import { execFile, execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { CLOUDFLARE_ACCOUNT, type CloudflareWireGroup } from "../../support/emulator";
import { StronglyClient } from "../../support/strongly";
import { ZopNightClient } from "../../support/zopnight";
import { listGroups, listMembers, type TestEmulator } from "./emulator";
import { TYPES, type CommandResult, type PulumiProject } from "./project";
import { REPO } from "./pulumiEnv";

export const VENDORS = ["ces", "cloudflare", "strongly", "zopnight"] as const;
export type Vendor = (typeof VENDORS)[number];

/** What the emulator holds: for each group name, how many groups have it and their members' identities. */
export type Observed = Map<string, { ids: string[]; members: string[] }>;

interface VendorCase {
  groupType: string;
  /** A program of `groups` groups with `members` members each. */
  program(groups: number, members: number): string;
  /** The member identities group `g` should hold, as observe() spells them. */
  expectedMembers(g: number, members: number): string[];
  observe(env: TestEmulator): Promise<Observed>;
}

const groupName = (vendor: Vendor, g: number) => `soak-${vendor}-${g}`;
const zone = (g: number, m: number) => (g * 100 + m).toString(16).padStart(32, "0");
const ZONE_PREFIX = "com.cloudflare.api.account.zone.";
/** ZopNight members must name resources of its inventory; the emulator starts with these. */
const ZOPNIGHT_RESOURCES = ["res_001", "res_002", "res_003", "res_004", "res_005", "res_006"];

function add(observed: Observed, name: string, id: string, members: string[]): void {
  const seen = observed.get(name);
  observed.set(name, {
    ids: [...(seen?.ids ?? []), id],
    members: [...(seen?.members ?? []), ...members].sort(),
  });
}

const loop = (groups: number, members: number, group: string, member: string) => `
for (let g = 0; g < ${groups}; g++) {
  const group = ${group};
  for (let m = 0; m < ${members}; m++) {
    ${member};
  }
}
`;

export const CASES: Record<Vendor, VendorCase> = {
  ces: {
    groupType: TYPES.group,
    program: (groups, members) =>
      `import { ces } from "pulumi-resource-groups";\n` +
      loop(
        groups,
        members,
        `new ces.ResourceGroup("group-" + g, { name: "soak-ces-" + g })`,
        `new ces.GroupMember("member-" + g + "-" + m, { groupId: group.groupId, namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-" + g + "-" + m }] })`,
      ),
    expectedMembers: (g, members) => Array.from({ length: members }, (_, m) => `i-${g}-${m}`).sort(),
    async observe(env) {
      const observed: Observed = new Map();
      for (const group of (await listGroups(env)).groups) {
        const { members } = await listMembers(env, group.group_id);
        const ids = members.flatMap((m) => m.dimensions.map((d) => d.value));
        add(observed, group.group_name, group.group_id, ids);
      }
      return observed;
    },
  },
  cloudflare: {
    groupType: TYPES.cloudflareGroup,
    program: (groups, members) =>
      `import { cloudflare } from "pulumi-resource-groups";\n` +
      `const zone = (g: number, m: number) => (g * 100 + m).toString(16).padStart(32, "0");\n` +
      loop(
        groups,
        members,
        `new cloudflare.ResourceGroup("group-" + g, { name: "soak-cloudflare-" + g, zones: [zone(g, 99)] })`,
        `new cloudflare.GroupMember("member-" + g + "-" + m, { groupId: group.groupId, zoneId: zone(g, m) })`,
      ),
    expectedMembers: (g, members) =>
      [zone(g, 99), ...Array.from({ length: members }, (_, m) => zone(g, m))].sort(),
    async observe(env) {
      const { body } = await env.cloudflareApi<CloudflareWireGroup[]>("GET", CLOUDFLARE_ACCOUNT);
      const observed: Observed = new Map();
      for (const group of body.result.filter((g) => g.meta.value !== "false")) {
        const zones = (group.scope[0]?.objects ?? []).map((o) => o.key.replace(ZONE_PREFIX, ""));
        add(observed, group.name, group.id, zones);
      }
      return observed;
    },
  },
  strongly: {
    groupType: TYPES.stronglyGroup,
    program: (groups, members) =>
      `import { strongly } from "pulumi-resource-groups";\n` +
      loop(
        groups,
        members,
        `new strongly.ResourceGroup("group-" + g, { name: "soak-strongly-" + g, description: "soak" })`,
        `new strongly.GroupMember("member-" + g + "-" + m, { groupId: group.groupId, type: "workflow", resourceId: "wf-" + g + "-" + m, name: "flow " + m })`,
      ),
    expectedMembers: (g, members) => Array.from({ length: members }, (_, m) => `wf-${g}-${m}`).sort(),
    async observe(env) {
      const client = new StronglyClient(env.emulator);
      const observed: Observed = new Map();
      for (const group of (await client.list("limit=100")).json.items) {
        const members = (await client.show(group._id)).json.resources.map((r) => r.resourceId);
        add(observed, group.name, group._id, members);
      }
      return observed;
    },
  },
  zopnight: {
    groupType: TYPES.zopnightGroup,
    program: (groups, members) =>
      `import { zopnight } from "pulumi-resource-groups";\n` +
      `const resources = ${JSON.stringify(ZOPNIGHT_RESOURCES)};\n` +
      loop(
        groups,
        members,
        `new zopnight.ResourceGroup("group-" + g, { name: "soak-zopnight-" + g })`,
        `new zopnight.GroupMember("member-" + g + "-" + m, { groupId: group.groupId, resource: resources[m] })`,
      ),
    expectedMembers: (_g, members) => ZOPNIGHT_RESOURCES.slice(0, members).sort(),
    async observe(env) {
      const client = new ZopNightClient(env.emulator);
      const observed: Observed = new Map();
      for (let page = 1; ; page++) {
        const { data, pagination } = (await client.list(`page=${page}&limit=100`)).json;
        for (const group of data) {
          const members = (await client.show(group.id)).json.data.members.map((m) => m.resourceID);
          add(observed, group.name, group.id, members);
        }
        if (page * 100 >= pagination.total) return observed;
      }
    },
  },
};

/** The whole recovery a user runs after an interrupted up, as the README gives it. */
export const RECOVERY_STEPS = ["pulumi cancel --yes", "resource-groups-recover", "pulumi up"] as const;

const RECOVER_CLI = join(REPO, "provider", "dist", "tools", "recover.js");

/** Every process of a session (the killed CLI started it, so its plugins share its session id). */
function sessionProcesses(sid: number): number[] {
  const out = execFileSync("ps", ["-eo", "pid=,sid="], { encoding: "utf8" });
  return out
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([pid, s]) => s === sid && pid !== undefined && pid > 0)
    .map(([pid]) => pid as number);
}

export interface Interrupted {
  /** Resources the CLI reported created before the kill. */
  createdBeforeKill: number;
  /** Whether the kill came before the up finished by itself. */
  killed: boolean;
  output: string;
}

/** When to kill a running `pulumi up`: the first of these to hold. */
export interface KillWhen {
  /** Checked on the CLI's output so far, each time more arrives. */
  output?: (output: string) => boolean;
  /** Checked every 50 ms, for what only others see (what the emulator holds, say). */
  poll?: () => Promise<boolean>;
  /** Waited between the condition holding and the kill. */
  jitterMs?: number;
}

/** Resources reported created so far in an up's output. */
export const createdSoFar = (output: string) => (output.match(/ created \(/g) ?? []).length;

/**
 * Runs `pulumi up` and kills it with SIGKILL (the CLI, its language host, the program and the
 * dynamic-provider plugin) once `when` holds, plus its jitter; if the up finishes first, nothing is
 * killed.
 */
export function killedUp(project: PulumiProject, when: KillWhen): Promise<Interrupted> {
  return new Promise((resolve, reject) => {
    // Its own session, so every plugin it starts can be found and killed with it.
    const child = spawn("pulumi", ["up", "--yes", "--skip-preview", "--non-interactive"], {
      cwd: project.dir,
      env: project.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let armed = false;
    let killed = false;
    let running = true;
    const kill = () => {
      const sid = child.pid;
      if (sid === undefined) return;
      for (const pid of sessionProcesses(sid)) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    };
    const arm = () => {
      if (armed || !running) return;
      armed = true;
      setTimeout(() => {
        if (!running) return;
        killed = true;
        kill();
      }, when.jitterMs ?? 0);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (when.output?.(output)) arm();
    };
    const poll = when.poll;
    const polling = poll
      ? setInterval(() => {
          poll().then(
            (yes) => yes && arm(),
            () => undefined,
          );
        }, 50)
      : undefined;
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("close", () => {
      running = false;
      if (polling) clearInterval(polling);
      // The CLI is gone; plugins it left (when it finished by itself there are none) go too.
      kill();
      resolve({ createdBeforeKill: createdSoFar(output), killed, output });
    });
  });
}

/**
 * Runs `pulumi up` and kills it once `killAfter` resources were reported created, plus `jitterMs`; if
 * the up finishes first, nothing is killed.
 */
export function interruptedUp(
  project: PulumiProject,
  killAfter: number,
  jitterMs: number,
): Promise<Interrupted> {
  return killedUp(project, { output: (output) => createdSoFar(output) >= killAfter, jitterMs });
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ args, code, stdout, stderr, output: stdout + stderr, durationMs: Date.now() - started });
    });
  });
}

/** How to run the recovery tool: the repository's build by default. */
export type RecoverCommand = { command: string; args: string[] };
const REPOSITORY_TOOL: RecoverCommand = { command: process.execPath, args: [RECOVER_CLI] };

/** Runs `resource-groups-recover` in the project (after `pulumi cancel --yes`); fails when it fails. */
export async function runRecoverTool(
  project: PulumiProject,
  tool: RecoverCommand = REPOSITORY_TOOL,
  extraArgs: string[] = [],
): Promise<string> {
  // With nothing locked (the up finished before the kill) cancel fails, which is fine.
  await project.run(["cancel", "--yes"]);
  const args = [...tool.args, "--cwd", project.dir, ...extraArgs];
  const result = await run(tool.command, args, project.dir, project.env);
  if (result.code !== 0) throw new Error(`resource-groups-recover exited ${result.code}:\n${result.output}`);
  return result.output;
}

/** Runs the documented recovery; fails with the output of the first step that fails. */
export async function recover(
  project: PulumiProject,
  tool: RecoverCommand = REPOSITORY_TOOL,
): Promise<{ recoverOutput: string; up: CommandResult }> {
  const recoverOutput = await runRecoverTool(project, tool);
  const up = await project.up();
  return { recoverOutput, up };
}

export interface PendingOperation {
  type: string;
  resource: { urn: string; type: string; [field: string]: unknown };
}

/** The pending operations of a `pulumi stack export`. */
export function pendingIn(exportText: string): PendingOperation[] {
  const exported = JSON.parse(exportText) as { deployment: { pending_operations?: PendingOperation[] } };
  return exported.deployment.pending_operations ?? [];
}

/**
 * What is wrong after recovery, as sentences; empty when every declared group exists exactly once
 * with exactly its members, nothing else is held, the state names each group by the id the vendor
 * has, and no operation is pending.
 */
export async function invariantProblems(
  vendor: Vendor,
  env: TestEmulator,
  project: PulumiProject,
  groups: number,
  members: number,
): Promise<string[]> {
  const spec = CASES[vendor];
  const problems: string[] = [];
  const observed = await spec.observe(env);
  const declared = new Set(Array.from({ length: groups }, (_, g) => groupName(vendor, g)));
  for (let g = 0; g < groups; g++) {
    const name = groupName(vendor, g);
    const seen = observed.get(name);
    if (!seen) problems.push(`group ${name} is missing`);
    else if (seen.ids.length !== 1) problems.push(`group ${name} exists ${seen.ids.length} times`);
    else {
      const want = spec.expectedMembers(g, members).join(",");
      if (seen.members.join(",") !== want)
        problems.push(`group ${name} holds [${seen.members.join(",")}], not [${want}]`);
    }
  }
  for (const name of observed.keys()) {
    if (!declared.has(name)) problems.push(`group ${name} is held but not declared`);
  }
  const exported = await project.exportState();
  const pending = pendingIn(exported.text);
  if (pending.length > 0) problems.push(`${pending.length} operation(s) still pending`);
  const inState = exported.resources.filter((r) => r.type === spec.groupType);
  if (inState.length !== groups) problems.push(`the state holds ${inState.length} group(s), not ${groups}`);
  for (const resource of inState) {
    const name = String(resource.outputs?.name);
    if (observed.get(name)?.ids[0] !== resource.id) {
      problems.push(`the state's group ${name} (${resource.id}) is not the one the vendor holds`);
    }
  }
  const memberCount = exported.resources.filter(
    (r) => r.type === spec.groupType.replace("ResourceGroup", "GroupMember"),
  ).length;
  if (memberCount !== groups * members) {
    problems.push(`the state holds ${memberCount} member(s), not the ${groups * members} declared`);
  }
  return problems;
}

/** Empties every dialect, between trials. */
export async function resetEmulator(env: TestEmulator): Promise<void> {
  const reset = await env.call("POST", "/_emulator/reset");
  if (reset.status >= 300) throw new Error(`emulator reset answered ${reset.status}`);
}

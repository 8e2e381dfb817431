/**
 * The recovery after a killed `pulumi up`, as a user runs it: in a project outside the repository where
 * npm installed the packed tarballs (support/packedInstall.ts, one install shared with
 * packedInstall.test.ts), `pulumi cancel --yes`, then `npx resource-groups-recover`, then `pulumi up`.
 * Every API request waits LATENCY_MS at the emulator, so the kill (SIGKILL of the CLI and its plugins)
 * lands while creates are in flight, and the state after it is checked to hold pending operations.
 *
 * - GroupMembers and their groups at all four vendors, killed while every membership and a second
 *   group at each vendor were being created: afterwards every declared group and member exists exactly
 *   once at the vendor, the state holds each group under the vendor's id, nothing is pending, and a
 *   preview shows no change.
 * - Another package's resource whose create was in flight, beside groups whose creates reached the
 *   vendor: the tool brings the groups into the state and keeps the other package's pending operation
 *   byte for byte, in the CLI's export and in the checkpoint file.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { startE2eEmulator, type TestEmulator } from "./support/emulator";
import {
  CASES,
  killedUp,
  pendingIn,
  resetEmulator,
  runRecoverTool,
  type Observed,
  type PendingOperation,
  type RecoverCommand,
  type Vendor,
} from "./support/interrupted";
import { packedInstall, type PackedInstall } from "./support/packedInstall";
import { PulumiProject, STACK } from "./support/project";

const HOOK_TIMEOUT = 20 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;
/** Long enough that a create in flight is still in flight when the kill lands. */
const LATENCY_MS = 1500;
/** The tool as the README has users run it (`npx resource-groups-recover`); `--no`: never fetched. */
const NPX_TOOL: RecoverCommand = { command: "npx", args: ["--no", "--", "resource-groups-recover"] };
const TYPE = "pulumi-nodejs:dynamic/resourcegroups";

const zone = (i: number) => i.toString(16).padStart(32, "0");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let installed: PackedInstall;
let env: TestEmulator;

beforeAll(async () => {
  installed = packedInstall();
  env = await startE2eEmulator();
}, HOOK_TIMEOUT);
afterAll(async () => {
  await env?.stop();
}, HOOK_TIMEOUT);

/** A project beneath the installed packages, so its program and `npx` find only what npm installed. */
async function installedProject(name: string, program: string): Promise<PulumiProject> {
  await resetEmulator(env);
  env.emulator.setFaults({});
  return PulumiProject.create(name, program, env.emulator, {}, { parentDir: installed.app });
}

/** After a kill, requests it cut off are dropped by the emulator once their wait ends; then no more waits. */
async function settleEmulator(): Promise<void> {
  await sleep(LATENCY_MS + 500);
  env.emulator.setFaults({});
}

/** What each vendor holds, by group name: the vendor's ids for that name, and the group's members. */
async function heldAt(
  vendors: readonly Vendor[],
): Promise<Record<string, { ids: number; members: string[] }>> {
  const held: Record<string, { ids: number; members: string[] }> = {};
  for (const vendor of vendors) {
    const observed: Observed = await CASES[vendor].observe(env);
    for (const [name, { ids, members }] of observed) held[name] = { ids: ids.length, members };
  }
  return held;
}

/** Whether the CLI reported each of `names` as being created. */
const creating = (output: string, names: readonly string[]) =>
  names.every((name) => new RegExp(` ${name} creating`).test(output));

describe("GroupMembers at all four vendors, killed while being created", () => {
  const MEMBERSHIPS = [
    "ces-fleet-members",
    "cloudflare-edge-members",
    "strongly-costs-members",
    "zopnight-orders-members",
  ];
  const instances = ["i-1", "i-2", "i-3"];
  const workflows = ["wf-1", "wf-2", "wf-3"];
  const inventory = ["res_001", "res_002", "res_003"];
  const PROGRAM = `import { ces, cloudflare, strongly, zopnight } from "pulumi-resource-groups";

const fleet = new ces.ResourceGroup("ces-fleet", { name: "recover-ces-fleet" });
const edge = new cloudflare.ResourceGroup("cloudflare-edge", { name: "recover-cloudflare-edge", zones: ["${zone(1)}"] });
const costs = new strongly.ResourceGroup("strongly-costs", { name: "recover-strongly-costs", description: "recover" });
const orders = new zopnight.ResourceGroup("zopnight-orders", { name: "recover-zopnight-orders" });

// Every membership and a second group per vendor wait for all four groups, so they start together.
const together = { dependsOn: [fleet, edge, costs, orders] };
new ces.GroupMembers("ces-fleet-members", {
  groupId: fleet.groupId,
  members: ${JSON.stringify(instances)}.map((value) => ({ namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value }] })),
}, together);
new cloudflare.GroupMembers("cloudflare-edge-members", {
  groupId: edge.groupId,
  zoneIds: ${JSON.stringify([zone(1), zone(2), zone(3)])},
}, together);
new strongly.GroupMembers("strongly-costs-members", {
  groupId: costs.groupId,
  members: ${JSON.stringify(workflows)}.map((resourceId) => ({ type: "workflow", resourceId, name: resourceId })),
}, together);
new zopnight.GroupMembers("zopnight-orders-members", {
  groupId: orders.groupId,
  members: ${JSON.stringify(inventory)}.map((resource) => ({ resource })),
}, together);
new ces.ResourceGroup("ces-late", { name: "recover-ces-late" }, together);
new cloudflare.ResourceGroup("cloudflare-late", { name: "recover-cloudflare-late", zones: ["${zone(9)}"] }, together);
new strongly.ResourceGroup("strongly-late", { name: "recover-strongly-late", description: "late" }, together);
new zopnight.ResourceGroup("zopnight-late", { name: "recover-zopnight-late" }, together);
`;

  it(
    "converges after cancel, resource-groups-recover and up: every group and member once, nothing pending",
    async () => {
      const project = await installedProject("recover-members", PROGRAM);
      try {
        env.emulator.setFaults({ latencyMs: LATENCY_MS });
        // The CLI shows a create starting just before it records it as pending: the kill waits for the
        // records, and comes well before the first request of any membership could have been answered.
        const killed = await killedUp(project, {
          output: (output) => creating(output, MEMBERSHIPS),
          jitterMs: LATENCY_MS / 2,
        });
        expect(killed.killed).toBe(true);
        await settleEmulator();

        // Something to recover: every membership's create was cut off.
        const pending = pendingIn((await project.exportState()).text);
        const pendingCreates = pending.filter((op) => op.type === "creating").map((op) => op.resource.urn);
        for (const name of MEMBERSHIPS)
          expect(pendingCreates).toContainEqual(expect.stringMatching(`::${name}$`));

        const output = await runRecoverTool(project, NPX_TOOL);
        for (const name of MEMBERSHIPS) expect(output).toContain(`  ${name}: pending record cleared`);
        expect(output).toContain("Wrote the stack with `pulumi stack import`.");

        const up = await project.up();
        expect(up.output).not.toMatch(/already exists/);
        expect(await heldAt(["ces", "cloudflare", "strongly", "zopnight"])).toEqual({
          "recover-ces-fleet": { ids: 1, members: instances },
          "recover-ces-late": { ids: 1, members: [] },
          "recover-cloudflare-edge": { ids: 1, members: [zone(1), zone(2), zone(3)] },
          "recover-cloudflare-late": { ids: 1, members: [zone(9)] },
          "recover-strongly-costs": { ids: 1, members: workflows },
          "recover-strongly-late": { ids: 1, members: [] },
          "recover-zopnight-orders": { ids: 1, members: inventory },
          "recover-zopnight-late": { ids: 1, members: [] },
        });
        const after = await project.exportState();
        expect(pendingIn(after.text)).toEqual([]);
        // The state names each group by the id its vendor holds under that name.
        for (const vendor of ["ces", "cloudflare", "strongly", "zopnight"] as const) {
          const observed = await CASES[vendor].observe(env);
          const groups = after.resources.filter((r) => r.type === CASES[vendor].groupType);
          expect(groups).toHaveLength(2);
          for (const group of groups)
            expect(observed.get(String(group.outputs?.name))?.ids).toEqual([group.id]);
        }
        await project.ok(["preview", "--expect-no-changes"]);
      } finally {
        // No destroy: the next test empties the emulator, and the stack goes with its folder.
        rmSync(project.dir, { recursive: true, force: true });
      }
    },
    TEST_TIMEOUT,
  );
});

describe("another package's create in flight beside ours", () => {
  // Vendors whose create reads the group back after its POST, so a create is still in flight once its
  // group exists (a ZopNight create answers with all it needs and ends with its POST).
  const FOUND = ["ces-found", "strongly-found"];
  const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { ces, strongly } from "pulumi-resource-groups";

// Another package's resource, whose create is still running when the up is killed.
const slow: pulumi.dynamic.ResourceProvider = {
  async create() {
    await new Promise((resolve) => setTimeout(resolve, 10 * 60 * 1000));
    return { id: "never", outs: {} };
  },
};
new pulumi.dynamic.Resource(slow, "other-package", { note: "not ours" }, {}, "otherpackage", "Thing");

new ces.ResourceGroup("ces-found", { name: "recover-ces-found" });
new strongly.ResourceGroup("strongly-found", { name: "recover-strongly-found", description: "found" });
`;

  /** Whether the emulator holds every group of `names` (its admin routes never wait). */
  async function madeAtVendor(names: readonly string[]): Promise<boolean> {
    const response = await fetch(`${env.emulator.url}/_emulator/overview`);
    const overview = (await response.json()) as { vendors: { groups: { name: string }[] }[] };
    const held = new Set(overview.vendors.flatMap((v) => v.groups.map((g) => g.name)));
    return names.every((name) => held.has(name));
  }

  it(
    "settles ours and keeps the other package's pending operation exactly as it was",
    async () => {
      const project = await installedProject("recover-foreign", PROGRAM);
      try {
        env.emulator.setFaults({ latencyMs: LATENCY_MS });
        // Killed once the groups exist at their vendors, while the provider still reads each one back.
        const killed = await killedUp(project, {
          poll: () => madeAtVendor(FOUND.map((name) => `recover-${name}`)),
        });
        expect(killed.killed).toBe(true);
        await settleEmulator();

        const before = pendingIn((await project.exportState()).text);
        const foreign = before.find((op) => op.resource.type === "pulumi-nodejs:dynamic/otherpackage:Thing");
        if (!foreign) throw new Error(`the other package's create is not pending: ${JSON.stringify(before)}`);
        expect(before.map((op) => op.resource.urn.split("::").pop()).sort()).toEqual(
          ["other-package", ...FOUND].sort(),
        );
        const checkpoint = join(project.dir, ".state", ".pulumi", "stacks", project.name, `${STACK}.json`);
        expect(readFileSync(checkpoint, "utf8")).toContain(JSON.stringify(foreign));

        // A dry run says what it would do and changes nothing.
        const stateBefore = (await project.exportState()).text;
        const dryRun = await runRecoverTool(project, NPX_TOOL, ["--dry-run"]);
        expect(dryRun).toContain(
          "Dry run: the stack is unchanged. A real run writes the stack's checkpoint file itself",
        );
        expect((await project.exportState()).text).toBe(stateBefore);

        const output = await runRecoverTool(project, NPX_TOOL);
        for (const name of FOUND)
          expect(output).toMatch(new RegExp(`  ${name}: found at the vendor, now in the stack as \\S+`));
        expect(output).toContain("  other-package: left pending as it was (not a resource of this package)");
        expect(output).toMatch(/Wrote the stack's checkpoint .* itself/);

        const after = await project.exportState();
        const kept: PendingOperation[] = pendingIn(after.text);
        expect(kept.map((op) => JSON.stringify(op))).toEqual([JSON.stringify(foreign)]);
        expect(readFileSync(checkpoint, "utf8")).toContain(JSON.stringify(foreign));
        // The groups are in the state under the ids their vendors hold.
        const held = await Promise.all(
          (["ces", "strongly"] as const).map(
            async (vendor) => [vendor, await CASES[vendor].observe(env)] as const,
          ),
        );
        for (const [vendor, observed] of held) {
          const [group] = after.resources.filter((r) => r.type === CASES[vendor].groupType);
          expect(observed.get(String(group?.outputs?.name))?.ids).toEqual([group?.id]);
        }
        expect(after.resources.map((r) => r.type)).toEqual(
          expect.arrayContaining([`${TYPE}:ResourceGroup`, `${TYPE}/strongly:ResourceGroup`]),
        );

        // The CLI takes the checkpoint written: without the other package's resource, the program
        // matches the state, and an up keeps that pending create for its owner to settle.
        project.writeProgram(PROGRAM.replace(/^new pulumi\.dynamic\.Resource.*$/m, ""));
        await project.ok(["preview", "--expect-no-changes"]);
        const up = await project.up();
        expect(up.output).not.toMatch(/ created \(/);
        expect(pendingIn((await project.exportState()).text).map((op) => JSON.stringify(op))).toEqual([
          JSON.stringify(foreign),
        ]);
      } finally {
        // No destroy: the next test empties the emulator, and the stack goes with its folder.
        rmSync(project.dir, { recursive: true, force: true });
      }
    },
    TEST_TIMEOUT,
  );
});

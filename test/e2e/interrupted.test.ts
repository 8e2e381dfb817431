/**
 * A `pulumi up` killed with SIGKILL (the CLI and all its plugin processes) half-way, at every vendor:
 * after the documented recovery (`pulumi cancel --yes`, `resource-groups-recover`, `pulumi up`) every
 * declared group and member exists exactly once, the emulator holds nothing else, and the state names
 * each group by the id the vendor holds. Two kills per vendor: one while groups are being created, one
 * while members are. `npm run soak:interrupted` runs the long version (bench/soak-interrupted.ts).
 * Then a replacement killed after its new group reached the vendor, of each kind Pulumi runs: delete
 * first (the state keeps the deleted group, marked pendingReplacement) and create first.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startE2eEmulator, type TestEmulator } from "./support/emulator";
import {
  CASES,
  VENDORS,
  interruptedUp,
  invariantProblems,
  killedUp,
  recover,
  resetEmulator,
} from "./support/interrupted";
import { PulumiProject } from "./support/project";

const GROUPS = 6;
const MEMBERS = 4;
const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 10 * 60 * 1000;

/** Kill points: resources reported created before the kill (then 0-150 ms more). */
const KILLS = [
  { when: "while groups are being created", after: 1 },
  { when: "while members are being created", after: GROUPS + 2 },
];

let env: TestEmulator;

beforeAll(async () => {
  env = await startE2eEmulator();
}, HOOK_TIMEOUT);
afterAll(async () => {
  await env?.stop();
}, HOOK_TIMEOUT);

describe.each(VENDORS)("%s: an up killed with SIGKILL, then the documented recovery", (vendor) => {
  it.each(KILLS)(
    "converges when killed $when",
    async ({ after }) => {
      await resetEmulator(env);
      const project = await PulumiProject.create(
        `interrupted-${vendor}`,
        CASES[vendor].program(GROUPS, MEMBERS),
        env.emulator,
      );
      try {
        const killed = await interruptedUp(project, after, Math.floor(Math.random() * 150));
        // The kill left the run unfinished: not every resource was created.
        expect(killed.createdBeforeKill).toBeLessThan(GROUPS * (MEMBERS + 1));
        const { up } = await recover(project);
        expect(up.output).not.toMatch(/already exists/);
        expect(await invariantProblems(vendor, env, project, GROUPS, MEMBERS)).toEqual([]);
        await project.ok(["preview", "--expect-no-changes"]);
      } finally {
        // No destroy: the next trial empties the emulator, and the stack goes with its folder.
        rmSync(project.dir, { recursive: true, force: true });
      }
    },
    TEST_TIMEOUT,
  );
});

describe("a checkpoint left unreadable by the kill", () => {
  it(
    "is repaired by the recovery, which also releases the dead run's lock",
    async () => {
      await resetEmulator(env);
      const project = await PulumiProject.create(
        "interrupted-file",
        CASES.strongly.program(GROUPS, MEMBERS),
        env.emulator,
      );
      try {
        await interruptedUp(project, 2, 0);
        // A file backend renames each checkpoint into place but writes its attributes file in place:
        // a kill in that write leaves it empty, as here, and every CLI command then fails.
        const attrs = join(project.dir, ".state", ".pulumi", "stacks", "interrupted-file", "e2e.json.attrs");
        writeFileSync(attrs, "");
        expect((await project.run(["stack", "export"])).output).toMatch(/failed to load checkpoint/);
        const { recoverOutput } = await recover(project);
        expect(recoverOutput).toMatch(/removed the empty attributes file/);
        expect(await invariantProblems("strongly", env, project, GROUPS, MEMBERS)).toEqual([]);
      } finally {
        rmSync(project.dir, { recursive: true, force: true });
      }
    },
    TEST_TIMEOUT,
  );
});

describe("a replacement killed once its new group exists at the vendor", () => {
  const LATENCY_MS = 1500;
  const zone = "1".padStart(32, "0");
  const OTHER_ACCOUNT = "fedcba9876543210fedcba9876543210";

  /** The ids of the groups of this name at any vendor, from the emulator's overview (never delayed). */
  async function idsNamed(name: string): Promise<string[]> {
    const response = await fetch(`${env.emulator.url}/_emulator/overview`);
    const overview = (await response.json()) as { vendors: { groups: { id: string; name: string }[] }[] };
    return overview.vendors.flatMap((v) => v.groups.filter((g) => g.name === name).map((g) => g.id));
  }

  it.each([
    {
      kind: "delete first (CES, a new type)",
      name: "replaced-ces",
      before: `new ces.ResourceGroup("g", { name: "replaced-ces", type: "Manual" })`,
      after: `new ces.ResourceGroup("g", { name: "replaced-ces", type: "TAG", tags: [{ key: "env", value: "x" }] })`,
      // The old group is deleted first: the new one's create is in flight once the name is back.
      madeWhen: (ids: string[], old: string) => ids.length === 1 && ids[0] !== old,
      note: /in place of \S+, deleted by the interrupted replacement/,
      dialect: "ces" as const,
      faults: { latencyMs: LATENCY_MS },
    },
    {
      kind: "create first (Cloudflare, another account)",
      name: "replaced-edge",
      before: `new cloudflare.ResourceGroup("g", { name: "replaced-edge", zones: ["${zone}"] })`,
      after: `new cloudflare.ResourceGroup("g", { name: "replaced-edge", accountId: "${OTHER_ACCOUNT}", zones: ["${zone}"] })`,
      madeWhen: (ids: string[]) => ids.length === 2,
      note: /replacing \S+, which the next up deletes/,
      dialect: "cloudflare" as const,
      // Its create reads nothing back: the answer is lost instead, and the look-up that follows waits.
      faults: { latencyMs: LATENCY_MS, dropNext: 1 },
    },
  ])(
    "$kind: the group made is brought in, the old one is gone after up",
    async ({ name, before, after, madeWhen, note, dialect, faults }) => {
      await resetEmulator(env);
      const program = (resource: string) =>
        `import { ces, cloudflare } from "pulumi-resource-groups";\n${resource};\n`;
      const project = await PulumiProject.create(`replaced-${dialect}`, program(before), env.emulator);
      try {
        await project.up();
        const [old = ""] = await idsNamed(name);
        project.writeProgram(program(after));
        env.emulator.dialect(dialect).setFaults(faults);
        const killed = await killedUp(project, { poll: async () => madeWhen(await idsNamed(name), old) });
        expect(killed.killed).toBe(true);
        // Requests the kill cut off are dropped by the emulator once their wait ends.
        await new Promise((resolve) => setTimeout(resolve, LATENCY_MS + 500));
        env.emulator.dialect(dialect).setFaults({});

        const { recoverOutput } = await recover(project);
        expect(recoverOutput).toMatch(/ {2}g: found at the vendor, now in the stack as \S+ \(/);
        expect(recoverOutput).toMatch(note);
        const ids = await idsNamed(name);
        expect(ids).toHaveLength(1);
        expect(ids[0]).not.toBe(old);
        expect((await project.resources()).filter((r) => r.urn.endsWith("::g")).map((r) => r.id)).toEqual(
          ids,
        );
        await project.ok(["preview", "--expect-no-changes"]);
      } finally {
        rmSync(project.dir, { recursive: true, force: true });
      }
    },
    TEST_TIMEOUT,
  );
});

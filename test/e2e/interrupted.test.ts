/**
 * A `pulumi up` killed with SIGKILL (the CLI and all its plugin processes) half-way, at every vendor:
 * after the documented recovery (`pulumi cancel --yes`, `resource-groups-recover`, `pulumi up`) every
 * declared group and member exists exactly once, the emulator holds nothing else, and the state names
 * each group by the id the vendor holds. Two kills per vendor: one while groups are being created, one
 * while members are. `npm run soak:interrupted` runs the long version (bench/soak-interrupted.ts).
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startE2eEmulator, type TestEmulator } from "./support/emulator";
import {
  CASES,
  VENDORS,
  interruptedUp,
  invariantProblems,
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

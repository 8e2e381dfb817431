/**
 * Users already have stacks: a stack deployed with the previous release's code must preview, refresh,
 * update and destroy with this code without a single change, and the CES classes must stay the same
 * resources whether imported from the top level or from the `ces` namespace.
 */
import { existsSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { listGroups, listMembers, startE2eEmulator, type TestEmulator } from "./support/emulator";
import { PREVIOUS_RELEASE, buildPreviousRelease } from "./support/previousRelease";
import { group, member, program, tagRule } from "./support/programs";
import { PulumiProject } from "./support/project";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;

const PROGRAM = program(
  group("manual", { name: "upgrade-manual" }),
  member("member-1", "manual", "i-upgrade-1"),
  member("member-2", "manual", "i-upgrade-2"),
  group("tagged", { name: "upgrade-tagged", type: "TAG", tags: [{ key: "env", value: "prod" }] }),
  tagRule("owner", "tagged", "owner", "platform"),
  group("eps", {
    name: "upgrade-eps",
    type: "EPS",
    associationEpIds: ["0d2a4a4e-7d3c-4c4b-9c2e-1a2b3c4d5e6f"],
  }),
);

/** The same program written against the `ces` namespace of this release. */
const NAMESPACED = PROGRAM.replace(
  /^import \{ GroupMember, ResourceGroup, TagRule \} from "pulumi-resource-groups";/m,
  'import { ces } from "pulumi-resource-groups";\nconst { GroupMember, ResourceGroup, TagRule } = ces;',
);

let env: TestEmulator;
let project: PulumiProject;
let release: string;

beforeAll(async () => {
  env = await startE2eEmulator();
  release = buildPreviousRelease();
  project = await PulumiProject.create("upgrade", PROGRAM, env.emulator);
  project.usePackage(release);
}, HOOK_TIMEOUT);
afterAll(async () => {
  project?.usePackage();
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe(`upgrading from ${PREVIOUS_RELEASE.version}`, () => {
  it(
    `deploys with the code of ${PREVIOUS_RELEASE.version}`,
    async () => {
      // The project runs the release's own build, which predates the vendor folders.
      expect(realpathSync(join(project.dir, "node_modules", "pulumi-resource-groups"))).toBe(release);
      expect(existsSync(join(release, "dist", "provider", "vendors"))).toBe(false);
      const up = await project.up();
      expect(up.output).toMatch(/7 created/);
      const { groups } = await listGroups(env);
      expect(groups.map((g) => g.group_name).sort()).toEqual([
        "upgrade-eps",
        "upgrade-manual",
        "upgrade-tagged",
      ]);
    },
    TEST_TIMEOUT,
  );

  it(
    "previews and refreshes with this code with no change, and writes nothing",
    async () => {
      project.usePackage();
      env.emulator.resetStats();
      const preview = await project.ok(["preview", "--expect-no-changes", "--diff"]);
      expect(preview.output).toMatch(/7 unchanged/);
      await project.ok(["refresh", "--yes", "--expect-no-changes"]);
      expect(env.emulator.stats().writes).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    "updates with no change, then treats the ces namespace as the same resources",
    async () => {
      const up = await project.up(["--expect-no-changes"]);
      expect(up.output).toMatch(/7 unchanged/);
      project.writeProgram(NAMESPACED);
      const preview = await project.ok(["preview", "--expect-no-changes"]);
      expect(preview.output).toMatch(/7 unchanged/);
      expect(env.emulator.stats().writes).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    "destroys with this code and leaves nothing behind",
    async () => {
      const manual = (await listGroups(env)).groups.find((g) => g.group_name === "upgrade-manual");
      expect(manual && (await listMembers(env, manual.group_id)).count).toBe(2);
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect((await listGroups(env)).count).toBe(0);
      expect(await project.resources()).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

/**
 * The basic lifecycle through the real CLI: preview writes nothing, up creates everything, a second
 * up changes nothing, destroy leaves the emulator empty. This file keeps Pulumi's TypeScript check
 * of the program on, so a user's typed program is shown to compile against the package.
 */
import {
  getGroup,
  listGroups,
  listMembers,
  startE2eEmulator,
  writeRoutes,
  type TestEmulator,
} from "./support/emulator";
import { displayLine, tagList } from "./support/expect";
import { group, member, program, tagRule } from "./support/programs";
import { PulumiProject, TYPES, named, ofType } from "./support/project";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;

const PROGRAM = program(
  group("tagged", { name: "e2e-tagged", type: "TAG", tags: [{ key: "env", value: "prod" }] }),
  tagRule("owner", "tagged", "owner", "platform"),
  group("manual", { name: "e2e-manual" }),
  member("member", "manual", "i-1"),
);

let env: TestEmulator;
let project: PulumiProject;

beforeAll(async () => {
  env = await startE2eEmulator();
  project = await PulumiProject.create("lifecycle", PROGRAM, env.emulator, {}, { typeCheck: true });
}, HOOK_TIMEOUT);
afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe("pulumi lifecycle against the emulator", () => {
  it(
    "preview shows the plan and makes no write call",
    async () => {
      env.emulator.resetStats();
      const preview = await project.ok(["preview"]);
      expect(preview.output).toMatch(/\+ 5 to create/);
      expect(preview.output).toMatch(displayLine("+", TYPES.group, "tagged", "create"));
      expect(preview.output).toMatch(displayLine("+", TYPES.tagRule, "owner", "create"));
      expect(preview.output).toMatch(displayLine("+", TYPES.group, "manual", "create"));
      expect(preview.output).toMatch(displayLine("+", TYPES.member, "member", "create"));
      const stats = env.emulator.stats();
      expect(writeRoutes(stats.byRoute)).toEqual({});
      expect(stats.writes).toBe(0);
      expect((await listGroups(env)).count).toBe(0);
      expect(await project.resources()).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "up creates everything",
    async () => {
      const up = await project.up();
      expect(up.output).toMatch(/\+ 5 created/);
      const resources = await project.resources();
      expect(ofType(resources, TYPES.group)).toHaveLength(2);
      expect(ofType(resources, TYPES.tagRule)).toHaveLength(1);
      expect(ofType(resources, TYPES.member)).toHaveLength(1);

      expect((await listGroups(env)).count).toBe(2);
      const tagged = await getGroup(env, named(resources, "tagged").id ?? "");
      expect(tagged).toMatchObject({ group_name: "e2e-tagged", type: "TAG" });
      // The group's own tag and its TagRule's tag.
      expect(tagList(tagged)).toEqual(["env=prod", "owner=platform"]);
      const manualId = named(resources, "manual").id ?? "";
      expect(await getGroup(env, manualId)).toMatchObject({ group_name: "e2e-manual", type: "Manual" });
      const { members } = await listMembers(env, manualId);
      expect(members.map((m) => m.dimensions)).toEqual([[{ name: "instance_id", value: "i-1" }]]);
    },
    TEST_TIMEOUT,
  );

  it(
    "a second up changes nothing and writes nothing",
    async () => {
      env.emulator.resetStats();
      const again = await project.ok(["up", "--yes", "--expect-no-changes"]);
      expect(again.output).toMatch(/5 unchanged/);
      expect(env.emulator.stats().writes).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    "destroy leaves the emulator empty",
    async () => {
      const destroy = await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect(destroy.output).toMatch(/- 5 deleted/);
      const listed = await listGroups(env);
      expect(listed).toEqual({ count: 0, groups: [] });
      expect(await project.resources()).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

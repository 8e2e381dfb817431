/**
 * Changes to a deployed stack: a rename is an update in place (same groupId), a change of type or
 * enterprise project replaces the group, deleting the old one before creating the new one because
 * names are unique, and whatever refers to the group follows it.
 */
import { getGroup, listGroups, listMembers, startE2eEmulator, type TestEmulator } from "./support/emulator";
import { displayLine, indexOf, tagList } from "./support/expect";
import { group, member, program, tagRule, type GroupArgs } from "./support/programs";
import { PulumiProject, TYPES, named, type StateResource } from "./support/project";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;
const ENTERPRISE_PROJECT = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

interface Shape {
  tagged: GroupArgs;
  manual: GroupArgs;
  kind: GroupArgs;
}

const INITIAL: Shape = {
  tagged: { name: "chg-tagged", type: "TAG", tags: [{ key: "env", value: "prod" }] },
  manual: { name: "chg-manual" },
  kind: { name: "chg-kind" },
};

const programOf = (shape: Shape): string =>
  program(
    group("tagged", shape.tagged),
    tagRule("owner", "tagged", "owner", "platform"),
    group("manual", shape.manual),
    member("member", "manual", "i-1"),
    group("kind", shape.kind),
  );

let env: TestEmulator;
let project: PulumiProject;
let before: StateResource[];

beforeAll(async () => {
  env = await startE2eEmulator();
  project = await PulumiProject.create("changes", programOf(INITIAL), env.emulator);
  await project.up();
  before = await project.resources();
}, HOOK_TIMEOUT);
afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

const idOf = (resources: StateResource[], name: string): string => named(resources, name).id ?? "";

describe("changing a deployed group", () => {
  const renamed: Shape = {
    ...INITIAL,
    tagged: { ...INITIAL.tagged, name: "chg-tagged-renamed" },
    manual: { name: "chg-manual-renamed" },
  };

  let renamePreview = "";

  it(
    "a rename previews as an update, without writing",
    async () => {
      project.writeProgram(programOf(renamed));
      env.emulator.resetStats();
      renamePreview = (await project.ok(["preview"])).output;
      expect(renamePreview).toMatch(displayLine("~", TYPES.group, "tagged", "update [diff: ~name]"));
      expect(renamePreview).toMatch(displayLine("~", TYPES.group, "manual", "update [diff: ~name]"));
      expect(renamePreview).toMatch(/~ 2 to update/);
      expect(env.emulator.stats().writes).toBe(0);
      expect((await getGroup(env, idOf(before, "tagged")))?.group_name).toBe("chg-tagged");
    },
    TEST_TIMEOUT,
  );

  // Regression: `groupId` used to be an output-only property (`groupId: undefined` in the props),
  // which the SDK sends as unknown during a preview; the engine previews an update's outputs from
  // those inputs, so the TagRule and member of a renamed group showed `groupId => [unknown]` and were
  // planned for replacement ("+-2 to replace") although the up only updated the groups. Fixed by
  // making `groupId` the resource id, which a preview of an update knows (commit e6d08e4).
  it(
    "a rename preview plans no replacement of the group's TagRule and member, as the up makes none",
    () => {
      expect(renamePreview).not.toBe("");
      expect(renamePreview).not.toMatch(displayLine("+-", TYPES.tagRule, "owner", "replace"));
      expect(renamePreview).not.toMatch(displayLine("+-", TYPES.member, "member", "replace"));
      expect(renamePreview).not.toMatch(/to (create|delete|replace)/);
    },
    TEST_TIMEOUT,
  );

  it(
    "a rename updates the group in place: same groupId, rules and members kept",
    async () => {
      const up = await project.up();
      expect(up.output).toMatch(displayLine("~", TYPES.group, "tagged", "updated"));
      expect(up.output).toMatch(displayLine("~", TYPES.group, "manual", "updated"));
      expect(up.output).toMatch(/~ 2 updated/);
      expect(up.output).not.toMatch(/(created|deleted|replaced)/);

      const after = await project.resources();
      for (const name of ["tagged", "manual"]) {
        expect(idOf(after, name)).toBe(idOf(before, name));
        expect(named(after, name).outputs?.createTime).toBe(named(before, name).outputs?.createTime);
      }
      const tagged = await getGroup(env, idOf(after, "tagged"));
      expect(tagged?.group_name).toBe("chg-tagged-renamed");
      expect(named(after, "tagged").outputs?.name).toBe("chg-tagged-renamed");
      // The TagRule's tag is still on the group, and the member still in its group.
      expect(tagList(tagged)).toEqual(["env=prod", "owner=platform"]);
      expect((await getGroup(env, idOf(after, "manual")))?.group_name).toBe("chg-manual-renamed");
      expect((await listMembers(env, idOf(after, "manual"))).count).toBe(1);
      expect((await listGroups(env)).count).toBe(3);
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "a type change replaces the group, deleting the old one before creating the new one",
    async () => {
      const oldId = idOf(before, "kind");
      project.writeProgram(
        programOf({
          ...renamed,
          kind: { name: "chg-kind", type: "TAG", tags: [{ key: "env", value: "dev" }] },
        }),
      );
      const up = await project.up();
      expect(up.output).toMatch(/\+-1 replaced/);
      const deleted = indexOf(up.output, displayLine("--", TYPES.group, "kind", "deleted original"));
      const created = indexOf(up.output, displayLine("++", TYPES.group, "kind", "created replacement"));
      expect(deleted).toBeLessThan(created);

      const after = await project.resources();
      const newId = idOf(after, "kind");
      expect(newId).toMatch(/^rg[A-Za-z0-9]{22}$/);
      expect(newId).not.toBe(oldId);
      expect(named(after, "kind").outputs).toMatchObject({ type: "TAG", groupId: newId });
      expect(await getGroup(env, oldId)).toBeUndefined();
      const replacement = await getGroup(env, newId);
      expect(replacement).toMatchObject({ group_name: "chg-kind", type: "TAG" });
      expect(tagList(replacement)).toEqual(["env=dev"]);
      const listed = await listGroups(env);
      expect(listed.count).toBe(3);
      expect(listed.groups.map((g) => g.group_id)).not.toContain(oldId);
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "an enterprise project change replaces the group, and its member moves to the new group",
    async () => {
      const current = await project.resources();
      const oldId = idOf(current, "manual");
      project.writeProgram(
        programOf({
          ...renamed,
          kind: { name: "chg-kind", type: "TAG", tags: [{ key: "env", value: "dev" }] },
          manual: { name: "chg-manual-renamed", enterpriseProjectId: ENTERPRISE_PROJECT },
        }),
      );
      const up = await project.up();
      expect(up.output).toMatch(displayLine("++", TYPES.group, "manual", "created replacement"));
      expect(up.output).toMatch(displayLine("++", TYPES.member, "member", "created replacement"));

      const after = await project.resources();
      const newId = idOf(after, "manual");
      expect(newId).not.toBe(oldId);
      expect(named(after, "member").outputs?.groupId).toBe(newId);
      expect(await getGroup(env, oldId)).toBeUndefined();
      expect(await getGroup(env, newId)).toMatchObject({
        group_name: "chg-manual-renamed",
        enterprise_project_id: ENTERPRISE_PROJECT,
      });
      const { members } = await listMembers(env, newId);
      expect(members.map((m) => m.dimensions)).toEqual([[{ name: "instance_id", value: "i-1" }]]);
      expect((await listGroups(env)).count).toBe(3);
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );
});

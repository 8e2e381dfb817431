/**
 * Taking over a group that already exists (made directly through the API): without `adopt` the up
 * fails and says how to adopt; with `adopt: true` the stack takes the same group and converges its
 * tags; a group whose fixed fields differ is refused; destroy then deletes only what it adopted.
 */
import { getGroup, listGroups, startE2eEmulator, type TestEmulator } from "./support/emulator";
import { tagList } from "./support/expect";
import { group, program } from "./support/programs";
import { PulumiProject, TYPES, named, ofType } from "./support/project";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;

let env: TestEmulator;
let project: PulumiProject;
let legacyId: string;
let manualId: string;

const legacy = (adopt?: boolean) =>
  group("legacy", {
    name: "legacy-tagged",
    type: "TAG",
    tags: [{ key: "env", value: "prod" }],
    ...(adopt === undefined ? {} : { adopt }),
  });

async function createOutside(body: unknown): Promise<string> {
  const created = await env.api<{ group_id: string }>("POST", "", body);
  expect(created.status).toBe(200);
  return created.body.group_id;
}

beforeAll(async () => {
  env = await startE2eEmulator();
  legacyId = await createOutside({
    group_name: "legacy-tagged",
    type: "TAG",
    tags: [{ key: "env", value: "old" }],
  });
  manualId = await createOutside({ group_name: "legacy-manual", type: "Manual" });
  project = await PulumiProject.create("adopt", program(legacy()), env.emulator);
}, HOOK_TIMEOUT);
afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe("an existing group", () => {
  it(
    "is not taken without adopt: the up fails, says how to adopt, and changes nothing",
    async () => {
      env.emulator.resetStats();
      const up = await project.fails(["up", "--yes", "--skip-preview"]);
      expect(up.output).toContain(`A resource group named 'legacy-tagged' already exists (${legacyId}`);
      expect(up.output).toContain("set `adopt: true` on the ResourceGroup");
      // The one write is the create the API refused for its name; then only reads.
      const stats = env.emulator.stats();
      expect(stats.writes).toBe(1);
      expect(stats.byRoute["POST /v2/{project_id}/resource-groups"]).toBe(1);
      expect(ofType(await project.resources(), TYPES.group)).toHaveLength(0);
      expect(tagList(await getGroup(env, legacyId))).toEqual(["env=old"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "is adopted with adopt: true, keeping its id and converging its tags",
    async () => {
      project.writeProgram(program(legacy(true)));
      await project.up();
      const adopted = named(await project.resources(), "legacy");
      expect(adopted.id).toBe(legacyId);
      expect(adopted.outputs).toMatchObject({ groupId: legacyId, name: "legacy-tagged", adopt: true });
      const held = await getGroup(env, legacyId);
      expect(held).toMatchObject({ group_name: "legacy-tagged", type: "TAG" });
      expect(tagList(held)).toEqual(["env=prod"]);
      expect((await listGroups(env)).count).toBe(2);
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "is refused when a field that cannot change in place differs",
    async () => {
      project.writeProgram(
        program(
          legacy(true),
          group("other", {
            name: "legacy-manual",
            type: "TAG",
            tags: [{ key: "env", value: "prod" }],
            adopt: true,
          }),
        ),
      );
      env.emulator.resetStats();
      const up = await project.fails(["up", "--yes", "--skip-preview"]);
      expect(up.output).toContain(
        `Cannot adopt resource group 'legacy-manual' (${manualId}): its type is Manual, the program declares TAG`,
      );
      expect(env.emulator.stats().writes).toBe(0);
      expect(await getGroup(env, manualId)).toMatchObject({ group_name: "legacy-manual", type: "Manual" });
    },
    TEST_TIMEOUT,
  );

  it(
    "once adopted, is deleted by destroy like any other resource",
    async () => {
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect(await getGroup(env, legacyId)).toBeUndefined();
      // The group the stack never took is not the stack's to delete.
      const listed = await listGroups(env);
      expect(listed.groups.map((g) => g.group_id)).toEqual([manualId]);
    },
    TEST_TIMEOUT,
  );
});

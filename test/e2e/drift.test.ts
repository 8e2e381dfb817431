/**
 * Changes made outside Pulumi (through the vendor API, as another tool or a console user would):
 * `pulumi refresh` records them in the state, and the next `up` puts the declared values back.
 */
import { getGroup, listGroups, listMembers, startE2eEmulator, type TestEmulator } from "./support/emulator";
import { displayLine, tagList } from "./support/expect";
import { group, member, program } from "./support/programs";
import { PulumiProject, TYPES, named, type StateResource } from "./support/project";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;

const PROGRAM = program(
  group("tagged", { name: "drift-tagged", type: "TAG", tags: [{ key: "env", value: "prod" }] }),
  group("doomed", { name: "drift-doomed" }),
  member("doomed-member", "doomed", "i-doomed"),
  group("kept", { name: "drift-kept" }),
  member("kept-member", "kept", "i-kept"),
);

let env: TestEmulator;
let project: PulumiProject;
let deployed: StateResource[];

const idOf = (resources: StateResource[], name: string): string => named(resources, name).id ?? "";
const has = (resources: StateResource[], name: string): boolean =>
  resources.some((r) => r.urn.endsWith(`::${name}`));

beforeAll(async () => {
  env = await startE2eEmulator();
  project = await PulumiProject.create("drift", PROGRAM, env.emulator);
  await project.up();
  deployed = await project.resources();
}, HOOK_TIMEOUT);
afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe("changes made outside Pulumi", () => {
  it(
    "show in pulumi refresh: rename and tag value recorded, deleted group and removed member dropped",
    async () => {
      const taggedId = idOf(deployed, "tagged");
      // Rename, change the declared tag's value, and add a tag under a key the program does not declare.
      const put = await env.api("PUT", `/${taggedId}`, {
        group_name: "drift-renamed-outside",
        tags: [
          { key: "env", value: "staging" },
          { key: "extra", value: "outside" },
        ],
      });
      expect(put.status).toBe(204);
      const del = await env.api("POST", "/batch-delete", { group_ids: [idOf(deployed, "doomed")] });
      expect(del).toEqual({ status: 200, body: { group_ids: [idOf(deployed, "doomed")] } });
      const removed = await env.api("POST", `/${idOf(deployed, "kept")}/resources/batch-delete`, {
        resources: [{ namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-kept" }] }],
      });
      expect(removed).toEqual({ status: 200, body: { succeed_count: 1 } });

      env.emulator.resetStats();
      const refresh = await project.ok(["refresh", "--yes", "--skip-preview"]);
      expect(env.emulator.stats().writes).toBe(0);
      expect(refresh.output).toMatch(displayLine("~", TYPES.group, "tagged", "updated"));
      expect(refresh.output).toMatch(displayLine("-", TYPES.group, "doomed", "deleted"));
      expect(refresh.output).toMatch(displayLine("-", TYPES.member, "doomed-member", "deleted"));
      expect(refresh.output).toMatch(displayLine("-", TYPES.member, "kept-member", "deleted"));

      const refreshed = await project.resources();
      const tagged = named(refreshed, "tagged");
      expect(tagged.id).toBe(taggedId);
      // The state holds what the API holds; the undeclared tag is not the group's concern.
      expect(tagged.outputs).toMatchObject({
        name: "drift-renamed-outside",
        tags: [{ key: "env", value: "staging" }],
      });
      expect(has(refreshed, "doomed")).toBe(false);
      expect(has(refreshed, "doomed-member")).toBe(false);
      expect(has(refreshed, "kept-member")).toBe(false);
      expect(idOf(refreshed, "kept")).toBe(idOf(deployed, "kept"));
    },
    TEST_TIMEOUT,
  );

  it(
    "are undone by the next up: declared values restored, deleted group and member recreated",
    async () => {
      const up = await project.up();
      expect(up.output).toMatch(displayLine("~", TYPES.group, "tagged", "updated"));
      expect(up.output).toMatch(displayLine("+", TYPES.group, "doomed", "created"));
      expect(up.output).toMatch(displayLine("+", TYPES.member, "doomed-member", "created"));
      expect(up.output).toMatch(displayLine("+", TYPES.member, "kept-member", "created"));

      const after = await project.resources();
      const tagged = await getGroup(env, idOf(after, "tagged"));
      expect(tagged?.group_name).toBe("drift-tagged");
      // The declared tag has its declared value again; the tag under another key is left alone.
      expect(tagList(tagged)).toEqual(["env=prod", "extra=outside"]);

      const doomedId = idOf(after, "doomed");
      expect(doomedId).not.toBe(idOf(deployed, "doomed"));
      expect(await getGroup(env, doomedId)).toMatchObject({ group_name: "drift-doomed", type: "Manual" });
      expect((await listMembers(env, doomedId)).members.map((m) => m.dimensions)).toEqual([
        [{ name: "instance_id", value: "i-doomed" }],
      ]);
      expect((await listMembers(env, idOf(after, "kept"))).members.map((m) => m.dimensions)).toEqual([
        [{ name: "instance_id", value: "i-kept" }],
      ]);
      expect((await listGroups(env)).count).toBe(3);

      // Nothing left to converge, even after reading everything back.
      await project.ok(["preview", "--refresh", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );
});

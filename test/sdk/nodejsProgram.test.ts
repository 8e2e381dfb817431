/**
 * A TypeScript program on the generated Node.js SDK (imported by path from sdk/nodejs), run by the
 * real CLI with the plugin from this repository's build: it creates a CES group with a member at the
 * emulator through the SDK's classes, and destroys them.
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { listGroups, listMembers, startE2eEmulator, type TestEmulator } from "../e2e/support/emulator";
import { PulumiProject, named } from "../e2e/support/project";
import { REPO, SDK } from "./generatedFiles";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;

const PROGRAM = `import * as resourcegroups from ${JSON.stringify(join(SDK, "nodejs"))};

const web = new resourcegroups.ces.ResourceGroup("web", { name: "sdk-web" });
new resourcegroups.ces.GroupMember("web-1", {
  groupId: web.groupId,
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: "i-sdk-1" }],
});
export const groupId = web.groupId;
`;

let env: TestEmulator;
let project: PulumiProject;

beforeAll(async () => {
  env = await startE2eEmulator();
  project = await PulumiProject.create("sdk-nodejs", PROGRAM, env.emulator);
  appendFileSync(
    join(project.dir, "Pulumi.yaml"),
    `plugins:\n  providers:\n    - name: resourcegroups\n      path: ${join(REPO, "plugin", "bin")}\n`,
  );
}, HOOK_TIMEOUT);

afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe("a program on the generated Node.js SDK", () => {
  it(
    "creates a CES group and its member through the plugin",
    async () => {
      await project.up();
      const { groups } = await listGroups(env);
      expect(groups.map((g) => g.group_name)).toEqual(["sdk-web"]);
      const resources = await project.resources();
      expect(named(resources, "web").type).toBe("resourcegroups:ces:ResourceGroup");
      expect(named(resources, "web-1").type).toBe("resourcegroups:ces:GroupMember");
      const groupId = named(resources, "web").id ?? "";
      const { members } = await listMembers(env, groupId, "SYS.ECS");
      expect(members.map((m) => m.dimensions)).toEqual([[{ name: "instance_id", value: "i-sdk-1" }]]);
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "destroys them",
    async () => {
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect((await listGroups(env)).count).toBe(0);
    },
    TEST_TIMEOUT,
  );
});

/**
 * `GroupMembers` through the real CLI: a group's whole membership as one resource. Its create is one
 * batch write, a change previews as one in-place update and writes only the difference, and renaming
 * the resource (a replacement in one run: the new one created, the old one deleted) leaves every
 * member in place.
 */
import { CLOUDFLARE_ACCOUNT, type CloudflareWireGroup } from "../support/emulator";
import { listGroups, listMembers, startE2eEmulator, type TestEmulator } from "./support/emulator";
import { PulumiProject } from "./support/project";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;
const ZONE_PREFIX = "com.cloudflare.api.account.zone.";
const zone = (i: number) => i.toString(16).padStart(32, "0");
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `i-${from + i}`);

const ROUTES = {
  add: "POST /v2/{project_id}/resource-groups/{group_id}/resources/batch-create",
  remove: "POST /v2/{project_id}/resource-groups/{group_id}/resources/batch-delete",
};

interface Declared {
  name: string;
  instances: string[];
  zones: number[];
}

function programOf(d: Declared): string {
  return `import { ces, cloudflare } from "pulumi-resource-groups";

const fleet = new ces.ResourceGroup("fleet", { name: "members-e2e" });
new ces.GroupMembers("${d.name}", {
  groupId: fleet.groupId,
  members: ${JSON.stringify(d.instances)}.map((id) => ({ namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: id }] })),
});

const edge = new cloudflare.ResourceGroup("edge", { name: "members edge", zones: ["${zone(1)}"] });
new cloudflare.GroupMembers("${d.name}-zones", {
  groupId: edge.groupId,
  zoneIds: ${JSON.stringify(d.zones.map(zone))},
});
`;
}

let env: TestEmulator;
let project: PulumiProject;
let groupId = "";

const ces = () => env.emulator.dialect("ces");
const calls = (route: string) => ces().stats().byRoute[route] ?? 0;

async function instances(): Promise<string[]> {
  const { members } = await listMembers(env, groupId);
  return members.map((m) => m.dimensions[0]?.value ?? "").sort();
}

async function zones(): Promise<string[]> {
  const { body } = await env.cloudflareApi<CloudflareWireGroup[]>("GET", CLOUDFLARE_ACCOUNT);
  const edge = body.result.find((g) => g.name === "members edge");
  return (edge?.scope[0]?.objects ?? []).map((o) => o.key.replace(ZONE_PREFIX, "")).sort();
}

beforeAll(async () => {
  env = await startE2eEmulator();
  project = await PulumiProject.create(
    "members",
    programOf({ name: "fleet-members", instances: ids(0, 200), zones: [1, 2, 3, 4, 5] }),
    env.emulator,
  );
}, HOOK_TIMEOUT);
afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe("GroupMembers through the CLI", () => {
  it(
    "creates 200 members in one batch write and 5 zones in one scope write, then previews no change",
    async () => {
      ces().resetStats();
      await project.up();
      groupId = (await listGroups(env)).groups[0]?.group_id ?? "";
      expect(await instances()).toEqual(ids(0, 200).sort());
      expect(calls(ROUTES.add)).toBe(1);
      expect(await zones()).toEqual([1, 2, 3, 4, 5].map(zone));
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "changes 10 members as one in-place update that writes only those 10",
    async () => {
      const next = [...ids(10, 190), ...ids(1000, 10)];
      project.writeProgram(programOf({ name: "fleet-members", instances: next, zones: [1, 2, 3, 4, 6] }));
      const preview = await project.ok(["preview"]);
      expect(preview.output).toMatch(/2 to update/);
      expect(preview.output).not.toMatch(/to (create|delete|replace)/);
      ces().resetStats();
      await project.up();
      expect(calls(ROUTES.add)).toBe(1);
      expect(calls(ROUTES.remove)).toBe(1);
      expect(ces().stats().writes).toBe(2);
      expect(await instances()).toEqual(next.sort());
      expect(await zones()).toEqual([1, 2, 3, 4, 6].map(zone));
    },
    TEST_TIMEOUT,
  );

  it(
    "keeps every member when the resource is renamed (created anew, the old one deleted)",
    async () => {
      const same = [...ids(10, 190), ...ids(1000, 10)];
      project.writeProgram(programOf({ name: "renamed-members", instances: same, zones: [1, 2, 3, 4, 6] }));
      const up = await project.up();
      expect(up.output).toMatch(/2 created/);
      expect(up.output).toMatch(/2 deleted/);
      expect(await instances()).toEqual(same.sort());
      expect(await zones()).toEqual([1, 2, 3, 4, 6].map(zone));
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );
});

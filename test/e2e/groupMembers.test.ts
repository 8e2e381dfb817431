/**
 * `GroupMembers` through the real CLI, at all four vendors: a group's whole membership as one resource.
 * At CES its create is one batch write; everywhere a change previews as one in-place update and writes
 * only the difference, and renaming the resource (a replacement in one run: the new one created, the
 * old one deleted) leaves every member in place.
 */
import { CLOUDFLARE_ACCOUNT, type CloudflareWireGroup } from "../support/emulator";
import { listGroups, listMembers, startE2eEmulator, type TestEmulator } from "./support/emulator";
import { PulumiProject } from "./support/project";
import { StronglyClient } from "../support/strongly";
import { ZopNightClient } from "../support/zopnight";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;
const ZONE_PREFIX = "com.cloudflare.api.account.zone.";
const zone = (i: number) => i.toString(16).padStart(32, "0");
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `i-${from + i}`);

const ROUTES = {
  add: "POST /v2/{project_id}/resource-groups/{group_id}/resources/batch-create",
  remove: "POST /v2/{project_id}/resource-groups/{group_id}/resources/batch-delete",
};

const DATABASE = "arn:aws:rds:us-east-1:123456789012:db:orders-postgres";
const CACHE = "arn:aws:elasticache:us-east-1:123456789012:cluster:orders-redis";

interface Declared {
  name: string;
  instances: string[];
  zones: number[];
  workflows: string[];
  /** ZopNight members: cloud UID, tier and order. */
  startOrder: [string, string, number][];
}

function programOf(d: Declared): string {
  return `import { ces, cloudflare, strongly, zopnight } from "pulumi-resource-groups";

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

const costs = new strongly.ResourceGroup("costs", { name: "members-costs", description: "GroupMembers" });
new strongly.GroupMembers("${d.name}-costs", {
  groupId: costs.groupId,
  members: ${JSON.stringify(d.workflows)}.map((id) => ({ type: "workflow", resourceId: id, name: "flow " + id })),
});

const orders = new zopnight.ResourceGroup("orders", { name: "members-orders" });
new zopnight.GroupMembers("${d.name}-orders", {
  groupId: orders.groupId,
  members: ${JSON.stringify(d.startOrder)}.map(([resource, executionTier, executionOrder]) => ({ resource, executionTier, executionOrder })),
});
`;
}

let env: TestEmulator;
let project: PulumiProject;
let groupId = "";
let stronglyApi: StronglyClient;
let zopnightApi: ZopNightClient;

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

async function workflows(): Promise<string[]> {
  const [summary] = (await stronglyApi.list("limit=100")).json.items;
  if (!summary) return [];
  return (await stronglyApi.show(summary._id)).json.resources.map((r) => r.resourceId).sort();
}

/** The ZopNight group's members as `uid tier/order`, sorted. */
async function startOrder(): Promise<string[]> {
  const [group] = (await zopnightApi.list()).json.data;
  if (!group) return [];
  const { members } = (await zopnightApi.show(group.id)).json.data;
  return members.map((m) => `${m.resourceUID} ${m.executionTier}/${m.executionOrder}`).sort();
}

const FIRST: Declared = {
  name: "fleet-members",
  instances: ids(0, 200),
  zones: [1, 2, 3, 4, 5],
  workflows: ["wf_1", "wf_2", "wf_3"],
  startOrder: [
    [DATABASE, "tier-1", 1],
    [CACHE, "tier-2", 1],
  ],
};
const CHANGED: Declared = {
  ...FIRST,
  instances: [...ids(10, 190), ...ids(1000, 10)],
  zones: [1, 2, 3, 4, 6],
  workflows: ["wf_2", "wf_3", "wf_4"],
  startOrder: [
    [DATABASE, "tier-2", 1],
    [CACHE, "tier-1", 1],
  ],
};

beforeAll(async () => {
  env = await startE2eEmulator();
  project = await PulumiProject.create("members", programOf(FIRST), env.emulator);
  stronglyApi = new StronglyClient(env.emulator);
  zopnightApi = new ZopNightClient(env.emulator);
}, HOOK_TIMEOUT);
afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe("GroupMembers through the CLI", () => {
  it(
    "creates them (200 CES members in one batch write, 5 zones in one scope write), then previews no change",
    async () => {
      ces().resetStats();
      await project.up();
      groupId = (await listGroups(env)).groups[0]?.group_id ?? "";
      expect(await instances()).toEqual(ids(0, 200).sort());
      expect(calls(ROUTES.add)).toBe(1);
      expect(await zones()).toEqual([1, 2, 3, 4, 5].map(zone));
      expect(await workflows()).toEqual(["wf_1", "wf_2", "wf_3"]);
      expect(await startOrder()).toEqual([`${CACHE} tier-2/1`, `${DATABASE} tier-1/1`]);
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "changes members as in-place updates that write only the difference (10 of 200 at CES in 2 writes)",
    async () => {
      project.writeProgram(programOf(CHANGED));
      const preview = await project.ok(["preview"]);
      expect(preview.output).toMatch(/4 to update/);
      expect(preview.output).not.toMatch(/to (create|delete|replace)/);
      ces().resetStats();
      await project.up();
      expect(calls(ROUTES.add)).toBe(1);
      expect(calls(ROUTES.remove)).toBe(1);
      expect(ces().stats().writes).toBe(2);
      expect(await instances()).toEqual([...CHANGED.instances].sort());
      expect(await zones()).toEqual([1, 2, 3, 4, 6].map(zone));
      expect(await workflows()).toEqual(["wf_2", "wf_3", "wf_4"]);
      // A reorder moves members in place: the membership ids stay.
      expect(await startOrder()).toEqual([`${CACHE} tier-1/1`, `${DATABASE} tier-2/1`]);
    },
    TEST_TIMEOUT,
  );

  it(
    "keeps every member when the resource is renamed (created anew, the old one deleted)",
    async () => {
      project.writeProgram(programOf({ ...CHANGED, name: "renamed-members" }));
      const up = await project.up();
      expect(up.output).toMatch(/4 created/);
      expect(up.output).toMatch(/4 deleted/);
      expect(await instances()).toEqual([...CHANGED.instances].sort());
      expect(await zones()).toEqual([1, 2, 3, 4, 6].map(zone));
      expect(await workflows()).toEqual(["wf_2", "wf_3", "wf_4"]);
      expect(await startOrder()).toEqual([`${CACHE} tier-1/1`, `${DATABASE} tier-2/1`]);
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );
});

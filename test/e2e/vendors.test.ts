/**
 * One program, groups at all four vendors, through the real CLI: up, a no-op preview, renames in
 * place, a reordered start-up sequence that previews as updates only, drift from outside found by
 * refresh and undone by up, and a destroy that leaves every dialect empty. Every vendor's token is
 * unique here, so the test also shows none reaches the state or the output.
 */
import { randomBytes } from "node:crypto";
import { CLOUDFLARE_ACCOUNT, type CloudflareWireGroup } from "../support/emulator";
import { StronglyClient } from "../support/strongly";
import { ZopNightClient } from "../support/zopnight";
import { listGroups, startE2eEmulator, type TestEmulator } from "./support/emulator";
import { displayLine } from "./support/expect";
import { PulumiProject, TYPES, named, ofType } from "./support/project";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;

const TOKENS = {
  ces: `ces-secret-${randomBytes(12).toString("hex")}`,
  cloudflare: `cf-secret-${randomBytes(12).toString("hex")}`,
  strongly: `sk-secret-${randomBytes(12).toString("hex")}`,
  zopnight: `zn-secret-${randomBytes(12).toString("hex")}`,
};

const DATABASE = "arn:aws:rds:us-east-1:123456789012:db:orders-postgres";
const CACHE = "arn:aws:elasticache:us-east-1:123456789012:cluster:orders-redis";
const APP_1 = "i-0abc123def456";
const APP_2 = "i-0abc123def789";
const START_ORDER = [[DATABASE], [CACHE], [APP_1, APP_2]];
const zone = (i: number) => i.toString(16).padStart(32, "0");
const ZONE_PREFIX = "com.cloudflare.api.account.zone.";
const ACCOUNT_KEY = `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`;

interface Names {
  ces: string;
  cloudflare: string;
  strongly: string;
  tiers?: string[][];
}

function programOf(names: Names): string {
  return `import { ces, cloudflare, strongly, zopnight } from "pulumi-resource-groups";

const monitored = new ces.ResourceGroup("monitored", { name: "${names.ces}" });
new ces.GroupMember("web-1", {
  groupId: monitored.groupId,
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: "i-web-1" }],
});

const edge = new cloudflare.ResourceGroup("edge", {
  name: "${names.cloudflare}",
  zones: ["${zone(1)}", "${zone(2)}"],
});
new cloudflare.GroupMember("shop", { groupId: edge.groupId, zoneId: "${zone(3)}" });

const costs = new strongly.ResourceGroup("costs", { name: "${names.strongly}", description: "ML platform" });
new strongly.GroupMember("trainer", { groupId: costs.groupId, type: "workflow", resourceId: "wf-train", name: "Trainer" });
new strongly.GroupMember("notebooks", { groupId: costs.groupId, type: "workspace", resourceId: "ws-1", name: "Notebooks" });

new zopnight.StartupSequence("orders", { groupName: "orders", tiers: ${JSON.stringify(names.tiers ?? START_ORDER)} });

export const cloudflareGroupId = edge.groupId;
`;
}

let env: TestEmulator;
let project: PulumiProject;
let stronglyApi: StronglyClient;
let zopnightApi: ZopNightClient;

async function cloudflareGroups(): Promise<CloudflareWireGroup[]> {
  const { body } = await env.cloudflareApi<CloudflareWireGroup[]>("GET", CLOUDFLARE_ACCOUNT);
  return body.result.filter((g) => g.meta.value !== "false");
}

const zonesOf = (group: CloudflareWireGroup | undefined) =>
  (group?.scope[0]?.objects ?? []).map((o) => o.key.replace(ZONE_PREFIX, "")).sort();

beforeAll(async () => {
  env = await startE2eEmulator({ tokens: TOKENS });
  project = await PulumiProject.create(
    "vendors",
    programOf({ ces: "vendors-ces", cloudflare: "vendors edge", strongly: "vendors-costs" }),
    env.emulator,
  );
  stronglyApi = new StronglyClient(env.emulator);
  zopnightApi = new ZopNightClient(env.emulator);
}, HOOK_TIMEOUT);
afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

async function stronglyGroups() {
  return (await stronglyApi.list("limit=100")).json.items;
}

/** The ZopNight group's members as `tier/order uid`, in start order. */
async function startOrder(): Promise<string[]> {
  const [group] = (await zopnightApi.list()).json.data;
  if (!group) return [];
  const members = (await zopnightApi.show(group.id)).json.data.members;
  return members
    .map((m) => ({ key: `${m.executionTier}/${m.executionOrder} ${m.resourceUID}`, m }))
    .sort(
      (a, b) =>
        Number(a.m.executionTier.slice(5)) - Number(b.m.executionTier.slice(5)) ||
        a.m.executionOrder - b.m.executionOrder,
    )
    .map((entry) => entry.key);
}

describe("groups at four vendors in one program", () => {
  it(
    "deploys all four, then previews no change",
    async () => {
      await project.up();
      expect((await listGroups(env)).groups.map((g) => g.group_name)).toEqual(["vendors-ces"]);
      const [edge] = await cloudflareGroups();
      expect(edge?.name).toBe("vendors edge");
      expect(zonesOf(edge)).toEqual([zone(1), zone(2), zone(3)]);
      const resources = await project.resources();
      expect(ofType(resources, TYPES.cloudflareGroup)).toHaveLength(1);
      expect(ofType(resources, TYPES.cloudflareMember)).toHaveLength(1);
      expect(named(resources, "edge").id).toBe(edge?.id);
      const [costs] = await stronglyGroups();
      expect(costs?.name).toBe("vendors-costs");
      expect(
        (await stronglyApi.show(costs?._id ?? "")).json.resources.map((r) => r.resourceId).sort(),
      ).toEqual(["wf-train", "ws-1"]);
      expect(await startOrder()).toEqual([
        `tier-1/1 ${DATABASE}`,
        `tier-2/1 ${CACHE}`,
        `tier-3/1 ${APP_1}`,
        `tier-3/2 ${APP_2}`,
      ]);
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "renames the groups in place, keeping their members",
    async () => {
      project.writeProgram(
        programOf({ ces: "vendors-ces-2", cloudflare: "vendors edge 2", strongly: "vendors-costs-2" }),
      );
      const preview = await project.ok(["preview"]);
      expect(preview.output).toMatch(displayLine("~", TYPES.group, "monitored", "update"));
      expect(preview.output).toMatch(displayLine("~", TYPES.cloudflareGroup, "edge", "update"));
      expect(preview.output).toMatch(displayLine("~", TYPES.stronglyGroup, "costs", "update"));
      expect(preview.output).not.toMatch(/replace/);
      const before = (await cloudflareGroups())[0]?.id;
      await project.up();
      const [edge] = await cloudflareGroups();
      expect(edge).toMatchObject({ id: before, name: "vendors edge 2" });
      expect(zonesOf(edge)).toEqual([zone(1), zone(2), zone(3)]);
      expect((await stronglyGroups()).map((g) => g.name)).toEqual(["vendors-costs-2"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "reorders the start-up sequence in place: sequence updates only, no member leaves the group",
    async () => {
      const reordered = [
        [DATABASE, CACHE],
        [APP_2, APP_1],
      ];
      project.writeProgram(
        programOf({
          ces: "vendors-ces-2",
          cloudflare: "vendors edge 2",
          strongly: "vendors-costs-2",
          tiers: reordered,
        }),
      );
      const preview = await project.ok(["preview"]);
      expect(preview.output).not.toMatch(/replace|delete|create/);
      expect(preview.output).toMatch(/~ 3 to update/);
      env.emulator.dialect("zopnight").resetStats();
      await project.up();
      const calls = env.emulator.dialect("zopnight").stats().byRoute;
      expect(Object.keys(calls).filter((route) => /^(POST|DELETE) /.test(route))).toEqual([]);
      expect(await startOrder()).toEqual([
        `tier-1/1 ${DATABASE}`,
        `tier-1/2 ${CACHE}`,
        `tier-2/1 ${APP_2}`,
        `tier-2/2 ${APP_1}`,
      ]);
    },
    TEST_TIMEOUT,
  );

  it(
    "finds zones removed outside Pulumi on refresh, and up puts them back",
    async () => {
      const [edge] = await cloudflareGroups();
      await env.cloudflareApi("PUT", CLOUDFLARE_ACCOUNT, `/${edge?.id ?? ""}`, {
        scope: { key: ACCOUNT_KEY, objects: [{ key: ZONE_PREFIX + zone(1) }] },
      });
      await project.ok(["refresh", "--yes"]);
      const resources = await project.resources();
      expect(ofType(resources, TYPES.cloudflareMember)).toHaveLength(0);
      expect(named(resources, "edge").outputs?.zones).toEqual([zone(1)]);
      const preview = await project.ok(["preview"]);
      expect(preview.output).toMatch(displayLine("~", TYPES.cloudflareGroup, "edge", "update"));
      expect(preview.output).toMatch(displayLine("+", TYPES.cloudflareMember, "shop", "create"));
      await project.up();
      expect(zonesOf((await cloudflareGroups())[0])).toEqual([zone(1), zone(2), zone(3)]);
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "finds a Strongly member and a ZopNight order changed outside Pulumi, and up restores them",
    async () => {
      const [costs] = await stronglyGroups();
      await stronglyApi.removeMember(costs?._id ?? "", "ws-1", "workspace");
      const [orders] = (await zopnightApi.list()).json.data;
      const app1 = (await zopnightApi.show(orders?.id ?? "")).json.data.members.find(
        (m) => m.resourceUID === APP_1,
      );
      await zopnightApi.call(
        "PATCH",
        `/resource-groups/${orders?.id ?? ""}/resources/${app1?.resourceID ?? ""}/sequence`,
        {
          body: { executionTier: "tier-9", executionOrder: 7 },
        },
      );
      await project.ok(["refresh", "--yes"]);
      const preview = await project.ok(["preview"]);
      expect(preview.output).toMatch(displayLine("+", TYPES.stronglyMember, "notebooks", "create"));
      expect(preview.output).toMatch(/~ 1 to update/);
      await project.up();
      expect((await stronglyApi.show(costs?._id ?? "")).json.resources).toHaveLength(2);
      expect(await startOrder()).toContain(`tier-2/2 ${APP_1}`);
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "keeps every vendor's token out of the state and the output",
    async () => {
      const { text } = await project.exportState();
      const output = project.transcript.map((r) => r.output).join("\n");
      for (const token of Object.values(TOKENS)) {
        expect(text).not.toContain(token);
        expect(output).not.toContain(token);
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "destroys everything at every vendor",
    async () => {
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect((await listGroups(env)).count).toBe(0);
      expect(await cloudflareGroups()).toEqual([]);
      expect(await stronglyGroups()).toEqual([]);
      expect((await zopnightApi.list()).json.data).toEqual([]);
      expect(await project.resources()).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

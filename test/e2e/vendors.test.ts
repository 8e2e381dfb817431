/**
 * One program, groups at several vendors, through the real CLI: up, a no-op preview, renames in place,
 * drift from outside found by refresh and undone by up, and a destroy that leaves every dialect empty.
 * Every vendor's token is unique here, so the test also shows none reaches the state or the output.
 */
import { randomBytes } from "node:crypto";
import { CLOUDFLARE_ACCOUNT, type CloudflareWireGroup } from "../support/emulator";
import { listGroups, startE2eEmulator, type TestEmulator } from "./support/emulator";
import { displayLine } from "./support/expect";
import { PulumiProject, TYPES, named, ofType } from "./support/project";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;

const TOKENS = {
  ces: `ces-secret-${randomBytes(12).toString("hex")}`,
  cloudflare: `cf-secret-${randomBytes(12).toString("hex")}`,
};
const zone = (i: number) => i.toString(16).padStart(32, "0");
const ZONE_PREFIX = "com.cloudflare.api.account.zone.";
const ACCOUNT_KEY = `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`;

function programOf(names: { ces: string; cloudflare: string }): string {
  return `import { ces, cloudflare } from "pulumi-resource-groups";

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

export const cloudflareGroupId = edge.groupId;
`;
}

let env: TestEmulator;
let project: PulumiProject;

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
    programOf({ ces: "vendors-ces", cloudflare: "vendors edge" }),
    env.emulator,
  );
}, HOOK_TIMEOUT);
afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe("groups at two vendors in one program", () => {
  it(
    "deploys both, then previews no change",
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
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "renames both groups in place, keeping their members",
    async () => {
      project.writeProgram(programOf({ ces: "vendors-ces-2", cloudflare: "vendors edge 2" }));
      const preview = await project.ok(["preview"]);
      expect(preview.output).toMatch(displayLine("~", TYPES.group, "monitored", "update"));
      expect(preview.output).toMatch(displayLine("~", TYPES.cloudflareGroup, "edge", "update"));
      expect(preview.output).not.toMatch(/replace/);
      const before = (await cloudflareGroups())[0]?.id;
      await project.up();
      const [edge] = await cloudflareGroups();
      expect(edge).toMatchObject({ id: before, name: "vendors edge 2" });
      expect(zonesOf(edge)).toEqual([zone(1), zone(2), zone(3)]);
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
    "destroys everything at both vendors",
    async () => {
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect((await listGroups(env)).count).toBe(0);
      expect(await cloudflareGroups()).toEqual([]);
      expect(await project.resources()).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

/**
 * Groups a program references but does not manage, through the real CLI: each vendor's
 * `ResourceGroup.get(name, id)` and `getResourceGroup({ name })` read groups made outside Pulumi into
 * stack outputs, writing nothing; `destroy` of the stack deletes nothing at any vendor; a get of a
 * missing id fails with a message that names the kind, the id and the vendor. (A look-up of a missing
 * name: test/integration/lookups.test.ts.)
 */
import { CLOUDFLARE_ACCOUNT, PROJECT } from "../support/emulator";
import { StronglyClient } from "../support/strongly";
import { ZopNightClient } from "../support/zopnight";
import { getGroup, startE2eEmulator, type TestEmulator } from "./support/emulator";
import { PulumiProject, TYPES, ofType } from "./support/project";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;

const ZONE = "1f0e2d3c4b5a69788796a5b4c3d2e1f0";

let env: TestEmulator;
let project: PulumiProject;
const ids = { ces: "", cloudflare: "", strongly: "", zopnight: "" };

async function makeGroupsOutside(): Promise<void> {
  const ces = await env.api<{ group_id: string }>("POST", "", {
    group_name: "shared-monitoring",
    type: "Manual",
  });
  ids.ces = ces.body.group_id;
  const cloudflare = await env.cloudflareApi<{ id: string }>("POST", CLOUDFLARE_ACCOUNT, "", {
    name: "shared-edge",
    scope: {
      key: `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`,
      objects: [{ key: `com.cloudflare.api.account.zone.${ZONE}` }],
    },
  });
  ids.cloudflare = cloudflare.body.result.id;
  ids.strongly = await new StronglyClient(env.emulator).createOk("shared-costs", "Shared platform");
  ids.zopnight = (await new ZopNightClient(env.emulator).createOk("shared-nightly")).id;
}

/** A program that reads every group made outside, by id with get() and by name with the look-ups. */
function readingProgram(): string {
  return `import * as pulumi from "pulumi-resource-groups";
import { ces, cloudflare, strongly, zopnight } from "pulumi-resource-groups";

const monitoring = ces.ResourceGroup.get("monitoring", "${ids.ces}");
const edge = cloudflare.ResourceGroup.get("edge", "${ids.cloudflare}");
const costs = strongly.ResourceGroup.get("costs", "${ids.strongly}");
const nightly = zopnight.ResourceGroup.get("nightly", "${ids.zopnight}");
const topLevel = pulumi.ResourceGroup.get("top-level", "${ids.ces}");

export const got = {
  ces: { name: monitoring.name, type: monitoring.type, groupId: monitoring.groupId },
  cloudflare: { name: edge.name, zones: edge.zones, accountId: edge.accountId },
  strongly: { name: costs.name, description: costs.description },
  zopnight: { name: nightly.name, createdBy: nightly.createdBy },
  topLevel: topLevel.name,
};

export const found = {
  ces: ces.getResourceGroup({ name: "shared-monitoring" }).then((g) => [g.id, g.type]),
  cloudflare: cloudflare.getResourceGroupOutput({ name: edge.name }).apply((g) => [g.id, g.zones]),
  strongly: strongly.getResourceGroup({ name: "SHARED-costs" }).then((g) => [g.id, g.description]),
  zopnight: zopnight.getResourceGroupOutput({ id: nightly.id }).apply((g) => [g.id, g.name]),
};
`;
}

beforeAll(async () => {
  env = await startE2eEmulator();
  await makeGroupsOutside();
  project = await PulumiProject.create("get-lookup", readingProgram(), env.emulator);
}, HOOK_TIMEOUT);
afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe("groups a program does not manage", () => {
  it(
    "are read by get() and found by the look-ups at every vendor, writing nothing",
    async () => {
      env.emulator.resetStats();
      await project.up();
      expect(env.emulator.stats().writes).toBe(0);
      const outputs = JSON.parse((await project.ok(["stack", "output", "--json"])).stdout) as Record<
        string,
        unknown
      >;
      expect(outputs).toEqual({
        got: {
          ces: { name: "shared-monitoring", type: "Manual", groupId: ids.ces },
          cloudflare: { name: "shared-edge", zones: [ZONE], accountId: CLOUDFLARE_ACCOUNT },
          strongly: { name: "shared-costs", description: "Shared platform" },
          zopnight: { name: "shared-nightly", createdBy: expect.any(String) as unknown },
          topLevel: "shared-monitoring",
        },
        found: {
          ces: [ids.ces, "Manual"],
          cloudflare: [ids.cloudflare, [ZONE]],
          strongly: [ids.strongly, "Shared platform"],
          zopnight: [ids.zopnight, "shared-nightly"],
        },
      });
      await project.ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "are left in place by destroy: a stack of got resources deletes nothing at any vendor",
    async () => {
      env.emulator.resetStats();
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect(env.emulator.stats().writes).toBe(0);
      expect(await getGroup(env, ids.ces)).toMatchObject({ group_name: "shared-monitoring" });
      expect((await env.cloudflareApi("GET", CLOUDFLARE_ACCOUNT, `/${ids.cloudflare}`)).status).toBe(200);
      expect((await new StronglyClient(env.emulator).show(ids.strongly)).status).toBe(200);
      expect((await new ZopNightClient(env.emulator).show(ids.zopnight)).status).toBe(200);
    },
    TEST_TIMEOUT,
  );

  it(
    "fail clearly when missing: a get names the kind, the id and the vendor",
    async () => {
      const missing = "rg0000000000000000000000";
      project.writeProgram(`import { ces } from "pulumi-resource-groups";
export const name = ces.ResourceGroup.get("gone", "${missing}").name;
`);
      const up = await project.fails(["up", "--yes", "--skip-preview"]);
      expect(up.output).toContain(
        `ces.ResourceGroup.get('${missing}'): CES holds no such object in project ${PROJECT}. ` +
          "get() reads an existing object and creates none: check the id",
      );
      expect(ofType(await project.resources(), TYPES.group)).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

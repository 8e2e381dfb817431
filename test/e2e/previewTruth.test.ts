/**
 * A preview fails where `up` would: through the real CLI, a program with groups at all four vendors
 * previews clean with every setting given, fails naming the setting when a vendor's credential or
 * endpoint is missing (the message `up` gives), and makes no API call unless asked to; with
 * `resourcegroups:verifyCredentials` it proves each credential with one read per vendor and refuses
 * a wrong one before anything is created.
 */
import { TYPES, ofType } from "./support/project";
import { useProject } from "./support/suite";

const TEST_TIMEOUT = 5 * 60 * 1000;
const zone = (i: number) => i.toString(16).padStart(32, "0");

const PROGRAM = `import { ces, cloudflare, strongly, zopnight } from "pulumi-resource-groups";

const web = new ces.ResourceGroup("web", { name: "web" });
new ces.GroupMember("web-1", {
  groupId: web.groupId,
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: "i-web-1" }],
});
new cloudflare.ResourceGroup("edge", { name: "edge", zones: ["${zone(1)}"] });
new strongly.ResourceGroup("costs", { name: "costs" });
new zopnight.ResourceGroup("orders", { name: "orders" });
`;

const suite = useProject("preview-truth", PROGRAM);

/** Runs `work` with one stack setting removed, then sets it back as it was. */
async function without<T>(key: string, secret: boolean, work: () => Promise<T>): Promise<T> {
  const { project } = suite;
  const value = (await project.ok(["config", "get", key])).stdout.trim();
  await project.ok(["config", "rm", key]);
  try {
    return await work();
  } finally {
    await project.ok(["config", "set", ...(secret ? ["--secret"] : []), key, value]);
  }
}

describe("preview checks every setting a resource will need", () => {
  test(
    "with every setting given, a preview passes and calls no API",
    async () => {
      const { project, env } = suite;
      env.emulator.resetStats();
      const preview = await project.ok(["preview"]);
      expect(preview.output).toMatch(/\+ 6 to create|6 to create/);
      expect(env.emulator.stats().total).toBe(0);
    },
    TEST_TIMEOUT,
  );

  test.each([
    [
      "resourcegroups:token",
      TYPES.group,
      "Missing CES provider setting(s): token: set stack config 'resourcegroups:token' (pulumi config set --secret resourcegroups:token <value>) or environment variable RESOURCEGROUPS_TOKEN",
    ],
    [
      "resourcegroups:stronglyApiKey",
      TYPES.stronglyGroup,
      "Missing Strongly provider setting(s): stronglyApiKey: set stack config 'resourcegroups:stronglyApiKey' (pulumi config set --secret resourcegroups:stronglyApiKey <value>) or environment variable RESOURCEGROUPS_STRONGLY_API_KEY",
    ],
    [
      "resourcegroups:zopnightToken",
      TYPES.zopnightGroup,
      "Missing ZopNight provider setting(s): zopnightToken: set stack config 'resourcegroups:zopnightToken' (pulumi config set --secret resourcegroups:zopnightToken <value>) or environment variable RESOURCEGROUPS_ZOPNIGHT_TOKEN",
    ],
    [
      "resourcegroups:cloudflareApiToken",
      TYPES.cloudflareGroup,
      "Missing Cloudflare provider setting(s): cloudflareApiToken: set stack config 'resourcegroups:cloudflareApiToken' (pulumi config set --secret resourcegroups:cloudflareApiToken <value>) or environment variable RESOURCEGROUPS_CLOUDFLARE_API_TOKEN or CLOUDFLARE_API_TOKEN",
    ],
  ])(
    "without %s, preview fails with the message up gives",
    async (key, type, message) => {
      const { project } = suite;
      // What an earlier case's up created at the other vendors goes first.
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      await without(key, true, async () => {
        const preview = await project.fails(["preview"]);
        expect(preview.output).toContain(message);
        const up = await project.fails(["up", "--yes", "--skip-preview"]);
        expect(up.output).toContain(message);
      });
      // The other vendors' resources may go ahead; none of this vendor's is created.
      expect(ofType(await project.resources(), type)).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  test(
    "without the CES endpoint, preview fails naming it",
    async () => {
      const { project } = suite;
      await without("resourcegroups:endpoint", false, async () => {
        const preview = await project.fails(["preview"]);
        expect(preview.output).toContain(
          "Missing CES provider setting(s): endpoint: set stack config 'resourcegroups:endpoint' (pulumi config set resourcegroups:endpoint <value>) or environment variable RESOURCEGROUPS_ENDPOINT",
        );
      });
    },
    TEST_TIMEOUT,
  );
});

describe("resourcegroups:verifyCredentials", () => {
  test(
    "proves each vendor's credential with one read, and refuses a wrong one at preview",
    async () => {
      const { project, env } = suite;
      await project.ok(["config", "set", "resourcegroups:verifyCredentials", "true"]);
      env.emulator.resetStats();
      await project.ok(["preview"]);
      const reads = env.emulator.stats();
      expect(reads.writes).toBe(0);
      // One read per vendor: CES, Cloudflare, Strongly and ZopNight.
      expect(reads.total).toBe(4);

      const key = (await project.ok(["config", "get", "resourcegroups:stronglyApiKey"])).stdout.trim();
      await project.ok(["config", "set", "--secret", "resourcegroups:stronglyApiKey", "not-the-key"]);
      const preview = await project.fails(["preview"]);
      expect(preview.output).toMatch(/Strongly[^\n]*(401|authenticat|API key)/i);
      expect(preview.output).toContain("resourcegroups:stronglyApiKey");
      await project.ok(["config", "set", "--secret", "resourcegroups:stronglyApiKey", key]);
      await project.ok(["config", "rm", "resourcegroups:verifyCredentials"]);
    },
    TEST_TIMEOUT,
  );
});

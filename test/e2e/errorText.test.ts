/**
 * What a pipeline log shows when something fails, through the real CLI: the exact text of each class of
 * error (an API's 401 at create, refresh and destroy, a 403, a name clash, a connection refused, a bad
 * list entry at preview, the `import` option, a look-up that finds nothing), each said once, with no stack trace and no prefix said
 * twice. The CLI itself prints a failed step's message on its progress line and again under
 * "Diagnostics"; within Diagnostics every message must appear once, and no line may repeat itself.
 */
import { startE2eEmulator, type TestEmulator } from "./support/emulator";
import { HOOK_TIMEOUT } from "./support/suite";
import { PulumiProject, named, type CommandResult } from "./support/project";

const TEST_TIMEOUT = 10 * 60 * 1000;
const READ_ONLY_CES = "read-only-ces-token";

let env: TestEmulator;
let project: PulumiProject;
let url: string;

beforeAll(async () => {
  env = await startE2eEmulator({ readOnlyTokens: { ces: READ_ONLY_CES } });
  url = env.emulator.url;
  project = await PulumiProject.create("error-text", "", env.emulator);
  // The CES token comes from the environment, as in a pipeline, so each command can give another one.
  await project.ok(["config", "rm", "resourcegroups:token"]);
}, HOOK_TIMEOUT);
afterAll(async () => {
  await project?.run(["destroy", "--yes", "--skip-preview"], {
    RESOURCEGROUPS_TOKEN: env?.emulator.tokens.ces,
  });
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

const token = (value: string) => ({ RESOURCEGROUPS_TOKEN: value });
const goodToken = () => token(env.emulator.tokens.ces);
const BAD_TOKEN = token("not-a-valid-token");

const CES_CREDENTIAL =
  "stack config 'resourcegroups:token' (pulumi config set --secret resourcegroups:token <value>) or environment variable RESOURCEGROUPS_TOKEN";
const CES_401 = `the CES API at {url} answered HTTP 401 ces.0015: The token is not valid (send it in the X-Auth-Token header) (request id <id>). Check the credential: ${CES_CREDENTIAL}`;

/** The output with what changes from run to run (request ids, the emulator's URL) made constant. */
function normalized(result: CommandResult): string {
  return result.output
    .split(url)
    .join("{url}")
    .replace(/request id [0-9a-f]+/g, "request id <id>");
}

/** The lines under "Diagnostics:", up to the resource summary. */
function diagnostics(output: string): string[] {
  const section = output.split(/^Diagnostics:$/m)[1] ?? "";
  return (section.split(/^(?:Resources|Outputs):$/m)[0] ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("error:"));
}

/** Three words in a row that come back later in the same line: a prefix or a message said twice. */
function repeatedRun(line: string): string | undefined {
  const words = line.split(/\s+/).map((word) => word.replace(/[.:,;]+$/, ""));
  const seen = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) {
    const run = words.slice(i, i + 3).join(" ");
    if (seen.has(run)) return run;
    seen.add(run);
  }
  return undefined;
}

/** The failed command printed `expected` as the error of a resource, once, cleanly. */
function expectError(result: CommandResult, expected: string): void {
  expect(result.code).not.toBe(0);
  const output = normalized(result);
  expect(output).not.toMatch(/^\s+at /m);
  const errors = diagnostics(output);
  expect(errors).toContain(`error: ${expected}`);
  expect(errors.filter((line, i) => errors.indexOf(line) !== i)).toEqual([]);
  expect(errors.map((line) => ({ line, repeats: repeatedRun(line) }))).toEqual(
    errors.map((line) => ({ line, repeats: undefined })),
  );
}

const cesGroupWithMember = `import { ces } from "pulumi-resource-groups";
const web = new ces.ResourceGroup("web", { name: "errors-web" });
new ces.GroupMember("m1", { groupId: web.groupId, namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-1" }] });
`;

describe("API errors", () => {
  test(
    "a 401 at create, refresh and destroy: what was done, to which group, at which API, what it said, which setting",
    async () => {
      project.writeProgram(cesGroupWithMember);
      const create = await project.run(["up", "--yes", "--skip-preview"], BAD_TOKEN);
      expectError(create, `create resource group 'errors-web' failed: ${CES_401}`);

      await project.ok(["up", "--yes", "--skip-preview"], goodToken());
      const groupId = named(await project.resources(), "web").id as string;

      const refresh = await project.run(["refresh", "--yes", "--skip-preview"], BAD_TOKEN);
      expectError(refresh, `read resource group ${groupId} failed: ${CES_401}`);
      expectError(refresh, `read members of resource group ${groupId} failed: ${CES_401}`);

      // One member: the batch names it, and the member's own prefix is not said again.
      const destroy = await project.run(["destroy", "--yes", "--skip-preview"], BAD_TOKEN);
      expectError(
        destroy,
        `remove member SYS.ECS:instance_id=i-1 from resource group ${groupId} failed: ${CES_401}`,
      );
      await project.ok(["destroy", "--yes", "--skip-preview"], goodToken());
    },
    TEST_TIMEOUT,
  );

  test(
    "a 403 names the credential to change",
    async () => {
      project.writeProgram(`import { ces } from "pulumi-resource-groups";
new ces.ResourceGroup("ro", { name: "errors-read-only" });
`);
      const result = await project.run(["up", "--yes", "--skip-preview"], token(READ_ONLY_CES));
      expectError(
        result,
        "create resource group 'errors-read-only' failed: the CES API at {url} answered HTTP 403 ces.0017: " +
          "The read-only token cannot call POST /v2/test-project/resource-groups (request id <id>). The credential is valid but lacks permission for this " +
          `call: use one that has it (${CES_CREDENTIAL})`,
      );
    },
    TEST_TIMEOUT,
  );

  test(
    "a name taken at the vendor points to adopt",
    async () => {
      const made = await env.call<{ data: { id: string } }>(
        "POST",
        "/api/resource-groups",
        { name: "errors-taken" },
        { Authorization: `Bearer ${env.emulator.tokens.zopnight}` },
      );
      expect(made.status).toBe(201);
      project.writeProgram(`import { zopnight } from "pulumi-resource-groups";
new zopnight.ResourceGroup("taken", { name: "errors-taken" });
`);
      const result = await project.run(["up", "--yes", "--skip-preview"], goodToken());
      expectError(
        result,
        `name: a ZopNight resource group named 'errors-taken' already exists (${made.body.data.id}); names are ` +
          "unique ignoring case. To manage the existing group from this stack, set `adopt: true` on the " +
          "ResourceGroup: its name and description are then set to the declaration and `pulumi destroy` " +
          "deletes it like any other resource.",
      );
    },
    TEST_TIMEOUT,
  );
});

describe("errors before any answer", () => {
  test(
    "a refused connection names the URL and the endpoint setting",
    async () => {
      await project.ok([
        "config",
        "set-all",
        "--plaintext",
        "resourcegroups:stronglyEndpoint=http://127.0.0.1:9",
        "--plaintext",
        "resourcegroups:maxRetries=0",
      ]);
      project.writeProgram(`import { strongly } from "pulumi-resource-groups";
new strongly.ResourceGroup("nowhere", { name: "errors-nowhere" });
`);
      const result = await project.run(["up", "--yes", "--skip-preview"], goodToken());
      await project.ok([
        "config",
        "set-all",
        "--plaintext",
        `resourcegroups:stronglyEndpoint=${url}`,
        "--plaintext",
        "resourcegroups:maxRetries=4",
      ]);
      expectError(
        result,
        "create resource group 'errors-nowhere' failed: no answer from the Strongly API at http://127.0.0.1:9 " +
          "(connect ECONNREFUSED 127.0.0.1:9). Check the endpoint: stack config 'resourcegroups:stronglyEndpoint' " +
          "(pulumi config set resourcegroups:stronglyEndpoint <value>) or environment variable " +
          "RESOURCEGROUPS_STRONGLY_ENDPOINT",
      );
    },
    TEST_TIMEOUT,
  );

  test(
    "a bad list entry at preview is reported under its argument, naming the entry",
    async () => {
      const [a, b] = ["a".repeat(32), "b".repeat(32)];
      project.writeProgram(`import { cloudflare } from "pulumi-resource-groups";
new cloudflare.ResourceGroup("edge", { name: "errors-edge", zones: ["${a}", "${b}", "nope"] });
`);
      const result = await project.run(["preview"], goodToken());
      expectError(
        result,
        "pulumi-nodejs:dynamic/resourcegroups/cloudflare:ResourceGroup resource 'edge': property zones value " +
          `{[{${a}} {${b}} {nope}]} has a problem: zones[2]: zone id must be 32 lowercase hexadecimal characters`,
      );
    },
    TEST_TIMEOUT,
  );

  test(
    "a look-up that finds nothing ends the program with its message alone",
    async () => {
      project.writeProgram(`import { ces } from "pulumi-resource-groups";
export const found = ces.getResourceGroupOutput({ name: "errors-nowhere" }).apply((g) => g.id);
`);
      const result = await project.run(["preview"], goodToken());
      expectError(
        result,
        "ces.getResourceGroup: CES has no resource group named 'errors-nowhere' in project test-project",
      );
    },
    TEST_TIMEOUT,
  );

  test(
    "the import option fails at once and points to adopt",
    async () => {
      project.writeProgram(`import { ces } from "pulumi-resource-groups";
new ces.ResourceGroup("imported", { name: "errors-imported" }, { import: "rg0123456789abcdefghijkl" });
`);
      const result = await project.run(["preview"], goodToken());
      expectError(
        result,
        'import "rg0123456789abcdefghijkl": the import resource option (and pulumi import) cannot work for ' +
          "pulumi-resource-groups, whose resources are served by a dynamic provider, which Pulumi cannot import " +
          "into. Remove the import option and take the object over instead: a ResourceGroup with adopt: true " +
          "takes over the group of its name, and a member its group already holds is taken over as it is " +
          '(README, "Taking over existing groups").',
      );
    },
    TEST_TIMEOUT,
  );
});

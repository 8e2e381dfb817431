/**
 * The API token, set with `pulumi config set --secret`, never shows in plain text: not in
 * `pulumi stack export` (run without --show-secrets), not in any file of the project or its
 * state backend, not in the output of any command run here, failed ones included, and not in
 * the `__provider` code Pulumi stores with each resource.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startE2eEmulator, type TestEmulator } from "./support/emulator";
import { group, member, program, tagRule } from "./support/programs";
import { PulumiProject, TYPES } from "./support/project";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;

const TOKEN = `e2e-secret-${randomBytes(16).toString("hex")}`;
const WRONG_TOKEN = `e2e-wrong-${randomBytes(16).toString("hex")}`;

const PROGRAM = program(
  group("tagged", { name: "secret-tagged", type: "TAG", tags: [{ key: "env", value: "prod" }] }),
  tagRule("owner", "tagged", "owner", "platform"),
  group("manual", { name: "secret-manual" }),
  member("member", "manual", "i-1"),
);

let env: TestEmulator;
let project: PulumiProject;

beforeAll(async () => {
  env = await startE2eEmulator({ token: TOKEN });
  project = await PulumiProject.create("secrets", PROGRAM, env.emulator);
}, HOOK_TIMEOUT);
afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

describe("the secret token", () => {
  it(
    "is stored encrypted and listed as [secret]",
    async () => {
      const stackConfig = readFileSync(join(project.dir, "Pulumi.e2e.yaml"), "utf8");
      expect(stackConfig).toMatch(/resourcegroups:token:\s+secure: /);
      const listed = await project.ok(["config"]);
      expect(listed.output).toMatch(/resourcegroups:token\s+\[secret\]/);
    },
    TEST_TIMEOUT,
  );

  it(
    "works for preview, up and refresh",
    async () => {
      await project.ok(["preview", "--diff"]);
      await project.up();
      await project.ok(["refresh", "--yes", "--skip-preview"]);
      await project.ok(["preview", "--diff", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "does not leak through API errors",
    async () => {
      // Every request fails, retries included, so the up reports the API's error.
      project.writeProgram(program(group("another", { name: "secret-another" })));
      env.emulator.setFaults({ failNext: 100, failNextStatus: 500 });
      const failed = await project.fails(["up", "--yes", "--skip-preview"]);
      env.emulator.setFaults({});
      expect(failed.output).toMatch(/HTTP 500/);
    },
    TEST_TIMEOUT,
  );

  it(
    "does not leak through authentication errors, which name the config key to fix",
    async () => {
      await project.ok(["config", "set", "--secret", "resourcegroups:token", WRONG_TOKEN]);
      const refused = await project.fails(["up", "--yes", "--skip-preview"]);
      expect(refused.output).toMatch(/HTTP 401/);
      expect(refused.output).toMatch(/resourcegroups:token/);
      await project.ok(["config", "set", "--secret", "resourcegroups:token", TOKEN]);
      project.writeProgram(PROGRAM);
      // An up, not just a preview: destroy configures the provider from the state, which the
      // failed up left holding the wrong token.
      const restored = await project.up();
      expect(restored.output).not.toMatch(/(created|updated|deleted|replaced)/);
    },
    TEST_TIMEOUT,
  );

  it(
    "is not in pulumi stack export, nor in any __provider",
    async () => {
      const { text, resources } = await project.exportState();
      expect(text).not.toContain(TOKEN);
      const ours = resources.filter((r) => (Object.values(TYPES) as string[]).includes(r.type));
      expect(ours).toHaveLength(4);
      for (const resource of ours) {
        for (const props of [resource.inputs, resource.outputs]) {
          const provider = props?.__provider;
          expect(typeof provider).toBe("string");
          // The stored provider only forwards to the installed package: no setting, no credential.
          expect(provider).toContain("pulumi-resource-groups/runtime");
          expect(provider).not.toContain(TOKEN);
          expect(provider).not.toContain(WRONG_TOKEN);
          expect(provider).not.toMatch(/X-Auth-Token/i);
        }
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "appears in no command output and no file of the project or its state",
    async () => {
      await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect(project.transcript.length).toBeGreaterThan(10);
      for (const command of project.transcript) {
        expect({ args: command.args, leaked: command.output.includes(TOKEN) }).toEqual({
          args: command.args,
          leaked: false,
        });
        expect({ args: command.args, leaked: command.output.includes(WRONG_TOKEN) }).toEqual({
          args: command.args,
          leaked: false,
        });
      }
      const files = filesUnder(project.dir);
      expect(files.some((f) => f.includes(".state"))).toBe(true);
      for (const file of files) {
        const content = readFileSync(file, "utf8");
        expect({ file, leaked: content.includes(TOKEN) || content.includes(WRONG_TOKEN) }).toEqual({
          file,
          leaked: false,
        });
      }
    },
    TEST_TIMEOUT,
  );
});

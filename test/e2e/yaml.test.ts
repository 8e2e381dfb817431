/**
 * A Pulumi YAML program, no SDK and no Node.js involved, driven through the sandbox's CLI: the YAML
 * language host the repository builds (tools/pulumi-language-yaml) lies next to every CLI it builds.
 * The program reads typed and secret config, computes variables with YAML's built-in functions and
 * exports them; the test checks what each step of its life leaves in the stack's outputs.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO, pulumiEnv } from "./support/pulumiEnv";

/** The first `pulumi` call may build the CLI and the YAML host. */
const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;
const STACK = "e2e";

/** The pulumi-yaml release tools/pulumi-language-yaml pins, as `pulumi about` lists it (no "v"). */
const YAML_HOST_VERSION = /github\.com\/pulumi\/pulumi-yaml v(\S+)/.exec(
  readFileSync(join(REPO, "tools", "pulumi-language-yaml", "go.mod"), "utf8"),
)?.[1];

const PROGRAM = `name: yaml-e2e
runtime: yaml
description: config, variables and outputs in Pulumi YAML
config:
  greeting:
    type: string
    default: hello
  zones:
    type: integer
  apiToken:
    type: string
    secret: true
variables:
  message: \${greeting}, \${pulumi.stack} of \${pulumi.project}
  regions:
    fn::split:
      - ","
      - eu-west-1,ap-southeast-1
  tokenInBase64:
    fn::toBase64: \${apiToken}
outputs:
  message: \${message}
  zones: \${zones}
  firstRegion:
    fn::select:
      - 0
      - \${regions}
  regions: \${regions}
  settings:
    fn::toJSON:
      greeting: \${greeting}
      zones: \${zones}
  tokenInBase64: \${tokenInBase64}
`;

interface Run {
  code: number;
  output: string;
  stdout: string;
}

let dir: string;
let env: NodeJS.ProcessEnv;

/** `pulumi <args>` in the project, with the sandbox's CLI and the project's own file backend. */
function pulumi(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", [...args, "--non-interactive"], {
      cwd: dir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, output, stdout }));
  });
}

/** Runs `pulumi <args>`, failing with its whole output unless it exits 0. */
async function ok(args: string[]): Promise<Run> {
  const run = await pulumi(args);
  if (run.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${run.code}:\n${run.output}`);
  // The host next to the CLI is the one the CLI takes: no "using pulumi-language-yaml from $PATH".
  expect(run.output).not.toContain("from $PATH");
  return run;
}

async function outputs(...flags: string[]): Promise<Record<string, unknown>> {
  return JSON.parse((await ok(["stack", "output", "--json", ...flags])).stdout) as Record<string, unknown>;
}

beforeAll(async () => {
  dir = join(REPO, ".cache", "e2e", `yaml-${randomBytes(4).toString("hex")}`);
  mkdirSync(join(dir, ".state"), { recursive: true });
  env = {
    ...pulumiEnv(),
    PULUMI_BACKEND_URL: `file://${join(dir, ".state")}`,
    PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
  };
  writeFileSync(join(dir, "Pulumi.yaml"), PROGRAM);
  await ok(["stack", "init", STACK]);
  await ok(["config", "set", "zones", "3"]);
  await ok(["config", "set", "--secret", "apiToken", "token-for-yaml"]);
}, HOOK_TIMEOUT);
afterAll(async () => {
  if (!dir) return;
  await pulumi(["destroy", "--yes", "--skip-preview"]);
  await pulumi(["stack", "rm", "--yes", "--force"]);
  rmSync(dir, { recursive: true, force: true });
}, HOOK_TIMEOUT);

describe("a Pulumi YAML program in the sandbox", () => {
  it(
    "runs on the YAML language host the repository builds",
    async () => {
      expect(YAML_HOST_VERSION).toBeDefined();
      const about = await ok(["about"]);
      // The plugins table: KIND NAME VERSION.
      const rows = about.output.split("\n").map((line) => line.trim().split(/\s+/).join(" "));
      expect(rows).toContain(`language yaml ${YAML_HOST_VERSION}`);
      expect(about.output).toContain("This project is written in yaml");
    },
    TEST_TIMEOUT,
  );

  it(
    "previews the stack it would create, then up sets every output",
    async () => {
      const preview = await ok(["preview"]);
      expect(preview.output).toMatch(/^\s*\+\s+pulumi:pulumi:Stack yaml-e2e-e2e create/m);

      await ok(["up", "--yes", "--skip-preview"]);
      expect(await outputs("--show-secrets")).toEqual({
        message: "hello, e2e of yaml-e2e",
        zones: 3,
        firstRegion: "eu-west-1",
        regions: ["eu-west-1", "ap-southeast-1"],
        settings: '{"greeting":"hello","zones":3}',
        tokenInBase64: Buffer.from("token-for-yaml").toString("base64"),
      });
      // Computed from a secret, so kept secret.
      expect((await outputs()).tokenInBase64).toBe("[secret]");
    },
    TEST_TIMEOUT,
  );

  it(
    "shows a config change in the preview, applies it with up, and then has nothing to change",
    async () => {
      await ok(["config", "set", "greeting", "welcome"]);
      const preview = await ok(["preview", "--diff"]);
      expect(preview.output).toContain("welcome, e2e of yaml-e2e");

      await ok(["up", "--yes", "--skip-preview"]);
      const after = await outputs();
      expect(after.message).toBe("welcome, e2e of yaml-e2e");
      expect(after.settings).toBe('{"greeting":"welcome","zones":3}');
      await ok(["preview", "--expect-no-changes"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "refuses to run without a required setting, naming it",
    async () => {
      await ok(["config", "rm", "zones"]);
      const preview = await pulumi(["preview"]);
      expect(preview.code).not.toBe(0);
      expect(preview.output).toContain(`Stack '${STACK}' is missing configuration value 'zones'`);
      await ok(["config", "set", "zones", "3"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "destroys the stack down to nothing",
    async () => {
      await ok(["destroy", "--yes", "--skip-preview"]);
      const exported = JSON.parse((await ok(["stack", "export"])).stdout) as {
        deployment: { resources?: unknown[] };
      };
      expect(exported.deployment.resources ?? []).toEqual([]);
      expect(await outputs()).toEqual({});
    },
    TEST_TIMEOUT,
  );
});

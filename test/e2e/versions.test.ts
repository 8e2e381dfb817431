/**
 * The Node.js, @pulumi/pulumi and Pulumi CLI a run of the suite really uses, seen from a stack: the
 * program reports the Node.js and the SDK it ran with, the state records the CLI that wrote it.
 * Expected are the repository's pins (package.json, CLI v3.248.0), or what scripts/test-on-node.sh
 * asks for on newer Node.js majors (RESOURCEGROUPS_PULUMI_SDK_VERSION, RESOURCEGROUPS_PULUMI_VERSION).
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { startE2eEmulator, type TestEmulator } from "./support/emulator";
import { PulumiProject } from "./support/project";
import { REPO, pulumiEnv } from "./support/pulumiEnv";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 5 * 60 * 1000;

/** The CLI version the sandbox pins when no other is asked for (scripts/pulumi-env.sh). */
const DEFAULT_CLI = "3.248.0";

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";

const sdk = require.resolve("@pulumi/pulumi/package.json");
export const node = process.version;
export const sdkVersion: string = require(sdk).version;
export const sdkPath = sdk;
// The SDK the provider package loads: a second copy would break its resources' serialization.
export const providerSdkPath = require.resolve("@pulumi/pulumi/package.json", {
  paths: [require.resolve("pulumi-resource-groups")],
});
export const stack = pulumi.getStack();
`;

interface Outputs {
  node: string;
  sdkVersion: string;
  sdkPath: string;
  providerSdkPath: string;
  stack: string;
}

function expectedSdk(): string {
  const asked = process.env.RESOURCEGROUPS_PULUMI_SDK_VERSION;
  if (asked) return asked;
  const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  return pkg.devDependencies["@pulumi/pulumi"] ?? "(not pinned in package.json)";
}

/**
 * The CLI version this run must use. Unset when nothing asks for one and the sandbox took a `pulumi`
 * the user installed (scripts/pulumi-env.sh only warns then): that CLI's version is the user's choice.
 */
function expectedCli(): string | undefined {
  const asked = process.env.RESOURCEGROUPS_PULUMI_VERSION;
  if (asked) return asked.replace(/^v/, "");
  const cli = pulumiEnv().PULUMI_ENV_CLI ?? "";
  return relative(join(REPO, ".cache"), cli).startsWith("..") ? undefined : DEFAULT_CLI;
}

let env: TestEmulator;
let project: PulumiProject;
let outputs: Outputs;
let cliInState: string | undefined;

beforeAll(async () => {
  env = await startE2eEmulator();
  project = await PulumiProject.create("versions", PROGRAM, env.emulator);
  await project.up();
  outputs = JSON.parse((await project.ok(["stack", "output", "--json"])).stdout) as Outputs;
  const exported = JSON.parse((await project.exportState()).text) as {
    deployment: { manifest?: { version?: string } };
  };
  cliInState = exported.deployment.manifest?.version;
}, HOOK_TIMEOUT);
afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe("the versions a stack runs with", () => {
  it("runs the program on the Node.js that runs the tests", () => {
    expect(outputs.stack).toBe("e2e");
    expect(outputs.node).toBe(process.version);
  });

  it("loads the expected @pulumi/pulumi, one copy for the program and the provider", () => {
    expect(outputs.sdkVersion).toBe(expectedSdk());
    expect(outputs.providerSdkPath).toBe(outputs.sdkPath);
  });

  const cli = expectedCli();
  (cli ? it : it.skip)(
    `is deployed by Pulumi CLI v${cli ?? "(the user's own)"}`,
    async () => {
      const reported = await project.ok(["version"]);
      expect(reported.stdout.trim()).toBe(`v${cli}`);
      expect(cliInState).toBe(`v${cli}`);
    },
    TEST_TIMEOUT,
  );
});

/**
 * The credential of every vendor, each unique here, never shows: not in `pulumi up -v=9 --logtostderr`
 * (the engine's most verbose log, which prints every RPC), not in the output of failed updates (API
 * errors and a provider that dies), and not in `pulumi stack export`. With credentials in secret stack
 * config, the engine itself prints them at -v=9 where it logs a provider's configuration; the test pins
 * that down to those engine lines, so nothing the provider writes holds a credential either way.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { startE2eEmulator, type TestEmulator } from "./support/emulator";
import { PulumiProject } from "./support/project";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 10 * 60 * 1000;

const TOKENS = {
  ces: `ces-secret-${randomBytes(12).toString("hex")}`,
  cloudflare: `cf-secret-${randomBytes(12).toString("hex")}`,
  strongly: `sk-secret-${randomBytes(12).toString("hex")}`,
  zopnight: `zn-secret-${randomBytes(12).toString("hex")}`,
};

const program = (
  suffix: string,
) => `import { ces, cloudflare, strongly, zopnight } from "pulumi-resource-groups";

new ces.ResourceGroup("ces", { name: "cred-ces${suffix}" });
new cloudflare.ResourceGroup("cf", { name: "cred cf${suffix}", zones: ["${"0".repeat(31)}1"] });
new strongly.ResourceGroup("st", { name: "cred-st${suffix}" });
new zopnight.ResourceGroup("zn", { name: "cred-zn${suffix}" });
`;

let env: TestEmulator;
let project: PulumiProject;

beforeAll(async () => {
  env = await startE2eEmulator({ tokens: TOKENS });
  project = await PulumiProject.create("credentials", program(""), env.emulator);
}, HOOK_TIMEOUT);
afterAll(async () => {
  await project?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

function expectNoCredential(text: string): void {
  for (const [vendor, token] of Object.entries(TOKENS)) {
    expect({ vendor, leaked: text.includes(token) }).toEqual({ vendor, leaked: false });
  }
}

/** The lines of a log that hold any of the credentials. */
function linesWithCredentials(text: string): string[] {
  return text.split("\n").filter((line) => Object.values(TOKENS).some((token) => line.includes(token)));
}

/** Credentials as CI systems give them: environment variables, never seen by the engine. */
const CREDENTIALS_ENV = {
  RESOURCEGROUPS_TOKEN: TOKENS.ces,
  RESOURCEGROUPS_CLOUDFLARE_API_TOKEN: TOKENS.cloudflare,
  RESOURCEGROUPS_STRONGLY_API_KEY: TOKENS.strongly,
  RESOURCEGROUPS_ZOPNIGHT_TOKEN: TOKENS.zopnight,
};
const SECRET_KEYS = [
  "resourcegroups:token",
  "resourcegroups:cloudflareApiToken",
  "resourcegroups:stronglyApiKey",
  "resourcegroups:zopnightToken",
];

describe("credentials in environment variables", () => {
  beforeAll(async () => {
    await project.ok(["config", "rm-all", ...SECRET_KEYS]);
  }, HOOK_TIMEOUT);

  test(
    "pulumi up -v=9 --logtostderr prints no credential",
    async () => {
      const up = await project.ok(
        ["up", "--yes", "--skip-preview", "-v=9", "--logtostderr"],
        CREDENTIALS_ENV,
      );
      // The log is the verbose one: it shows the provider's RPCs, so the check below means something.
      expect(up.output.length).toBeGreaterThan(100_000);
      expect(up.output).toMatch(/resourcegroups:ResourceGroup/);
      expectNoCredential(up.output);
    },
    TEST_TIMEOUT,
  );

  test(
    "failed updates print no credential: API errors, then a provider that dies",
    async () => {
      project.writeProgram(program("-2"));
      env.emulator.setFaults({ failNext: 1000, failNextStatus: 500 });
      const verbose = ["up", "--yes", "--skip-preview", "-v=9", "--logtostderr"];
      const failed = await project.fails(verbose, CREDENTIALS_ENV);
      env.emulator.setFaults({});
      expect(failed.output).toMatch(/HTTP 500/);
      expectNoCredential(failed.output);

      // The provider dies of an uncaught exception mid-update: its crash report is clean too.
      env.emulator.setFaults({ latencyMs: 3000 });
      const crashed = await project.fails(verbose, {
        ...CREDENTIALS_ENV,
        NODE_OPTIONS: `--require=${join(__dirname, "support", "crashSoon.js")}`,
      });
      env.emulator.setFaults({});
      expect(crashed.output).toMatch(/simulated crash/);
      expectNoCredential(crashed.output);
    },
    TEST_TIMEOUT,
  );

  test(
    "pulumi stack export and every command's output hold no credential",
    async () => {
      project.writeProgram(program(""));
      await project.ok(["up", "--yes", "--skip-preview"], CREDENTIALS_ENV);
      expectNoCredential((await project.exportState()).text);
      expectNoCredential(project.transcript.map((c) => c.output).join("\n"));
    },
    TEST_TIMEOUT,
  );
});

describe("credentials in secret stack config", () => {
  beforeAll(async () => {
    await project.ok([
      "config",
      "set-all",
      ...SECRET_KEYS.flatMap((key, i) => ["--secret", `${key}=${Object.values(TOKENS)[i] ?? ""}`]),
    ]);
  }, HOOK_TIMEOUT);

  test(
    "reach -v=9 output only where the engine logs the provider's configuration, never from the provider",
    async () => {
      project.writeProgram(program("-3"));
      const up = await project.ok(["up", "--yes", "--skip-preview", "-v=9", "--logtostderr"]);
      expectNoCredential((await project.exportState()).text);
      // Pulumi CLI 3.248 filters its log lines before formatting them, so a secret config value passed
      // to a provider's CheckConfig or Configure is printed (README, "State and credentials").
      const lines = linesWithCredentials(up.output);
      for (const line of lines) {
        expect(line).toMatch(/^\{"time":"[^"]+","level":"INFO","msg":/);
        expect(line).toMatch(
          /pulumi:providers:pulumi-nodejs::default|Provider\[[^\]]*\]\.(CheckConfig|Configure|DiffConfig)\(/,
        );
      }
    },
    TEST_TIMEOUT,
  );
});

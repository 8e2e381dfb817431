/**
 * The pipeline of examples/pipeline, run here the way its GitHub Actions workflow runs it: the exact
 * pulumi commands of the workflow (checked against the file), provider settings only from the
 * RESOURCEGROUPS_* environment variables (no stack config), no PULUMI_SKIP_CONFIRMATIONS, and the exit
 * codes docs/pipeline.md documents: 0 for success, 1 for a mandatory policy violation, 7 for
 * `--expect-no-changes` with changes, 2 for `up` without `--yes` in non-interactive mode.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import type { WireGroup } from "../support/emulator";
import { PulumiProject, STACK, type CommandResult } from "./support/project";
import { REPO } from "./support/pulumiEnv";

const EXAMPLE = join(REPO, "examples", "pipeline");
const WORKFLOW = join(EXAMPLE, ".github", "workflows", "resource-groups.yml");
const PROJECT_ID = "pipeline-project";
const MINUTES = 60 * 1000;

const POLICY = "--policy-pack policy --policy-pack-config policy-config.json";
/** The workflow's commands, word for word. */
const COMMANDS = {
  select: 'pulumi stack select "$PULUMI_STACK"',
  preview: `pulumi preview --non-interactive --diff --refresh ${POLICY}`,
  deploy: `pulumi up --yes --non-interactive --diff --refresh ${POLICY}`,
  drift: `pulumi preview --non-interactive --diff --refresh --expect-no-changes ${POLICY}`,
};

/** A workflow command as arguments here: the repository's pack, the example's config, the test stack. */
function args(command: string): string[] {
  const replacements: Record<string, string> = {
    policy: join(REPO, "policy"),
    "policy-config.json": join(EXAMPLE, "policy-config.json"),
    '"$PULUMI_STACK"': STACK,
  };
  return command
    .split(" ")
    .slice(1)
    .map((word) => replacements[word] ?? word);
}

const program = readFileSync(join(EXAMPLE, "index.ts"), "utf8");

let emulator: RunningEmulator;
let project: PulumiProject;
/** What a runner would have in its environment (the workflow's `env:`). */
let ci: NodeJS.ProcessEnv;
const outputs: string[] = [];

async function run(command: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  const result = await project.run(args(command), { ...ci, ...extraEnv });
  outputs.push(result.output);
  return result;
}

function expectExit(result: CommandResult, code: number): void {
  if (result.code !== code) {
    throw new Error(`expected exit ${code}, got ${result.code}:\n${result.output}`);
  }
}

/** The vendor API, called directly as someone changing things outside Pulumi would. */
async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/v2/${PROJECT_ID}/resource-groups${path}`, {
    method,
    headers: { "X-Auth-Token": emulator.token, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function group(name: string): Promise<WireGroup> {
  const listed = await api<{ resource_groups: { group_id: string; group_name: string }[] }>(
    "GET",
    `?group_name=${name}`,
  );
  const found = listed.resource_groups.find((g) => g.group_name === name);
  if (!found) throw new Error(`no group named ${name}`);
  return api<WireGroup>("GET", `/${found.group_id}`);
}

beforeAll(async () => {
  // A token that would stand out in any log or state file.
  const token = `ci-secret-${randomBytes(12).toString("hex")}`;
  emulator = await startEmulator({ port: 0, db: ":memory:", token });
  ci = {
    RESOURCEGROUPS_ENDPOINT: emulator.url,
    RESOURCEGROUPS_PROJECT_ID: PROJECT_ID,
    RESOURCEGROUPS_TOKEN: token,
    // Set by scripts/pulumi-env.sh for local use; a CI runner does not have it.
    PULUMI_SKIP_CONFIRMATIONS: "",
  };
  project = await PulumiProject.create("pipeline", program, emulator);
  // The harness configures the stack for the emulator; the pipeline's stack has none of that.
  const configured = JSON.parse((await project.ok(["config", "--json"])).stdout) as Record<string, unknown>;
  await project.ok(["config", "rm-all", ...Object.keys(configured)]);
}, 10 * MINUTES);

afterAll(async () => {
  if (project) {
    await project.run(["destroy", "--yes", "--skip-preview"], ci);
    await project.dispose();
  }
  await emulator?.close();
}, 5 * MINUTES);

describe("the pipeline of examples/pipeline", () => {
  it("the workflow runs these commands, with settings and secrets from the environment", async () => {
    const workflow = readFileSync(WORKFLOW, "utf8");
    for (const command of Object.values(COMMANDS)) {
      expect(workflow).toContain(command);
    }
    for (const line of [
      "RESOURCEGROUPS_ENDPOINT: ${{ vars.RESOURCEGROUPS_ENDPOINT }}",
      "RESOURCEGROUPS_PROJECT_ID: ${{ vars.RESOURCEGROUPS_PROJECT_ID }}",
      "RESOURCEGROUPS_TOKEN: ${{ secrets.RESOURCEGROUPS_TOKEN }}",
      "PULUMI_CONFIG_PASSPHRASE: ${{ secrets.PULUMI_CONFIG_PASSPHRASE }}",
    ]) {
      expect(workflow).toContain(line);
    }
    const config = await project.ok(["config", "--json"]);
    expect(JSON.parse(config.stdout)).toEqual({});
  });

  it(
    "pull request: the preview passes the policy pack, shows the remediation and writes nothing",
    async () => {
      expectExit(await run(COMMANDS.select), 0);
      const preview = await run(COMMANDS.preview);
      expectExit(preview, 0);
      expect(preview.output).toMatch(/\+ 5 to create/);
      expect(preview.output).toContain("[remediate]  resource-groups-default-tags");
      expect(emulator.stats().writes).toBe(0);
    },
    5 * MINUTES,
  );

  it(
    "pull request with a mandatory violation: the preview exits 1",
    async () => {
      project.writeProgram(program.replace('{ key: "env", value: "prod" }', '{ key: "env", value: "qa" }'));
      try {
        const preview = await run(COMMANDS.preview);
        expectExit(preview, 1);
        expect(preview.output).toContain(
          "[mandatory] [severity: medium]  resource-groups-allowed-tag-values",
        );
        expect(preview.output).toContain(
          "ResourceGroup 'production' field tags[0] (key 'env') has value 'qa'",
        );
      } finally {
        project.writeProgram(program);
      }
    },
    5 * MINUTES,
  );

  it(
    "main: up deploys with the settings from the environment, remediated tags included",
    async () => {
      expectExit(await run(COMMANDS.deploy), 0);
      const production = await group("production");
      expect(production.tags).toEqual(
        expect.arrayContaining([
          { key: "env", value: "prod" },
          { key: "cost-center", value: "cc-1042" },
          { key: "owner", value: "platform-team" },
          { key: "team", value: "payments" },
        ]),
      );
      expect((await group("web-servers")).type).toBe("Manual");
    },
    5 * MINUTES,
  );

  it(
    "drift check: 0 in sync, 7 after a change outside Pulumi (unseen without --refresh), 0 again after up",
    async () => {
      expectExit(await run(COMMANDS.drift), 0);

      const production = await group("production");
      await api("PUT", `/${production.group_id}`, {
        group_name: production.group_name,
        tags: production.tags.map((tag) => (tag.key === "env" ? { key: "env", value: "staging" } : tag)),
      });

      const drift = await run(COMMANDS.drift);
      expectExit(drift, 7);
      expect(drift.output).toContain("error: no changes were expected for preview but changes were proposed");
      expect(drift.output).toMatch(/~ pulumi-nodejs:dynamic\/resourcegroups:ResourceGroup: \(update\)/);
      // The refresh part of the diff shows what changed outside Pulumi.
      expect(drift.output).toContain('~ value: "prod" => "staging"');
      // The preview changed nothing, not even the state: without --refresh the drift goes unseen.
      expect((await group("production")).tags).toContainEqual({ key: "env", value: "staging" });
      expectExit(await run(COMMANDS.drift.replace(" --refresh", "")), 0);

      const deploy = await run(COMMANDS.deploy);
      expectExit(deploy, 0);
      // groupId is the group's resource id, known while the group is updated: the preview plans one
      // update and no replacement of the group's TagRule, and the update touches only the group.
      expect(deploy.output).toMatch(/~ 1 to update/);
      expect(deploy.output).not.toMatch(/to replace/);
      expect(deploy.output).toMatch(/~ 1 updated\n\s+4 unchanged/);
      expect((await group("production")).tags).toContainEqual({ key: "env", value: "prod" });
      expectExit(await run(COMMANDS.drift), 0);
    },
    5 * MINUTES,
  );

  it("up without --yes in non-interactive mode exits 2 and changes nothing", async () => {
    emulator.resetStats();
    const up = await run("pulumi up --non-interactive");
    expectExit(up, 2);
    expect(up.output).toContain("--yes or --skip-preview or --preview-only must be passed in");
    expect(emulator.stats().total).toBe(0);
  });

  it("the token appears in no command output and not in the state", async () => {
    const state = await project.ok(["stack", "export", "--show-secrets"]);
    expect(outputs.length).toBeGreaterThan(5);
    for (const text of [...outputs, state.stdout]) {
      expect(text).not.toContain(emulator.token);
    }
  });
});

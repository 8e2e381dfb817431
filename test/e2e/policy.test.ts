/**
 * The policy pack (policy/) with the real engine: `pulumi preview` / `pulumi up --policy-pack` against the
 * emulator. What each command reports (resource and policy names, levels), its exit code, what a
 * `--policy-pack-config` file changes, what a remediation leaves in the state and in the cloud, and that
 * mandatory violations stop `up` before it writes anything.
 *
 * The violations program is examples/policy-violations/index.ts itself, with its policy-config.json,
 * so the example stays runnable; the other programs are small variations of it.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { startTestEmulator, type TestEmulator, type WireGroup } from "../support/emulator";
import { PulumiProject, type CommandResult } from "./support/project";
import { REPO } from "./support/pulumiEnv";

const PACK = join(REPO, "policy");
const EXAMPLE = join(REPO, "examples", "policy-violations");
const EXAMPLE_CONFIG = join(EXAMPLE, "policy-config.json");
/** A type token of this provider: `...resourcegroups:ResourceGroup`, `...resourcegroups/cloudflare:GroupMember`. */
const TYPE_TOKEN = /^pulumi-nodejs:dynamic\/resourcegroups(?:\/(\w+))?:(\w+)$/;
const MINUTES = 60 * 1000;

/** One entry of the "Policies:" block that `pulumi preview` / `pulumi up` print at the end. */
interface Reported {
  level: string;
  policy: string;
  /**
   * "ResourceGroup", "GroupMember" or "TagRule" for CES, "<vendor>:ResourceGroup" and so on for the other
   * vendors; undefined for summary lines such as "(1 resource)".
   */
  type?: string;
  /** The resource's Pulumi name. */
  name?: string;
  /** What the policy said (after its description line). */
  message: string;
}

const ENTRY = /^\s+- \[(\w+)\](?: \[severity: \w+\])?\s+(\S+)\s+\((.*)\)\s*$/;

/** Parses the "Policies:" block of the CLI's output, the way a reader of a CI log sees it. */
function policiesReported(output: string): Reported[] {
  const lines = output.split("\n");
  const start = lines.findIndex((line) => line === "Policies:");
  if (start < 0) return [];
  const entries: (Reported & { lines: string[] })[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "" || !line.startsWith(" ")) break;
    const match = ENTRY.exec(line);
    if (match) {
      const [, level = "", policy = "", subject = ""] = match;
      const resource = /^(\S+): (\S+)$/.exec(subject);
      const token = TYPE_TOKEN.exec(resource?.[1] ?? "");
      entries.push({
        level,
        policy,
        ...(token
          ? { type: token[1] ? `${token[1]}:${token[2] ?? ""}` : token[2], name: resource?.[2] }
          : {}),
        message: "",
        lines: [],
      });
    } else if (entries.length > 0 && /^\s{10}\S/.test(line)) {
      entries[entries.length - 1]?.lines.push(line.trim());
    }
  }
  // The first line under an entry is the policy's description, the rest its message.
  return entries.map(({ lines: text, ...entry }) => ({ ...entry, message: text.slice(1).join("\n") }));
}

/** `level policy Type:name`, sorted: compact and order-independent for toEqual. */
function summary(reported: readonly Reported[]): string[] {
  return reported.map((r) => `${r.level} ${r.policy} ${r.type ?? "-"}:${r.name ?? "-"}`).sort();
}

function policyArgs(config?: string): string[] {
  return ["--policy-pack", PACK, ...(config === undefined ? [] : ["--policy-pack-config", config])];
}

function expectExit(result: CommandResult, code: number): void {
  if (result.code !== code) {
    throw new Error(`expected exit ${code}, got ${result.code}:\n${result.output}`);
  }
}

function writeJson(project: PulumiProject, file: string, value: unknown): string {
  const path = join(project.dir, file);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

interface ExportedResource {
  type: string;
  urn: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

async function exported(project: PulumiProject): Promise<ExportedResource[]> {
  const result = await project.ok(["stack", "export"]);
  const parsed = JSON.parse(result.stdout) as { deployment: { resources?: ExportedResource[] } };
  return parsed.deployment.resources ?? [];
}

/** Names of the groups in the emulator. */
async function groupNames(): Promise<string[]> {
  const listed = await env.api<{ resource_groups: WireGroup[] }>("GET", "?limit=100");
  return listed.body.resource_groups.map((group) => group.group_name);
}

const violations = readFileSync(join(EXAMPLE, "index.ts"), "utf8");

/** What examples/policy-violations reports with its policy-config.json. */
const EXAMPLE_REPORT = [
  "advisory resource-groups-member-targets-unverified GroupMember:shared-1",
  "advisory resource-groups-naming ResourceGroup:legacy",
  "mandatory resource-groups-allowed-tag-values ResourceGroup:qa",
  "mandatory resource-groups-allowed-tag-values TagRule:untagged-cost-center",
  "mandatory resource-groups-allowed-types ResourceGroup:finance",
  "mandatory resource-groups-member-targets GroupMember:payments-db",
  "mandatory resource-groups-member-targets TagRule:legacy-env",
  "mandatory resource-groups-one-membership-owner GroupMembers:ops-all",
  "mandatory resource-groups-one-membership-owner GroupMember:ops-extra",
  "mandatory resource-groups-required-tag-keys ResourceGroup:untagged",
  "advisory resource-groups-cloudflare-account-wide-scope cloudflare:ResourceGroup:all-zones",
  "mandatory resource-groups-cloudflare-exclusive-members cloudflare:GroupMember:edge-extra",
  "advisory resource-groups-strongly-description strongly:ResourceGroup:data-science",
  "mandatory resource-groups-strongly-member-types strongly:GroupMember:churn-model",
  "advisory resource-groups-zopnight-tier-order zopnight:ResourceGroup:nightly",
].sort();

/** Passes the default rules: only the advisory naming policy has something to say. */
const conforming = `
import { GroupMember, ResourceGroup } from "pulumi-resource-groups";
new ResourceGroup("qa", {
  name: "qa-servers",
  type: "TAG",
  tags: [{ key: "env", value: "qa" }, { key: "owner", value: "qa-team" }, { key: "cost-center", value: "cc-2001" }],
});
new ResourceGroup("finance", { name: "finance-projects", type: "EPS", associationEpIds: ["0"] });
const legacy = new ResourceGroup("legacy", { name: "Legacy_Servers" });
new GroupMember("legacy-1", { groupId: legacy.groupId, namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-1" }] });
`;

let env: TestEmulator;
let project: PulumiProject;
let remediation: PulumiProject;

beforeAll(async () => {
  env = await startTestEmulator();
  [project, remediation] = await Promise.all([
    PulumiProject.create("policy", violations, env.emulator),
    PulumiProject.create("policy-remediation", "", env.emulator),
  ]);
}, 10 * MINUTES);

afterAll(async () => {
  await Promise.all([project?.dispose(), remediation?.dispose()]);
  await env?.stop();
}, 5 * MINUTES);

describe("pulumi preview --policy-pack", () => {
  it(
    "reports every violation of examples/policy-violations by resource and policy, and fails on the mandatory ones",
    async () => {
      project.writeProgram(violations);
      env.emulator.resetStats();
      const preview = await project.run(["preview", ...policyArgs(EXAMPLE_CONFIG)]);
      expectExit(preview, 1);
      const reported = policiesReported(preview.output);
      expect(summary(reported)).toEqual(EXAMPLE_REPORT);
      for (const entry of reported) {
        // Every message names its resource, and the rule or config value it breaks.
        expect(entry.message).toContain(`'${entry.name ?? ""}'`);
      }
      const byName = new Map(reported.map((r) => [`${r.policy} ${r.name ?? ""}`, r.message]));
      expect(byName.get("resource-groups-required-tag-keys untagged")).toContain(
        "missing required tag key(s): owner (config keys: env, owner, cost-center; it matches on: cost-center, env)",
      );
      expect(byName.get("resource-groups-allowed-tag-values qa")).toContain(
        "has value 'qa', not one of the allowed values for 'env' (config allowed: dev, staging, prod)",
      );
      expect(byName.get("resource-groups-allowed-tag-values untagged-cost-center")).toContain(
        "'cc-12', which does not match the pattern for 'cost-center' (config pattern: ^cc-[0-9]{4}$)",
      );
      expect(byName.get("resource-groups-allowed-types finance")).toContain(
        "'EPS', which is not an allowed group type (config allowed: Manual, TAG)",
      );
      expect(byName.get("resource-groups-member-targets payments-db")).toContain(
        "targets ResourceGroup 'payments', a 'TAG' group",
      );
      expect(byName.get("resource-groups-member-targets legacy-env")).toContain(
        "targets ResourceGroup 'legacy', a 'Manual' group",
      );
      expect(byName.get("resource-groups-one-membership-owner ops-all")).toContain(
        "targets ResourceGroup 'ops', whose members are also declared by GroupMember 'ops-extra'",
      );
      expect(byName.get("resource-groups-cloudflare-account-wide-scope all-zones")).toContain(
        "Cloudflare ResourceGroup 'all-zones' (name 'all-zones') field wholeAccount is true",
      );
      expect(byName.get("resource-groups-cloudflare-exclusive-members edge-extra")).toContain(
        "targets Cloudflare ResourceGroup 'edge', which is exclusive",
      );
      expect(byName.get("resource-groups-strongly-description data-science")).toContain(
        // The provider's check() fills in an absent description as "", and policies see checked inputs.
        "Strongly ResourceGroup 'data-science' field description is empty",
      );
      expect(byName.get("resource-groups-strongly-member-types churn-model")).toContain(
        "field type is 'ml_model', which is not an allowed member type (config allowed: app, addon, workflow, workspace)",
      );
      expect(byName.get("resource-groups-zopnight-tier-order nightly")).toContain(
        "ZopNight ResourceGroup 'nightly' has members in tier-1, tier-3 but none in tier-2",
      );
      expect(preview.output).toContain("error: preview failed");
      expect(env.emulator.stats().writes).toBe(0);
    },
    5 * MINUTES,
  );

  it(
    "a config can disable a policy or lower it to advisory: the same program then passes, with warnings",
    async () => {
      const relaxed = writeJson(project, "relaxed.json", {
        "resource-groups-required-tag-keys": "disabled",
        "resource-groups-member-targets": "advisory",
        "resource-groups-allowed-types": { enforcementLevel: "advisory", allowed: ["Manual", "TAG"] },
        "resource-groups-cloudflare-exclusive-members": "advisory",
        "resource-groups-one-membership-owner": "advisory",
        "resource-groups-strongly-member-types": {
          enforcementLevel: "advisory",
          allowed: ["app", "addon", "workflow", "workspace"],
        },
        "resource-groups-allowed-tag-values": {
          enforcementLevel: "advisory",
          rules: {
            env: { allowed: ["dev", "staging", "prod"] },
            "cost-center": { pattern: "^cc-[0-9]{4}$" },
          },
        },
      });
      project.writeProgram(violations);
      const preview = await project.run(["preview", ...policyArgs(relaxed)]);
      expectExit(preview, 0);
      expect(summary(policiesReported(preview.output))).toEqual(
        EXAMPLE_REPORT.filter((line) => !line.includes("required-tag-keys"))
          .map((line) => line.replace(/^mandatory /, "advisory "))
          .sort(),
      );
      expect(preview.output).not.toContain("error:");
    },
    5 * MINUTES,
  );

  it(
    "advisory violations warn and the preview passes; a stricter config makes the same program fail",
    async () => {
      project.writeProgram(conforming);
      const lenient = await project.run(["preview", ...policyArgs()]);
      expectExit(lenient, 0);
      expect(summary(policiesReported(lenient.output))).toEqual([
        "advisory resource-groups-naming ResourceGroup:legacy",
      ]);
      expect(lenient.output).toMatch(/\+ 5 to create/);

      // The example's rules (allowed env values, no EPS), plus naming raised to mandatory.
      const strict = writeJson(project, "strict.json", {
        ...(JSON.parse(readFileSync(EXAMPLE_CONFIG, "utf8")) as object),
        "resource-groups-naming": "mandatory",
      });
      const preview = await project.run(["preview", ...policyArgs(strict)]);
      expectExit(preview, 1);
      expect(summary(policiesReported(preview.output))).toEqual([
        "mandatory resource-groups-allowed-tag-values ResourceGroup:qa",
        "mandatory resource-groups-allowed-types ResourceGroup:finance",
        "mandatory resource-groups-naming ResourceGroup:legacy",
      ]);
    },
    5 * MINUTES,
  );

  it(
    "runs from a copy of policy/ that has only the dependencies its package.json declares",
    async () => {
      // What `pulumi policy publish` or a copy in another repository gets: no jest, no @types/node.
      const copy = mkdtempSync(join(tmpdir(), "rg-policy-pack-"));
      try {
        cpSync(PACK, copy, { recursive: true, filter: (source) => !source.includes("node_modules") });
        const manifest = JSON.parse(readFileSync(join(PACK, "package.json"), "utf8")) as {
          dependencies?: Record<string, string>;
        };
        for (const dependency of Object.keys(manifest.dependencies ?? {})) {
          const link = join(copy, "node_modules", dependency);
          mkdirSync(dirname(link), { recursive: true });
          // As npm installs them: pulumi-resource-groups (`file:..`) as a link to the repository root.
          symlinkSync(realpathSync(join(REPO, "node_modules", dependency)), link, "dir");
        }
        project.writeProgram(violations);
        const preview = await project.run([
          "preview",
          "--policy-pack",
          copy,
          "--policy-pack-config",
          EXAMPLE_CONFIG,
        ]);
        expectExit(preview, 1);
        expect(summary(policiesReported(preview.output))).toEqual(EXAMPLE_REPORT);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    },
    5 * MINUTES,
  );
});

describe("pulumi up --policy-pack", () => {
  it(
    "mandatory violations stop up before any write",
    async () => {
      project.writeProgram(violations);
      env.emulator.resetStats();
      const up = await project.run(["up", "--yes", ...policyArgs(EXAMPLE_CONFIG)]);
      expectExit(up, 1);
      expect(summary(policiesReported(up.output))).toEqual(EXAMPLE_REPORT);
      expect(env.emulator.stats().writes).toBe(0);
      expect((await exported(project)).filter((r) => TYPE_TOKEN.test(r.type))).toEqual([]);
    },
    5 * MINUTES,
  );

  it(
    "with --skip-preview, a resource policy still keeps the violating resource from being written",
    async () => {
      project.writeProgram(`
import { ResourceGroup } from "pulumi-resource-groups";
new ResourceGroup("finance", { name: "finance-projects", type: "EPS", associationEpIds: ["0"] });
new ResourceGroup("web", { name: "web-servers" });
`);
      env.emulator.resetStats();
      const up = await project.run(["up", "--yes", "--skip-preview", ...policyArgs(EXAMPLE_CONFIG)]);
      expectExit(up, 1);
      expect(summary(policiesReported(up.output))).toEqual([
        "mandatory resource-groups-allowed-types ResourceGroup:finance",
      ]);
      // Resources are registered in parallel: 'web' may or may not have been created before the engine
      // stopped, but the EPS group never is.
      expect(env.emulator.stats().writes).toBeLessThanOrEqual(1);
      expect(await groupNames()).not.toContain("finance-projects");
    },
    5 * MINUTES,
  );

  it(
    "with --skip-preview, stack policies run only after the writes (why pipelines keep the preview)",
    async () => {
      project.writeProgram(`
import { ResourceGroup } from "pulumi-resource-groups";
new ResourceGroup("untagged", { name: "untagged-servers", type: "TAG", tags: [{ key: "env", value: "prod" }] });
`);
      env.emulator.resetStats();
      const up = await project.run(["up", "--yes", "--skip-preview", ...policyArgs()]);
      expectExit(up, 1);
      expect(summary(policiesReported(up.output))).toEqual([
        "mandatory resource-groups-required-tag-keys ResourceGroup:untagged",
      ]);
      // The group was created before the stack policy ran.
      expect(env.emulator.stats().writes).toBeGreaterThan(0);
      expect(await groupNames()).toContain("untagged-servers");
    },
    5 * MINUTES,
  );

  it(
    "remediation: up deploys the default tags, in the state and in the cloud, and a later preview is clean",
    async () => {
      // Without the remediation this group would also break resource-groups-required-tag-keys (no owner):
      // the engine remediates before it validates.
      remediation.writeProgram(`
import { ResourceGroup } from "pulumi-resource-groups";
new ResourceGroup("platform", {
  name: "platform-prod",
  type: "TAG",
  tags: [{ key: "env", value: "prod" }, { key: "cost-center", value: "cc-1234" }],
});
`);
      const config = writeJson(remediation, "remediate.json", {
        "resource-groups-default-tags": {
          enforcementLevel: "remediate",
          defaults: { owner: "platform-team" },
        },
      });
      const up = await remediation.run(["up", "--yes", ...policyArgs(config)]);
      expectExit(up, 0);
      expect(summary(policiesReported(up.output))).toContain(
        "remediate resource-groups-default-tags -:-", // "(1 resource)"
      );

      const expected = [
        { key: "env", value: "prod" },
        { key: "cost-center", value: "cc-1234" },
        { key: "owner", value: "platform-team" },
      ];
      const group = (await exported(remediation)).find((r) => r.urn.endsWith("::platform"));
      expect(group?.inputs?.["tags"]).toEqual(expected);
      expect(group?.outputs?.["tags"]).toEqual(expected);
      const groupId = group?.outputs?.["groupId"];
      expect(typeof groupId).toBe("string");
      const wire = await env.api<WireGroup>("GET", `/${String(groupId)}`);
      expect(wire.body.tags).toEqual(expect.arrayContaining([{ key: "owner", value: "platform-team" }]));

      // The remediation is stable with the same pack and config; without them the default tag is a change.
      expectExit(await remediation.run(["preview", "--expect-no-changes", ...policyArgs(config)]), 0);
      const bare = await remediation.run(["preview", "--expect-no-changes", "--diff"]);
      expectExit(bare, 7);
      expect(bare.output).toMatch(/- +\[2\]: \{/);
    },
    5 * MINUTES,
  );
});

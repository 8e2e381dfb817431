/**
 * The plugin's package schema as the real CLI takes it: `pulumi package get-schema` starts the built
 * plugin and gets the very schema the build wrote, and `pulumi package gen-sdk` finds it valid by
 * Pulumi's metaschema (it refuses a broken one, so the check can fail).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, pulumiEnv } from "./support/pulumiEnv";

const TIMEOUT = 10 * 60 * 1000;
const BUILT_SCHEMA = join(REPO, "plugin", "dist", "schema.json");
const PLUGIN = join(REPO, "plugin", "bin", "pulumi-resource-resourcegroups");
const PLUGIN_VERSION = (
  JSON.parse(readFileSync(join(REPO, "plugin", "package.json"), "utf8")) as { version: string }
).version;

let dir: string;

function pulumi(args: string[]): { code: number; stdout: string; output: string } {
  const result = spawnSync("pulumi", [...args, "--non-interactive"], {
    cwd: dir,
    env: { ...pulumiEnv(), PULUMI_HOME: join(dir, ".pulumi-home") },
    encoding: "utf8",
    timeout: TIMEOUT,
  });
  return { code: result.status ?? -1, stdout: result.stdout, output: `${result.stdout}${result.stderr}` };
}

/** What `gen-sdk` says of a schema: its problems, or that it wrote the SDK. */
function generate(schemaFile: string) {
  return pulumi(["package", "gen-sdk", "--language", "yaml", "--out", join(dir, "sdk"), schemaFile]);
}

/** The CLI checks the schema by the metaschema before any code generation, reporting each problem. */
const SCHEMA_PROBLEM = /diagnostic|doesn't validate|#\/(resources|types)\//;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rg-plugin-schema-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the plugin's schema through the Pulumi CLI", () => {
  it(
    "is what the plugin serves",
    () => {
      const result = pulumi(["package", "get-schema", PLUGIN]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(JSON.parse(readFileSync(BUILT_SCHEMA, "utf8")));
    },
    TIMEOUT,
  );

  it(
    "is valid by Pulumi's metaschema in gen-sdk",
    () => {
      const result = generate(BUILT_SCHEMA);
      expect(result.output).not.toMatch(SCHEMA_PROBLEM);
      // The YAML language host the repository builds generates its SDK: the package's declaration.
      expect(result.code).toBe(0);
      expect(readdirSync(join(dir, "sdk", "yaml"))).toEqual([`resourcegroups-${PLUGIN_VERSION}.yaml`]);
    },
    TIMEOUT,
  );

  it(
    "is refused by gen-sdk when a property has a type the schema language lacks",
    () => {
      const broken = JSON.parse(readFileSync(BUILT_SCHEMA, "utf8")) as {
        resources: Record<string, { properties: Record<string, Record<string, unknown>> }>;
      };
      const tags = broken.resources["resourcegroups:ces:ResourceGroup"]?.properties.tags;
      expect(tags).toBeDefined();
      if (tags) tags.type = "list";
      const file = join(dir, "broken.json");
      writeFileSync(file, JSON.stringify(broken));
      const result = generate(file);
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(SCHEMA_PROBLEM);
    },
    TIMEOUT,
  );
});

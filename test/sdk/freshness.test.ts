/**
 * The checked-in SDKs are exactly what the generator makes of the built schema: a change to the
 * contracts (and so to plugin/dist/schema.json) without `npm run sdk` fails here, naming the files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILT_SCHEMA, SDK, differences, generate, generatedFiles } from "./generatedFiles";

// The first run builds the generator from Go modules (minutes from a cold Go build cache).
const TIMEOUT = 20 * 60 * 1000;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rg-sdk-fresh-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function staleness(expected: Map<string, string>, actual: Map<string, string>): string {
  const stale = differences(expected, actual);
  return stale.length === 0 ? "" : `sdk/ differs from the schema in ${stale.join(", ")}: run \`npm run sdk\``;
}

describe("the generated SDKs", () => {
  it(
    "are what the generator makes of plugin/dist/schema.json",
    () => {
      const out = join(dir, "current");
      const result = generate(out);
      // On failure the diff shows the tool's output.
      expect(result).toEqual({ code: 0, output: expect.any(String) as unknown });
      expect(staleness(generatedFiles(out), generatedFiles(SDK))).toBe("");
    },
    TIMEOUT,
  );

  it(
    "are found stale when the schema changes",
    () => {
      const schema = JSON.parse(readFileSync(BUILT_SCHEMA, "utf8")) as {
        resources: Record<string, { description?: string }>;
      };
      const group = schema.resources["resourcegroups:ces:ResourceGroup"];
      expect(group).toBeDefined();
      if (group) group.description = "A description the checked-in SDKs do not have.";
      const changed = join(dir, "changed.json");
      writeFileSync(changed, JSON.stringify(schema));
      const out = join(dir, "changed");
      expect(generate(out, changed).code).toBe(0);

      const message = staleness(generatedFiles(out), generatedFiles(SDK));
      expect(message).toContain("go/resourcegroups/ces/resourceGroup.go");
      expect(message).toContain("nodejs/ces/resourceGroup.ts");
      expect(message).toContain("python/pulumi_resource_groups/ces/resource_group.py");
      expect(message).toContain("run `npm run sdk`");
    },
    TIMEOUT,
  );
});

/**
 * What a process loads from the built package before it does any work: every command of a small stack
 * pays for it (bench/README.md, "Small stacks"). Each case runs in a fresh Node process, as the program
 * and the dynamic-provider host are, and lists the modules it loaded.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const REPO = join(__dirname, "..", "..");

/** The files a fresh Node process has loaded after running `script` (after the Pulumi SDK). */
function loadedBy(script: string, env: NodeJS.ProcessEnv = {}): string[] {
  const out = execFileSync(
    process.execPath,
    [
      "-e",
      `require("@pulumi/pulumi");
       const before = new Set(Object.keys(require.cache));
       (async () => {
         ${script}
         const loaded = Object.keys(require.cache).filter((f) => !before.has(f));
         process.stdout.write(JSON.stringify(loaded));
       })().catch((e) => { console.error(e); process.exit(1); });`,
    ],
    { cwd: REPO, encoding: "utf8", env: { ...process.env, ...env } },
  );
  return JSON.parse(out) as string[];
}

const under = (files: string[], part: string) => files.filter((f) => f.includes(part));

describe("what loads before the first answer", () => {
  it("a program's import of the package loads neither the schema library nor an HTTP client", () => {
    const loaded = loadedBy(`require("pulumi-resource-groups");`);
    expect(loaded.length).toBeGreaterThan(10);
    expect(under(loaded, "/provider/dist/")).not.toEqual([]);
    expect(under(loaded, "/node_modules/zod/")).toEqual([]);
    expect(under(loaded, "/node_modules/axios/")).toEqual([]);
    expect(under(loaded, "/core/http/client")).toEqual([]);
  });

  it("the provider's runtime loads no vendor's handlers until a resource of that vendor is served", () => {
    const loaded = loadedBy(`require("pulumi-resource-groups/runtime/resourceGroup");`);
    expect(under(loaded, "/runtime/")).not.toEqual([]);
    expect(under(loaded, "/vendors/")).toEqual([]);
    expect(under(loaded, "/core/http/client")).toEqual([]);
  });

  it("a check of a CES group loads CES alone, and no library beyond zod and the contracts", () => {
    const loaded = loadedBy(
      `const { handlers } = require("pulumi-resource-groups/runtime");
       const result = await handlers.resourceGroup.check({}, { name: "web", type: "Manual" });
       if (result.failures?.length) throw new Error(JSON.stringify(result.failures));`,
      {
        RESOURCEGROUPS_ENDPOINT: "http://127.0.0.1:9",
        RESOURCEGROUPS_TOKEN: "offline-ces-token",
        RESOURCEGROUPS_PROJECT_ID: "offline-project",
      },
    );
    expect(under(loaded, "/vendors/ces/")).not.toEqual([]);
    for (const other of ["cloudflare", "strongly", "zopnight"]) {
      expect(under(loaded, `/provider/dist/vendors/${other}/`)).toEqual([]);
      // Their plain constants come with the contracts' constants module; their schemas stay out.
      expect(
        under(loaded, `/contracts/dist/vendors/${other}/`).filter((f) => !f.endsWith("/constants.js")),
      ).toEqual([]);
    }
    const libraries = new Set(
      under(loaded, "/node_modules/").map((f) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]),
    );
    expect([...libraries].sort()).toEqual(["proxy-from-env", "zod"]);
  });

  it("a read or a delete (refresh, destroy) loads no schema library", () => {
    const loaded = loadedBy(
      `const { handlers } = require("pulumi-resource-groups/runtime");
       // Nothing listens on port 9: each call fails at once, after loading what it needs.
       const failed = await Promise.all([
         handlers.resourceGroup.read("rg1", { name: "web", groupId: "rg1" }).then(() => false, () => true),
         handlers.groupMember.delete("rg1/SYS.ECS:instance_id=i-1", {
           groupId: "rg1", namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-1" }],
         }).then(() => false, () => true),
       ]);
       if (failed.includes(false)) throw new Error("a call to port 9 succeeded");`,
      {
        RESOURCEGROUPS_ENDPOINT: "http://127.0.0.1:9",
        RESOURCEGROUPS_TOKEN: "offline-ces-token",
        RESOURCEGROUPS_PROJECT_ID: "offline-project",
        RESOURCEGROUPS_MAX_RETRIES: "0",
      },
    );
    expect(under(loaded, "/vendors/ces/handlers/")).not.toEqual([]);
    expect(under(loaded, "/node_modules/zod/")).toEqual([]);
    expect(under(loaded, "/contracts/dist/vendors/ces/args")).toEqual([]);
  });
});

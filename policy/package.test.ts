/**
 * The pack must start where only policy/package.json's dependencies are installed: from its npm tarball
 * in a user's node_modules, a copy in another repository, or `pulumi policy publish`. The engine loads
 * its main, the JavaScript that `npm run build` compiles into dist/ (TypeScript inside node_modules is
 * not compiled by the engine). test/e2e/policy.test.ts and test/e2e/packedInstall.test.ts run it with
 * the real CLI; these checks catch the same mistakes without the engine.
 */
import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";

const PACK_DIR = __dirname;

interface Manifest {
  dependencies?: Record<string, string>;
}

const manifest = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8")) as Manifest;
const dependencies = manifest.dependencies ?? {};

/** The .ts files the engine loads: everything but tests and the test helpers. */
function runtimeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === "node_modules" ? [] : runtimeFiles(file);
    }
    const runtime = entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts");
    return runtime && entry.name !== "testing.ts" ? [file] : [];
  });
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

describe("policy pack packaging", () => {
  it("declares every package its run-time files import", () => {
    const imported = new Set<string>();
    for (const file of runtimeFiles(PACK_DIR)) {
      const source = fs.readFileSync(file, "utf8");
      for (const match of source.matchAll(/(?:from|import|require\()\s*["']([^"'.][^"']*)["']/g)) {
        const specifier = match[1] ?? "";
        if (!specifier.startsWith("node:") && !builtinModules.includes(specifier)) {
          imported.add(packageName(specifier));
        }
      }
    }
    // The vendor rules and type tokens come from the contracts package, not a copy; never the provider.
    expect([...imported].sort()).toEqual(["@pulumi/policy", "pulumi-resource-groups-contracts"]);
    for (const name of imported) {
      expect(Object.keys(dependencies)).toContain(name);
    }
  });

  it("runs as the JavaScript it ships: main is the build of index.ts, and the tarball holds the build", () => {
    const pack = manifest as Manifest & { main?: string; files?: string[] };
    expect(pack.main).toBe("dist/index.js");
    expect(pack.files).toEqual(expect.arrayContaining(["PulumiPolicy.yaml", "dist/**/*.js"]));
  });

  it("tsconfig.json asks for no type packages that package.json does not install", () => {
    const tsconfig = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "tsconfig.json"), "utf8")) as {
      compilerOptions?: { types?: string[] };
    };
    for (const types of tsconfig.compilerOptions?.types ?? []) {
      expect(Object.keys(dependencies)).toContain(`@types/${types}`);
    }
  });
});

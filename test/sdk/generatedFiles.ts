/**
 * The checked-in SDKs (sdk/<language>/) and how to regenerate and compare them: the tests of test/sdk
 * run the generator the way `npm run sdk` does, into a temporary folder.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

export const REPO = join(__dirname, "..", "..");
export const SDK = join(REPO, "sdk");
export const BUILT_SCHEMA = join(REPO, "plugin", "dist", "schema.json");
export const LANGUAGES = ["nodejs", "python", "go"] as const;

/** Written by hand, not by the generator: the Go SDK's module. */
const HAND_WRITTEN = new Set(["go/go.mod", "go/go.sum"]);
/** What building or running an SDK leaves beside it (each SDK's own .gitignore lists them). */
const LEFT_BY_TOOLS = new Set(["node_modules", "bin", "__pycache__", "dist", "build"]);

export interface Run {
  code: number;
  output: string;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, GOTOOLCHAIN: "local", GOFLAGS: "-buildvcs=false", ...env },
    encoding: "utf8",
  });
  const failure = result.error ? `${result.error.message}\n` : "";
  return { code: result.status ?? -1, output: `${failure}${result.stdout ?? ""}${result.stderr ?? ""}` };
}

/** scripts/gen-sdk.sh: builds the generator once into .cache/, then writes every SDK under `out`. */
export function generate(out: string, schema = BUILT_SCHEMA): Run {
  return run("bash", [join(REPO, "scripts", "gen-sdk.sh"), "--out", out, "--schema", schema], REPO);
}

/** Every generated file under `root` (one folder per language), by its path relative to `root`. */
export function generatedFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!LEFT_BY_TOOLS.has(entry.name)) walk(path);
        continue;
      }
      const key = relative(root, path).split("\\").join("/");
      if (!HAND_WRITTEN.has(key)) files.set(key, readFileSync(path, "utf8"));
    }
  };
  for (const language of LANGUAGES) walk(join(root, language));
  return files;
}

/** The files that differ between two generated trees: missing on either side or with other content. */
export function differences(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const paths = new Set([...expected.keys(), ...actual.keys()]);
  return [...paths].filter((path) => expected.get(path) !== actual.get(path)).sort();
}

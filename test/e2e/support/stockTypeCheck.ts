/** Type-checking a program as a stock `pulumi new typescript` project does, with the installed compiler. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** The compiler options `pulumi new typescript` writes: no skipLibCheck, no esModuleInterop. */
export const STOCK_COMPILER_OPTIONS = {
  strict: true,
  outDir: "bin",
  target: "es2020",
  module: "commonjs",
  moduleResolution: "node",
  sourceMap: true,
  experimentalDecorators: true,
  pretty: true,
  noFallthroughCasesInSwitch: true,
  noImplicitReturns: true,
  forceConsistentCasingInFileNames: true,
};

/**
 * Writes the stock tsconfig into `dir` (checking `index.ts` and what it imports) and runs the compiler
 * installed in `app` on it: its whole output and exit status.
 */
export function stockTypeCheck(app: string, dir: string): { output: string; status: number | null } {
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: STOCK_COMPILER_OPTIONS, files: ["index.ts"] }),
  );
  const tsc = join(app, "node_modules", "typescript", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", dir, "--noEmit", "--pretty", "false"], {
    encoding: "utf8",
  });
  return { output: `${result.stdout}${result.stderr}`, status: result.status };
}

/**
 * Writes each kind's argument JSON Schema to `dist/schema/<kind>.json`. The package's build runs it
 * after tsc (`node dist/scripts/writeSchemas.js`), so the shipped schemas always match the shipped zod
 * schemas.
 */
import * as fs from "fs";
import * as path from "path";
import { argumentsJsonSchema } from "../jsonSchema";
import { KIND_NAMES, type KindName } from "../kinds";

/** Replaces `dir` with one `<kind>.json` per kind; returns the files written, by kind. */
export function writeSchemas(dir: string): Record<KindName, string> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const written = KIND_NAMES.map((kind) => {
    const file = path.join(dir, `${kind}.json`);
    fs.writeFileSync(file, `${JSON.stringify(argumentsJsonSchema(kind), null, 2)}\n`);
    return [kind, file] as const;
  });
  return Object.fromEntries(written) as Record<KindName, string>;
}

if (require.main === module) {
  // Compiled to dist/scripts/, so the schemas land in dist/schema/.
  const dir = path.join(__dirname, "..", "schema");
  const count = Object.keys(writeSchemas(dir)).length;
  console.log(`wrote ${count} JSON Schemas to ${path.relative(process.cwd(), dir) || "."}`);
}

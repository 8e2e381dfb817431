/**
 * Writes the plugin's package schema to dist/schema.json. The build runs it after tsc, so the shipped
 * schema always matches the shipped contracts; `pulumi package gen-sdk` takes that file.
 */
import * as fs from "fs";
import * as path from "path";
import { packageSchema } from "../schema/packageSchema";
import { PLUGIN_VERSION } from "../server/version";

/** Writes the schema to `file`; returns the file. */
export function writeSchema(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(packageSchema(PLUGIN_VERSION), null, 2)}\n`);
  return file;
}

if (require.main === module) {
  // Compiled to dist/scripts/, so the schema lands in dist/.
  const file = writeSchema(path.join(__dirname, "..", "schema.json"));
  console.log(`wrote the package schema to ${path.relative(process.cwd(), file)}`);
}

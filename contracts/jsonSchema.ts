/**
 * JSON Schemas of each kind's arguments, generated from the same zod schemas check() applies. Schemas
 * for other languages (a provider schema, editor hints) are built from these, never written by hand.
 * The package's build writes one per kind to `dist/schema/<kind>.json` (scripts/writeSchemas.ts).
 */
import { z } from "zod";
import { KIND_ARGS } from "./kindArgs";
import { KINDS, KIND_NAMES, type KindName } from "./kinds";
import { refinementKeywords } from "./refinementKeywords";

export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of one zod schema as a program gives the value: before defaults apply (so a defaulted
 * field is optional) and before transforms (a trimmed name is still a string). Refinements that stand
 * for a length, a charset or trimming become their keywords (refinementKeywords.ts); the other rules
 * zod cannot express in JSON Schema (one field depending on another, no member twice) are left to
 * check(). A rule with no JSON Schema form at all (a transform's output, say) fails the generation
 * instead of being dropped.
 */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "throw",
    target: "draft-2020-12",
    override: ({ zodSchema, jsonSchema }) => {
      const keywords = refinementKeywords(zodSchema);
      if (keywords !== undefined) Object.assign(jsonSchema, keywords);
    },
  });
}

/**
 * The arguments of one kind. `additionalProperties` is false at every level: check() refuses an
 * argument the resource does not take, naming it, rather than dropping it. The outputs a class passes
 * to the engine as placeholders are not arguments and are not listed.
 */
export function argumentsJsonSchema(kind: KindName): JsonSchema {
  const spec = KINDS[kind];
  // The table's title and description win over any the zod schema carries.
  const { $schema, title: _title, description: _description, ...schema } = toJsonSchema(KIND_ARGS[kind]);
  return {
    $schema,
    title: `${spec.vendor}.${spec.type}`,
    description: `${spec.description} Arguments not listed here are refused.`,
    ...schema,
    additionalProperties: false,
  };
}

/** Every kind's argument schema, keyed by type token. */
export function allArgumentsJsonSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries(KIND_NAMES.map((kind) => [KINDS[kind].token, argumentsJsonSchema(kind)]));
}

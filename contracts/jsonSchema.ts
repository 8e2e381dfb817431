/**
 * JSON Schemas of each kind's arguments, generated from the same zod schemas check() applies. Schemas
 * for other languages (a provider schema, editor hints) are built from these, never written by hand.
 */
import { z } from "zod";
import { KIND_ARGS } from "./kindArgs";
import { KINDS, KIND_NAMES, type KindName } from "./kinds";

export type JsonSchema = Record<string, unknown>;

/**
 * The arguments of one kind as a program gives them: before defaults apply (so a defaulted argument is
 * optional) and before transforms (a trimmed name is still a string). Rules zod cannot express in JSON
 * Schema (refinements such as "no repeated member") are left to check().
 */
export function argumentsJsonSchema(kind: KindName): JsonSchema {
  const spec = KINDS[kind];
  const schema: JsonSchema = z.toJSONSchema(KIND_ARGS[kind], {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
  });
  return { ...schema, title: `${spec.vendor} ${spec.type}`, description: spec.description };
}

/** Every kind's argument schema, keyed by type token. */
export function allArgumentsJsonSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries(KIND_NAMES.map((kind) => [KINDS[kind].token, argumentsJsonSchema(kind)]));
}

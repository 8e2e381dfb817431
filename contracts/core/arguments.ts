/**
 * What every kind's argument schema shares: the engine's placeholder for values not known yet, and the
 * outputs a resource declares beside its arguments.
 */
import { z } from "zod";

import { UNKNOWN } from "../constants";

export { UNKNOWN };

const outputsBySchema = new WeakMap<z.ZodType, readonly string[]>();

/**
 * Declares the outputs of the resource whose arguments `schema` checks. Its class passes them to
 * Pulumi as `undefined` placeholders and states of earlier releases may carry them, so check() takes
 * them for known names, not for misspelt arguments. Returns `schema`.
 */
export function withOutputs<S extends z.ZodType>(schema: S, outputs: readonly string[]): S {
  outputsBySchema.set(schema, outputs);
  return schema;
}

/** The outputs declared with `withOutputs`, none otherwise. */
export function outputsOf(schema: z.ZodType): readonly string[] {
  return outputsBySchema.get(schema) ?? [];
}

/** The arguments a schema takes: the keys of its object shape. */
export function argumentNames(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

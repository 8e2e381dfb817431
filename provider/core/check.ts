import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { validate } from "./validate";

/** Runs a schema as check() does: normalized inputs on success, every broken rule otherwise. */
export function checkWith<S extends z.ZodType>(
  schema: S,
  news: Record<string, unknown>,
  normalize: (value: z.output<S>) => Record<string, unknown>,
): pulumi.dynamic.CheckResult {
  const result = validate(schema, news);
  if (result.ok) return { inputs: normalize(result.value) };
  return { inputs: news, failures: result.failures };
}

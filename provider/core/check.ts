import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ResourceHandler } from "./handler";
import type * as validation from "./validate";
import { lazy } from "./lazy";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the schema library loads with the first check
const validator = lazy(() => require("./validate") as typeof validation);

/** Runs a schema as check() does: normalized inputs on success, every broken rule otherwise. */
export function checkWith<S extends z.ZodType>(
  schema: S,
  news: Record<string, unknown>,
  normalize: (value: z.output<S>) => Record<string, unknown>,
): pulumi.dynamic.CheckResult {
  const result = validator().validate(schema, news);
  if (result.ok) return { inputs: normalize(result.value) };
  return { inputs: news, failures: result.failures };
}

/**
 * A check() that validates the inputs with the schema `schema()` gives (loaded on the first check, see
 * the vendors' `schemas.ts`) and passes them on as parsed (through `normalize` when given): for kinds
 * whose arguments need nothing from the rest of the program.
 */
export function checkArgs<S extends z.ZodType>(
  schema: () => S,
  normalize: (value: z.output<S>) => Record<string, unknown> = (value) => ({ ...(value as object) }),
): ResourceHandler["check"] {
  return (_olds, news) => Promise.resolve(checkWith(schema(), news as Record<string, unknown>, normalize));
}

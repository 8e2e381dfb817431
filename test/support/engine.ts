/** Drives the runtime handlers in the order the engine does: check first, then the operation. */
import type * as pulumi from "@pulumi/pulumi";
import { handlers, type HandlerKind } from "../../provider/runtime";

export async function checked(
  kind: HandlerKind,
  news: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const result = await handlers[kind].check({}, news);
  if (result.failures && result.failures.length > 0) {
    throw new Error(`check failed: ${JSON.stringify(result.failures)}`);
  }
  return result.inputs as Record<string, unknown>;
}

export interface Created {
  id: string;
  outs: Record<string, unknown>;
}

export async function create(kind: HandlerKind, news: Record<string, unknown>): Promise<Created> {
  const result: pulumi.dynamic.CreateResult = await handlers[kind].create(await checked(kind, news));
  return { id: result.id, outs: result.outs as Record<string, unknown> };
}

export async function update(
  kind: HandlerKind,
  id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const result = await handlers[kind].update(id, olds, await checked(kind, news));
  return result.outs as Record<string, unknown>;
}

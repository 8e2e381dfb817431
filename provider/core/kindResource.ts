/**
 * The base of every resource class: a dynamic resource registered under its kind's type token.
 * Loaded by user programs with the classes, so it imports nothing but `@pulumi/pulumi`.
 */
import * as pulumi from "@pulumi/pulumi";

/** Where a kind's type token comes from: its entry in the contracts' table of kinds. */
export interface KindToken {
  module: string;
  type: string;
}

/**
 * How many stack frames an Error captures while the SDK registers one of our resources. The SDK
 * records a stack trace on each promise it makes (four per property) for its promise-leak report
 * alone; in a TypeScript program each trace goes through the source-map hook frame by frame, which
 * made registering a ResourceGroup (nine properties) cost about 6 ms of the program's CPU. One frame
 * keeps the line an error was thrown from (a user's transformation, say). The resource's source
 * position is unaffected: the SDK lifts the limit while it reads it.
 */
const FRAMES_WHILE_REGISTERING = 1;

/** With `PULUMI_DEBUG_PROMISE_LEAKS` set, the leak report prints those traces: they stay whole. */
function shortenStackTraces(): () => void {
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = FRAMES_WHILE_REGISTERING;
  return () => {
    Error.stackTraceLimit = limit;
  };
}

export abstract class KindResource extends pulumi.dynamic.Resource {
  protected constructor(
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions | undefined,
    kind: KindToken,
  ) {
    const restore = shortenStackTraces();
    try {
      super(provider, name, props, opts, kind.module, kind.type);
    } finally {
      restore();
    }
  }
}

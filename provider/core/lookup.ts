/**
 * Look-ups of groups a program references but does not manage (`ces.getResourceGroup` and the like).
 * A dynamic provider has no invokes, so a look-up runs in the program process: it reads the settings
 * the provider would (stack config namespace `resourcegroups` through `pulumi.Config`, then the
 * environment), and the vendor's API client does the call.
 */
import * as pulumi from "@pulumi/pulumi";
import { ResourceGroupsError } from "./errors";

/** What a look-up is given: the group's name or its id, exactly one of them. */
export interface LookupKey {
  name?: string;
  id?: string;
}

/**
 * A look-up found no group, was not told which one to find, or could not read (a setting, the API).
 * A `RunError`, so a program that does not catch it ends with the message alone, as a pipeline log
 * should show it. Its stack holds no frames: the SDK still formats every unhandled error with Node's
 * colored inspection, which on Node 20.20 loops for tens of seconds over a frame of the SDK's
 * source-mapped `node_modules/@pulumi/output.ts` (every look-up's `Output` form has one), and a
 * `RunError`'s stack is never shown anyway.
 */
export class LookupError extends pulumi.RunError {
  constructor(message: string) {
    super(message);
    this.name = "LookupError";
    this.stack = `${this.name}: ${message}`;
  }
}

/** Which of `name` and `id` the look-up `fn` was given; fails unless exactly one. */
export function lookupBy(fn: string, args: LookupKey): { by: "name" | "id"; value: string } {
  const given = (["name", "id"] as const).filter((key) => typeof args[key] === "string" && args[key] !== "");
  if (given.length !== 1) {
    throw new LookupError(`${fn}: give the group's name or its id (exactly one of them)`);
  }
  const by = given[0] as "name" | "id";
  return { by, value: args[by] as string };
}

/** The failure of a look-up that found nothing; `where` places the search (a project, an account). */
export function noGroup(fn: string, vendor: string, key: { by: "name" | "id"; value: string }, where = "") {
  const which = key.by === "name" ? `named '${key.value}'` : `with id '${key.value}'`;
  return new LookupError(`${fn}: ${vendor} has no resource group ${which}${where ? ` ${where}` : ""}`);
}

/**
 * Runs `work` with the program's stack config as the settings source, inside the named connection
 * (undefined: the default settings). The settings modules are loaded here, not when the package is
 * imported, so a program that looks nothing up loads only its resource classes.
 */
export async function inProgram<T>(connection: string | undefined, work: () => Promise<T>): Promise<T> {
  const [{ configure, CONFIG_NAMESPACE }, { runInConnection }] = await Promise.all([
    import("./settings"),
    import("./connections"),
  ]);
  const config = new pulumi.Config(CONFIG_NAMESPACE);
  const prefix = `${CONFIG_NAMESPACE}:`;
  await configure({
    config: {
      get: (key: string) => (key.startsWith(prefix) ? config.get(key.slice(prefix.length)) : undefined),
    },
  });
  try {
    return await runInConnection(connection, work);
  } catch (error) {
    // A setting or API failure of the look-up ends the program the same way, with its own message.
    if (error instanceof ResourceGroupsError) throw new LookupError(error.message);
    throw error;
  }
}

/** Each field of a look-up's arguments may be an Output, as in every `...Output` form. */
export type LookupInputs<A> = { [K in keyof A]: pulumi.Input<A[K]> };

/** The Output form of a look-up: waits for its arguments, then looks up. */
export function outputForm<A extends object, R>(
  lookup: (args: A) => Promise<R>,
): (args: LookupInputs<A>) => pulumi.Output<R> {
  return (args) => pulumi.output(args).apply((plain) => lookup(plain as A));
}

/**
 * The provider's own errors as the Pulumi CLI shows them: once, as the message alone.
 *
 * The dynamic-provider host of `@pulumi/pulumi` (`cmd/dynamic-provider`) answers a failed check, diff,
 * read or delete by printing `${error}: ${error.stack}` to its stderr before it returns the message as
 * the step's error. The engine shows every stderr line as a diagnostic of the stack, so a pipeline log
 * held the message three times and a stack trace: `AuthenticationError: <message>: AuthenticationError:
 * <message>` then `at apiErrorFor (...)`. Create and update return the message only.
 *
 * Our errors (`ResourceGroupsError`) carry a whole message: what was done, to what, what the API said
 * and which setting or argument to change; their stack helps no user. So each one a handler throws is
 * noted, and the one line the host prints for it is dropped from `console.error`. The serialized
 * providers in users' states stay as they are: this wraps the handlers they call. Any other error (a bug)
 * keeps its stack trace, for the bug report.
 */
import type { ResourceHandler } from "../core/handler";
import { ResourceGroupsError } from "../core/errors";

/** The host's lines still to come, each exactly as it prints it. */
const pendingEchoes = new Set<string>();
/** The console.error that drops them, once installed. */
let filter: ((...args: unknown[]) => void) | undefined;

/** The line `cmd/dynamic-provider` prints for a failed check, diff, read or delete. */
export function hostEcho(error: Error): string {
  return `${String(error)}: ${error.stack ?? ""}`;
}

/** Drops the next line the host prints for `error`, and only that line. */
function silenceHostEcho(error: Error): void {
  pendingEchoes.add(hostEcho(error));
  if (filter !== undefined && console.error === filter) return;
  const print = console.error;
  filter = (...args: unknown[]): void => {
    if (args.length === 1 && typeof args[0] === "string" && pendingEchoes.delete(args[0])) return;
    print.apply(console, args);
  };
  console.error = filter;
}

/** Runs one call; an error of ours thrown by a step the host echoes is kept from being echoed. */
async function step<T>(echoed: boolean, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (echoed && error instanceof ResourceGroupsError) silenceHostEcho(error);
    throw error;
  }
}

/** The handler with every failure of ours reaching the CLI as its message alone. */
export function presentErrorsOf(handler: ResourceHandler): ResourceHandler {
  return {
    check: (olds, news) => step(true, () => handler.check(olds, news)),
    diff: (id, olds, news) => step(true, () => handler.diff(id, olds, news)),
    create: (inputs) => step(false, () => handler.create(inputs)),
    read: (id, props) => step(true, () => handler.read(id, props)),
    update: (id, olds, news) => step(false, () => handler.update(id, olds, news)),
    delete: (id, props) => step(true, () => handler.delete(id, props)),
  };
}

/** Every handler of a table, each as {@link presentErrorsOf} makes it. */
export function presentErrors<T extends Record<string, ResourceHandler>>(table: T): T {
  return Object.fromEntries(
    Object.entries(table).map(([kind, handler]) => [kind, presentErrorsOf(handler)]),
  ) as T;
}

/**
 * How many of the engine's resource operations this process is serving right now, against how many the
 * engine runs at once. When every one of the engine's slots is taken by an operation of ours that
 * waits in a batch, no other request can arrive until one of them answers: the batches then wait for
 * nothing.
 *
 * The engine runs at most `--parallel` creates, reads, updates and deletes at once; without the flag,
 * the Pulumi CLI takes `PULUMI_PARALLEL`, or else four per processor.
 * The provider inherits the CLI's environment but not its flags: when a user passes a larger
 * `--parallel`, this count is reached earlier than the engine's, and a batch goes out sooner than it
 * had to, with fewer items (never more calls than one per item). check() and diff() are not counted:
 * the engine runs them outside its slots.
 */
import { availableParallelism } from "node:os";

/** The engine's parallelism when the user passed no `--parallel`. */
export function engineParallelism(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.PULUMI_PARALLEL);
  return Number.isInteger(set) && set > 0 ? set : availableParallelism() * 4;
}

let slots: number | undefined;
let serving = 0;

/** Runs one of the engine's operations, counting it as taking a slot while it runs. */
export async function inSlot<T>(operation: () => Promise<T>): Promise<T> {
  serving++;
  try {
    return await operation();
  } finally {
    serving--;
  }
}

/**
 * Whether every slot of the engine is taken by an operation of ours that waits for company (`waiting`
 * of them do): then nothing answers, and nothing new can arrive, until the waits end. An operation in
 * the middle of a call will answer by itself and free its slot for more, so it keeps the wait worth it.
 */
export function engineWaitsOnUs(waiting: number): boolean {
  slots ??= engineParallelism();
  return serving >= slots && waiting >= serving;
}

/** Forgets the parallelism read (tests that change PULUMI_PARALLEL). */
export function resetEngineSlots(): void {
  slots = undefined;
}

/**
 * Write, wait, look again: how a change to a shared object survives writers in other processes.
 *
 * A TagRule or a zone member changes its group by reading the whole group and writing it back. The
 * vendor APIs have no conditional update, and the lock of locks.ts orders only the writers of one
 * process. The provider of another stack (another `pulumi up`, running at the same time) that read the
 * group before this write and writes after it puts back what it read: this change is undone, and
 * neither side gets an error. Checking right after the write misses that, because the other write is
 * still to come. So the check waits first, long enough for a read-modify-write that began before this
 * write to have landed, then reads again and redoes the change if it is gone. The wait is jittered
 * so that two writers undoing each other do not meet again in step. The wait runs outside the lock,
 * so this process's other changes to the group go on meanwhile.
 *
 * It cannot beat a writer whose read-modify-write lasts longer than the wait; each redo makes that less
 * likely, and after SETTLE_ATTEMPTS the change is reported as failed instead of passing for done.
 */
import { ConflictError } from "./errors";
import { sleep } from "./http/retry";

/** The shortest wait after a write; each wait adds up to as much again at random. */
export const SETTLE_MS = 250;
export const SETTLE_ATTEMPTS = 5;

const settleDelay = () => SETTLE_MS + Math.random() * SETTLE_MS;

/**
 * Runs `apply` (a read-modify-write that does nothing when the change is already there), then, after a
 * wait, `holds` (a fresh read); repeats until the change holds.
 */
export async function writeUntilSettled(
  what: string,
  apply: () => Promise<void>,
  holds: () => Promise<boolean>,
): Promise<void> {
  for (let attempt = 1; attempt <= SETTLE_ATTEMPTS; attempt++) {
    await apply();
    await sleep(settleDelay());
    if (await holds()) return;
  }
  throw new ConflictError(
    `${what} was undone by another writer ${SETTLE_ATTEMPTS} times in a row (another stack or tool is ` +
      "changing the same group); run `pulumi up` again once it is done",
  );
}

/**
 * Coalesces writes that the engine sends one resource at a time into the vendor's batch calls. The
 * engine runs one provider process per run and calls it for many resources at once, but paced by its
 * own work between steps (a checkpoint of the whole state before and after each): the members of one
 * group reach the provider tens of milliseconds apart. So a batch waits until no item of its key
 * (say, members added to one group) has arrived for `quietMs`, and never more than `maxWaitMs`.
 *
 * Every batch is all-or-nothing from each resource's point of view: the call's outcome is every
 * item's outcome, and a failure reaches each caller as its own error, naming its own item.
 */

export interface BatchOptions<T> {
  /** A batch goes out once no item has joined it for this long. */
  quietMs: number;
  /** The longest the first item of a batch waits. */
  maxWaitMs: number;
  /** The most items one call takes; a full batch goes out at once. */
  maxItems: number;
  /** Sends one batch; the items all share one key. */
  send: (key: string, items: T[]) => Promise<void>;
  /** The error one item's caller sees when its batch failed, e.g. naming the item. */
  itemError?: (error: unknown, item: T, batchSize: number) => unknown;
}

interface Pending<T> {
  items: T[];
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
  timer?: NodeJS.Timeout;
  deadline: number;
}

export class Batches<T> {
  private readonly open = new Map<string, Pending<T>>();

  constructor(private readonly options: BatchOptions<T>) {}

  /** Resolves once the batch holding `item` has been written, or rejects with its failure. */
  submit(key: string, item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      let batch = this.open.get(key);
      if (!batch) {
        batch = { items: [], waiters: [], deadline: Date.now() + this.options.maxWaitMs };
        this.open.set(key, batch);
      }
      batch.items.push(item);
      batch.waiters.push({ resolve, reject });
      if (batch.items.length >= this.options.maxItems) return this.flush(key);
      clearTimeout(batch.timer);
      const wait = Math.min(this.options.quietMs, Math.max(0, batch.deadline - Date.now()));
      batch.timer = setTimeout(() => this.flush(key), wait);
    });
  }

  private flush(key: string): void {
    const batch = this.open.get(key);
    if (!batch) return;
    this.open.delete(key);
    clearTimeout(batch.timer);
    const { items, waiters } = batch;
    this.options.send(key, items).then(
      () => waiters.forEach((w) => w.resolve()),
      (error: unknown) =>
        waiters.forEach((w, i) =>
          w.reject(
            this.options.itemError ? this.options.itemError(error, items[i] as T, items.length) : error,
          ),
        ),
    );
  }
}

/**
 * A copy of `error` of the same class (so `instanceof` checks still hold) whose message starts with
 * `prefix`: each resource of a failed batch reports the failure as its own.
 */
export function withPrefix(error: unknown, prefix: string): unknown {
  if (!(error instanceof Error)) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  Object.assign(copy, error);
  Object.defineProperty(copy, "message", {
    value: `${prefix}: ${error.message}`,
    writable: true,
    configurable: true,
  });
  Object.defineProperty(copy, "name", { value: error.name, writable: true, configurable: true });
  Object.defineProperty(copy, "stack", {
    value: `${copy.name}: ${copy.message}\n${(error.stack ?? "").split("\n").slice(1).join("\n")}`,
    writable: true,
    configurable: true,
  });
  return copy;
}

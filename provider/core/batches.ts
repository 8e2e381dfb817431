/**
 * Coalesces writes that the engine sends one resource at a time into the vendor's batch calls, without
 * making a write wait for company that is not coming. The engine checks a resource before it creates
 * it, so a handler can announce a member in check() (see `announce`); a write then waits only while
 * more members of its key are known to be coming:
 *
 * - announced members have not reached the batch yet: wait until no item of the key has arrived for
 *   `quietMs`, and never more than `maxWaitMs`, as the members of one group reach the provider tens of
 *   milliseconds apart (the engine checkpoints its whole state before and after each step);
 * - a write of the key is in flight: the new items go out together when it ends (writes that arrive
 *   while the vendor is busy share the next call);
 * - otherwise the batch, with whatever it already holds, goes out at once.
 *
 * An item nobody announced (a delete: the engine calls nothing before it) cannot tell whether company
 * is coming, so it waits for a quiet window of its own (`unannouncedQuietMs`): sending each delete at
 * once cost more calls than it saved time, but the engine starts the deletes of a wave a few
 * milliseconds apart, so a short window keeps their company (bench/README.md, "Small stacks").
 *
 * Whatever the rule, once every slot of the engine is taken by an item waiting here (./engineSlots.ts),
 * no more items can come: every open batch goes out at once.
 *
 * Every batch is all-or-nothing from each resource's point of view: the call's outcome is every
 * item's outcome, and a failure reaches each caller as its own error, naming its own item.
 */
import { engineWaitsOnUs } from "./engineSlots";
import type { ResourceHandler } from "./handler";

export interface BatchOptions<T> {
  /** While more items are announced, a batch goes out once no item has joined it for this long. */
  quietMs: number;
  /**
   * The quiet window of a batch holding an item nobody announced (default `quietMs`): such items come
   * from the engine in bursts, a few milliseconds apart, so a shorter window keeps their company.
   */
  unannouncedQuietMs?: number;
  /** The longest the first item of a batch waits. */
  maxWaitMs: number;
  /** The most items one call takes; a full batch goes out at once. */
  maxItems: number;
  /** Sends one batch; the items all share one key. */
  send: (key: string, items: T[]) => Promise<void>;
  /** The error one item's caller sees when its batch failed, e.g. naming the item. */
  itemError?: (error: unknown, item: T, batchSize: number) => unknown;
  /** The key under which an item was announced, when it is not the batch key. */
  announcedAs?: (key: string, item: T) => string;
}

/**
 * An announcement that never turns into a write (a resource whose create fails before it, a preview)
 * is forgotten after this long; until then it costs a later write of its key one quiet wait at most.
 */
export const ANNOUNCEMENT_LIFETIME_MS = 60_000;

/** When each announced item was announced, per key, oldest first. */
const announced = new Map<string, number[]>();

function liveAnnouncements(key: string): number[] {
  const times = announced.get(key);
  if (!times) return [];
  const oldest = Date.now() - ANNOUNCEMENT_LIFETIME_MS;
  while (times.length > 0 && (times[0] as number) < oldest) times.shift();
  if (times.length === 0) announced.delete(key);
  return times;
}

/** One more item of `key` is coming (its resource was checked and will be written). */
export function announce(key: string): void {
  const times = liveAnnouncements(key);
  times.push(Date.now());
  announced.set(key, times);
}

/**
 * An announced item of `key` will not be written after all (its diff found nothing to create), or
 * has reached its batch; false when none was announced.
 */
export function withdraw(key: string): boolean {
  const found = liveAnnouncements(key).shift() !== undefined;
  if (announced.get(key)?.length === 0) announced.delete(key);
  return found;
}

/** Forgets every announcement (tests). */
export function forgetAnnouncements(): void {
  announced.clear();
}

/**
 * A check() that announces each resource it passes under `keyOf(inputs)` (its batch key), so the
 * batch its create joins knows to wait for it.
 */
export function announcing(
  check: ResourceHandler["check"],
  keyOf: (inputs: Record<string, unknown>) => unknown,
): ResourceHandler["check"] {
  return async (olds, news) => {
    const result = await check(olds, news);
    const key = result.failures?.length ? undefined : keyOf((result.inputs ?? {}) as Record<string, unknown>);
    if (typeof key === "string") announce(key);
    return result;
  };
}

/** A diff's decision, withdrawing the announcement of check() when it leads to no create. */
export function createsOnlyIfReplaced<D extends { replaces?: string[] }>(key: string, decision: D): D {
  if (!decision.replaces?.length) withdraw(key);
  return decision;
}

interface Pending<T> {
  items: T[];
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
  timer?: NodeJS.Timeout;
  deadline: number;
}

/** The batchers holding open batches, which go out together when the engine waits on this process. */
const holding = new Set<{ flushAll(): void }>();
/** Items in open batches, across batchers. */
let waitingItems = 0;

export class Batches<T> {
  private readonly open = new Map<string, Pending<T>>();
  /** Sends under way, per key. */
  private readonly inFlight = new Map<string, number>();
  /** Keys whose open batch holds an item nobody announced: it goes out after the quiet window only. */
  private readonly unannounced = new Set<string>();

  constructor(private readonly options: BatchOptions<T>) {}

  /** Resolves once the batch holding `item` has been written, or rejects with its failure. */
  submit(key: string, item: T): Promise<void> {
    const announcedKey = this.options.announcedAs?.(key, item) ?? key;
    if (!withdraw(announcedKey)) this.unannounced.add(key);
    return new Promise((resolve, reject) => {
      let batch = this.open.get(key);
      if (!batch) {
        batch = { items: [], waiters: [], deadline: Date.now() + this.options.maxWaitMs };
        this.open.set(key, batch);
        holding.add(this);
      }
      batch.items.push(item);
      batch.waiters.push({ resolve, reject });
      waitingItems++;
      clearTimeout(batch.timer);
      if (batch.items.length >= this.options.maxItems) return this.flush(key);
      if (engineWaitsOnUs(waitingItems)) {
        for (const batcher of [...holding]) batcher.flushAll();
        return;
      }
      const announcedMore = liveAnnouncements(announcedKey).length > 0;
      const window = announcedMore
        ? this.options.quietMs
        : (this.options.unannouncedQuietMs ?? this.options.quietMs);
      const quietWait = () => Math.min(window, Math.max(0, batch.deadline - Date.now()));
      if (announcedMore || this.unannounced.has(key)) {
        batch.timer = setTimeout(() => this.flush(key), quietWait());
      } else if ((this.inFlight.get(key) ?? 0) > 0) {
        // Sent when the write under way ends; the deadline bounds the wait all the same.
        batch.timer = setTimeout(() => this.flush(key), Math.max(0, batch.deadline - Date.now()));
      } else {
        this.flush(key);
      }
    });
  }

  /** Sends every open batch now. */
  flushAll(): void {
    for (const key of [...this.open.keys()]) this.flush(key);
  }

  private flush(key: string): void {
    const batch = this.open.get(key);
    if (!batch) return;
    this.open.delete(key);
    if (this.open.size === 0) holding.delete(this);
    waitingItems -= batch.items.length;
    this.unannounced.delete(key);
    clearTimeout(batch.timer);
    const { items, waiters } = batch;
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    this.options
      .send(key, items)
      .finally(() => this.landed(key, items[0] as T))
      .then(
        () => waiters.forEach((w) => w.resolve()),
        (error: unknown) =>
          waiters.forEach((w, i) =>
            w.reject(
              this.options.itemError ? this.options.itemError(error, items[i] as T, items.length) : error,
            ),
          ),
      );
  }

  /** A send of `key` ended: what gathered behind it goes out now, unless more is announced. */
  private landed(key: string, item: T): void {
    const left = (this.inFlight.get(key) ?? 1) - 1;
    if (left > 0) this.inFlight.set(key, left);
    else this.inFlight.delete(key);
    const waiting = this.open.get(key);
    const announcedKey = this.options.announcedAs?.(key, item) ?? key;
    const quiet = this.unannounced.has(key) || liveAnnouncements(announcedKey).length > 0;
    if (waiting && left === 0 && !quiet) this.flush(key);
  }
}

/**
 * A copy of `error` of the same class (so `instanceof` checks still hold) whose message starts with
 * `prefix`: each resource of a failed batch reports the failure as its own. A message that already
 * starts with it (a batch of one names its item itself) is left as it is, so nothing is said twice.
 */
export function withPrefix(error: unknown, prefix: string): unknown {
  if (!(error instanceof Error) || startsWithWords(error.message, prefix)) return error;
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

/** Whether `text` begins with `words` as whole words ("member i-1" does not begin "member i-10 ..."). */
function startsWithWords(text: string, words: string): boolean {
  return text.startsWith(words) && /^(?:[ :]|$)/.test(text.slice(words.length));
}

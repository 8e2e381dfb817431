/** Request counters, so tests and benchmarks can assert how many calls a client really made. */

/** One request answered with a Retry-After (a 429 or a 503), and the same request sent again. */
export interface PacedRetry {
  /** Method, path with query, and a digest of the body: what identifies "the same request". */
  request: string;
  /** The Retry-After the answer carried, in milliseconds. */
  askedMs: number;
  /** From sending the answer to receiving the same request again. */
  waitedMs: number;
}

export interface RetryAfterStats {
  /** Answers sent with a Retry-After. */
  answered: number;
  /** Requests that repeated such a request. */
  retries: number;
  /** Retries that came before the Retry-After had passed. */
  early: number;
  /** The smallest waitedMs - askedMs of any retry; null before the first. */
  minMarginMs: number | null;
  /** The latest retries (at most RECENT_RETRIES), oldest first. */
  recent: PacedRetry[];
}

export interface EmulatorStats {
  total: number;
  writes: number;
  /** Keyed by method and route pattern, e.g. "POST /v2/{project_id}/resource-groups". */
  byRoute: Record<string, number>;
  injectedFaults: number;
  dropped: number;
  retryAfter: RetryAfterStats;
}

/** Stats key for API requests that match no route. */
export const UNKNOWN_ROUTE = "(unknown route)";

const RECENT_RETRIES = 200;
/** Requests told to wait and never sent again are forgotten past this many, oldest first. */
const PENDING_MAX = 10_000;

function empty(): EmulatorStats {
  return {
    total: 0,
    writes: 0,
    byRoute: {},
    injectedFaults: 0,
    dropped: 0,
    retryAfter: { answered: 0, retries: 0, early: 0, minMarginMs: null, recent: [] },
  };
}

export class StatsRecorder {
  private stats = empty();
  /** Requests told to wait and not yet seen again: when the answer went out and the wait it asked. */
  private pending = new Map<string, { at: number; askedMs: number }>();

  /**
   * Counts one API request. `identity` names the request as toldToWait() did, and `at` is when it
   * arrived (performance.now()): a repeat of a request told to wait is timed against its Retry-After.
   */
  request(method: string, pattern: string, write: boolean, identity?: string, at?: number): void {
    const key = `${method} ${pattern}`;
    this.stats.total += 1;
    if (write) this.stats.writes += 1;
    this.stats.byRoute[key] = (this.stats.byRoute[key] ?? 0) + 1;
    if (identity === undefined || at === undefined) return;
    const limited = this.pending.get(identity);
    if (!limited) return;
    this.pending.delete(identity);
    const waitedMs = at - limited.at;
    const margin = waitedMs - limited.askedMs;
    const rl = this.stats.retryAfter;
    rl.retries += 1;
    if (margin < 0) rl.early += 1;
    rl.minMarginMs = rl.minMarginMs === null ? margin : Math.min(rl.minMarginMs, margin);
    rl.recent.push({ request: identity, askedMs: limited.askedMs, waitedMs: Math.round(waitedMs) });
    if (rl.recent.length > RECENT_RETRIES) rl.recent.shift();
  }

  /** Records an answer sent at `at` (performance.now()) that asked the client to wait `retryAfterSeconds`. */
  toldToWait(identity: string, retryAfterSeconds: number, at: number): void {
    this.stats.retryAfter.answered += 1;
    this.pending.delete(identity);
    this.pending.set(identity, { at, askedMs: retryAfterSeconds * 1000 });
    if (this.pending.size > PENDING_MAX) {
      const oldest = this.pending.keys().next().value;
      if (oldest !== undefined) this.pending.delete(oldest);
    }
  }

  injectedFault(): void {
    this.stats.injectedFaults += 1;
  }

  dropped(): void {
    this.stats.dropped += 1;
  }

  /** A copy, so callers can keep a snapshot while counting goes on. */
  snapshot(): EmulatorStats {
    const rl = this.stats.retryAfter;
    return {
      ...this.stats,
      byRoute: { ...this.stats.byRoute },
      retryAfter: { ...rl, recent: rl.recent.map((r) => ({ ...r })) },
    };
  }

  reset(): void {
    this.stats = empty();
    this.pending.clear();
  }
}

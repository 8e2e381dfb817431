/** Request counters, so tests and benchmarks can assert how many calls a client really made. */

export interface EmulatorStats {
  total: number;
  writes: number;
  /** Keyed by method and route pattern, e.g. "POST /v2/{project_id}/resource-groups". */
  byRoute: Record<string, number>;
  injectedFaults: number;
  dropped: number;
}

/** Stats key for API requests that match no route. */
export const UNKNOWN_ROUTE = "(unknown route)";

function empty(): EmulatorStats {
  return { total: 0, writes: 0, byRoute: {}, injectedFaults: 0, dropped: 0 };
}

export class StatsRecorder {
  private stats = empty();

  request(method: string, pattern: string, write: boolean): void {
    const key = `${method} ${pattern}`;
    this.stats.total += 1;
    if (write) this.stats.writes += 1;
    this.stats.byRoute[key] = (this.stats.byRoute[key] ?? 0) + 1;
  }

  injectedFault(): void {
    this.stats.injectedFaults += 1;
  }

  dropped(): void {
    this.stats.dropped += 1;
  }

  /** A copy, so callers can keep a snapshot while counting goes on. */
  snapshot(): EmulatorStats {
    return { ...this.stats, byRoute: { ...this.stats.byRoute } };
  }

  reset(): void {
    this.stats = empty();
  }
}

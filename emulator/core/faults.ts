/** Fault injection: errors, latency and dropped connections, so clients can prove their retry logic. */
import { z } from "zod";

export const FAULT_STATUSES = [500, 503, 429] as const;

export interface FaultSettings {
  /** 0..1 share of API requests answered with an injected error. */
  failRate?: number;
  /** Statuses to draw from, a subset of [500, 503, 429]; default all three. */
  failStatuses?: number[];
  /** The next N API requests fail (before failRate is considered). */
  failNext?: number;
  /** Status for failNext, default 503. */
  failNextStatus?: number;
  /** Retry-After header value sent with 429 and 503, default 1. */
  retryAfterSeconds?: number;
  /** Added before handling every API request. */
  latencyMs?: number;
  /** 0..1 share of write requests whose connection is destroyed after the write committed. */
  dropRate?: number;
  /** The next N write requests are dropped after commit. */
  dropNext?: number;
}

const faultStatus = z.union(
  FAULT_STATUSES.map((status) => z.literal(status)),
  { error: `must be one of ${FAULT_STATUSES.join(", ")}` },
);
const share = z
  .number({ error: "must be a number between 0 and 1" })
  .min(0, { error: "must be a number between 0 and 1" })
  .max(1, { error: "must be a number between 0 and 1" });
const count = z
  .number({ error: "must be a whole number >= 0" })
  .int({ error: "must be a whole number >= 0" })
  .min(0, { error: "must be a whole number >= 0" });

export const faultSettingsSchema = z.strictObject(
  {
    failRate: share.optional(),
    failStatuses: z
      .array(faultStatus, { error: `must be a list of statuses from ${FAULT_STATUSES.join(", ")}` })
      .min(1, { error: "must name at least one status" })
      .optional(),
    failNext: count.optional(),
    failNextStatus: faultStatus.optional(),
    retryAfterSeconds: count.optional(),
    latencyMs: count.optional(),
    dropRate: share.optional(),
    dropNext: count.optional(),
  },
  { error: "must be an object" },
) satisfies z.ZodType<FaultSettings>;

export class InvalidFaultSettings extends Error {
  override name = "InvalidFaultSettings";
}

/** Validates fault settings from any source (admin route, CLI, programmatic) with one set of rules. */
export function parseFaultSettings(input: unknown): FaultSettings {
  const result = faultSettingsSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys")
      return `unknown setting ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
    const field = issue.path.map(String).join(".");
    return field ? `${field} ${issue.message}` : `fault settings ${issue.message}`;
  });
  throw new InvalidFaultSettings(`Invalid fault settings: ${problems.join("; ")}`);
}

export interface InjectedFailure {
  status: number;
  retryAfterSeconds?: number;
}

export class FaultInjector {
  /** The live settings object: callers may mutate it, and counters count down in it. */
  readonly settings: FaultSettings;

  constructor(initial: FaultSettings = {}) {
    this.settings = { ...initial };
  }

  /** Replaces the settings in place, so references to `settings` stay live. */
  replace(next: FaultSettings): void {
    for (const key of Object.keys(this.settings)) delete this.settings[key as keyof FaultSettings];
    Object.assign(this.settings, next);
  }

  latencyMs(): number {
    return Math.max(0, this.settings.latencyMs ?? 0);
  }

  /** Decides whether this API request fails; consumes one failNext when it does. */
  takeFailure(): InjectedFailure | undefined {
    const s = this.settings;
    let status: number | undefined;
    if ((s.failNext ?? 0) > 0) {
      s.failNext = (s.failNext ?? 0) - 1;
      status = s.failNextStatus ?? 503;
    } else if ((s.failRate ?? 0) > 0 && Math.random() < (s.failRate ?? 0)) {
      const statuses = s.failStatuses?.length ? s.failStatuses : FAULT_STATUSES;
      status = statuses[Math.floor(Math.random() * statuses.length)] ?? 500;
    }
    if (status === undefined) return undefined;
    const retryable = status === 429 || status === 503;
    return retryable ? { status, retryAfterSeconds: s.retryAfterSeconds ?? 1 } : { status };
  }

  /** Decides whether a committed write loses its answer; consumes one dropNext when it does. */
  takeDrop(): boolean {
    const s = this.settings;
    if ((s.dropNext ?? 0) > 0) {
      s.dropNext = (s.dropNext ?? 0) - 1;
      return true;
    }
    return (s.dropRate ?? 0) > 0 && Math.random() < (s.dropRate ?? 0);
  }
}

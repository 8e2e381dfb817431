/**
 * When and how long to wait before trying a request again: exponential backoff with full jitter,
 * and the server's Retry-After taken as a floor when it sends one.
 */
import { ApiConnectionError, RateLimitError, ServerError } from "./errors";

export interface RetryOptions {
  /** Retries after the first attempt; 0 disables retrying. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is capped, so one answer cannot stall a deployment. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxRetries: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** 429, 5xx and lost connections are worth another try; every other failure will fail again. */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof RateLimitError || error instanceof ServerError || error instanceof ApiConnectionError
  );
}

/** Parses Retry-After, which is either delay-seconds or an HTTP date. */
export function parseRetryAfter(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== "string" || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

/** Delay before retry number `retry` (0 for the first retry). */
export function retryDelayMs(
  retry: number,
  options: RetryOptions,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  const jittered = Math.round(random() * ceiling);
  if (retryAfterSeconds === undefined) return jittered;
  const floor = Math.min(options.maxRetryAfterMs, retryAfterSeconds * 1000);
  // Spread clients that were all told the same Retry-After over a small window after it.
  return Math.round(floor + random() * Math.min(options.baseDelayMs, ceiling));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

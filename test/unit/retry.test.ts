import {
  ApiConnectionError,
  BadRequestError,
  RateLimitError,
  ServerError,
} from "../../provider/core/http/errors";
import { DEFAULT_RETRY, isRetryable, parseRetryAfter, retryDelayMs } from "../../provider/core/http/retry";

const details = { operation: "op", status: 500 };

describe("retry rules", () => {
  it("retries rate limits, server errors and lost connections only", () => {
    expect(isRetryable(new RateLimitError({ ...details, status: 429 }))).toBe(true);
    expect(isRetryable(new ServerError(details))).toBe(true);
    expect(isRetryable(new ApiConnectionError("op", "ECONNRESET"))).toBe(true);
    expect(isRetryable(new BadRequestError({ ...details, status: 400 }))).toBe(false);
    expect(isRetryable(new Error("other"))).toBe(false);
  });

  it("backs off exponentially up to the cap, with full jitter", () => {
    const top = () => 1;
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, DEFAULT_RETRY, undefined, top))).toEqual([
      250, 500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(retryDelayMs(3, DEFAULT_RETRY, undefined, () => 0)).toBe(0);
    expect(retryDelayMs(3, DEFAULT_RETRY, undefined, () => 0.5)).toBe(1000);
  });

  it("waits at least the Retry-After the server sent, capped", () => {
    expect(retryDelayMs(0, DEFAULT_RETRY, 2, () => 0)).toBe(2000);
    expect(retryDelayMs(0, DEFAULT_RETRY, 2, () => 1)).toBe(2250);
    expect(retryDelayMs(0, DEFAULT_RETRY, 3600, () => 0)).toBe(DEFAULT_RETRY.maxRetryAfterMs);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-11-21T10:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3);
    expect(parseRetryAfter("Sat, 21 Nov 2026 10:00:05 GMT", now)).toBe(5);
    expect(parseRetryAfter("Sat, 21 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

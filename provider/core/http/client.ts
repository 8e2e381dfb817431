/**
 * The HTTP layer every vendor uses: one client per vendor configuration, bounded retries, and every
 * failure turned into a typed error that never carries the request's headers.
 */
import { randomUUID } from "node:crypto";
import type { Agent } from "node:http";
import {
  ApiConnectionError,
  ApiTimeoutError,
  NotFoundError,
  RateLimitError,
  apiErrorFor,
  type ApiError,
  type ApiErrorDetails,
  type ApiTarget,
} from "./errors";
import { isRetryable, parseRetryAfter, retryDelayMs, sleep, type RetryOptions } from "./retry";
import { exchange, requestUrl, type ExchangeResponse } from "./exchange";
import { proxyAgentsFor } from "./proxy";
import { settingSpec, where } from "../settings";

/**
 * A 429 is the server pacing its clients, not a failure: it gets a budget of its own, this many times
 * `maxRetries`, so a busy API slows a deployment down instead of failing it.
 */
export const RATE_LIMIT_BUDGET_FACTOR = 5;

/** Names one logical request across its retries. */
export const CLIENT_REQUEST_ID_HEADER = "X-Client-Request-Id";

export interface VendorErrorBody {
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
}

export interface HttpClientOptions {
  /** The API by its name in messages, e.g. "the CES API". */
  api: string;
  baseURL: string;
  headers: Record<string, string>;
  timeoutMs: number;
  retry: RetryOptions;
  /** Reads the vendor's error body. */
  parseError: (body: unknown, headers: Record<string, unknown>) => VendorErrorBody;
  /** Where the user sets the credential, quoted in authentication errors. */
  credentialHint: string;
  /** Where the user sets the endpoint, quoted when nothing answers. */
  endpointHint?: string;
  /** What a 403 means at this vendor, e.g. which scope the credential lacks. */
  permissionHint?: (details: ApiErrorDetails) => string | undefined;
  /** Replaces the real sleep in tests of the retry schedule. */
  sleep?: (ms: number) => Promise<void>;
}

/** What every vendor's API client takes from the common settings, and hands on to its HttpClient. */
export interface ClientOptions {
  requestTimeoutMs: number;
  retry: RetryOptions;
  /** Where the user sets the credential, quoted in authentication errors. */
  credentialHint: string;
  /** Replaces the real sleep in tests of the retry schedule. */
  sleep?: (ms: number) => Promise<void>;
}

/** The part of an HttpClient's options that a vendor client passes on as it got them. */
export function commonHttpOptions(
  options: ClientOptions,
): Pick<HttpClientOptions, "timeoutMs" | "retry" | "credentialHint" | "sleep"> {
  const { requestTimeoutMs, retry, credentialHint, sleep } = options;
  return { timeoutMs: requestTimeoutMs, retry, credentialHint, sleep };
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestSpec {
  method: Method;
  path: string;
  /** What the call does, for messages: "create resource group 'web'". */
  operation: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /**
   * Whether sending the request twice has the effect of sending it once. Defaults by method: GET, PUT
   * and DELETE are, POST and PATCH are not. A request that is not idempotent is retried only through
   * `beforeRetry`, which checks whether an earlier attempt already took effect and, if so, returns its
   * result instead of sending again.
   */
  idempotent?: boolean;
  beforeRetry?: () => Promise<{ data: unknown } | undefined>;
}

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

export interface HttpResponse<T> {
  status: number;
  data: T;
}

export class HttpClient {
  private readonly redact: (text: string) => string;
  /** Where requests go, for messages. */
  private readonly target: ApiTarget;
  private readonly headers: Record<string, string>;
  /** The proxy's agent when HTTPS_PROXY, HTTP_PROXY or NO_PROXY route this endpoint through one. */
  private readonly agent: Agent | undefined;

  constructor(private readonly options: HttpClientOptions) {
    this.redact = redactor(Object.values(options.headers));
    this.target = { api: options.api, url: shownUrl(options.baseURL), endpointHint: options.endpointHint };
    this.headers = { "Content-Type": "application/json", Accept: "application/json", ...options.headers };
    const agents = proxyAgentsFor(options.baseURL);
    this.agent = agents.httpsAgent ?? agents.httpAgent;
  }

  async request<T>(spec: RequestSpec): Promise<HttpResponse<T>> {
    const wait = this.options.sleep ?? waitAtLeast;
    const idempotent = spec.idempotent ?? IDEMPOTENT_METHODS.has(spec.method.toUpperCase());
    const retryable = idempotent || spec.beforeRetry !== undefined;
    const { maxRetries } = this.options.retry;
    let failures = 0;
    let rateLimited = 0;
    // The same id on every attempt, so logs and the server can tell a retry from a new request.
    const clientRequestId = randomUUID();
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0 && spec.beforeRetry) {
        const earlier = await spec.beforeRetry();
        if (earlier) return { status: 200, data: earlier.data as T };
      }
      try {
        return await this.send<T>(spec, clientRequestId);
      } catch (error) {
        if (!retryable || !isRetryable(error)) throw error;
        if (error instanceof RateLimitError) rateLimited++;
        else failures++;
        if (failures > maxRetries || rateLimited > maxRetries * RATE_LIMIT_BUDGET_FACTOR) throw error;
        const retryAfter = (error as Partial<ApiError>).retryAfterSeconds;
        // Coming back before the server asked is no retry at all: give up instead.
        if (retryAfter !== undefined && retryAfter * 1000 > this.options.retry.maxRetryAfterMs) throw error;
        const delay = retryDelayMs(Math.min(attempt, maxRetries), this.options.retry, retryAfter);
        await wait(delay);
      }
    }
  }

  /**
   * The answer, or undefined when the API says the target does not exist (HTTP 404): a read of
   * something gone, or a delete that an earlier attempt, or someone else, already did.
   */
  async requestIfFound<T>(spec: RequestSpec): Promise<HttpResponse<T> | undefined> {
    try {
      return await this.request<T>(spec);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * Deletes what `path` names; something already gone counts as deleted (an earlier attempt whose
   * answer was lost, or a delete done elsewhere).
   */
  async deleteIfPresent(path: string, operation: string, query?: RequestSpec["query"]): Promise<void> {
    await this.requestIfFound({ method: "DELETE", path, operation, query });
  }

  private async send<T>(spec: RequestSpec, clientRequestId: string): Promise<HttpResponse<T>> {
    let response: ExchangeResponse;
    try {
      response = await exchange({
        method: spec.method,
        url: requestUrl(this.options.baseURL, spec.path, spec.query),
        headers: { ...this.headers, [CLIENT_REQUEST_ID_HEADER]: clientRequestId },
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        timeoutMs: this.options.timeoutMs,
        agent: this.agent,
      });
    } catch (error) {
      throw connectionError(spec.operation, this.target, error, this.redact);
    }
    if (response.status >= 200 && response.status < 300) {
      return { status: response.status, data: response.data as T };
    }
    const headers: Record<string, unknown> = response.headers;
    const body = this.options.parseError(response.data, headers);
    const details: ApiErrorDetails = {
      operation: spec.operation,
      status: response.status,
      target: this.target,
      ...body,
      // A server may echo what it was sent; the credential never goes further than this client.
      ...(body.errorMsg === undefined ? {} : { errorMsg: this.redact(body.errorMsg) }),
      retryAfterSeconds: parseRetryAfter(headers["retry-after"]),
    };
    throw apiErrorFor(details, this.options.credentialHint, this.options.permissionHint?.(details));
  }
}

/**
 * Sleeps for at least `ms`: timers may fire a millisecond early, and a server that asked for a pause
 * must not see the retry before it ends.
 */
async function waitAtLeast(ms: number): Promise<void> {
  const until = performance.now() + ms;
  for (let left = ms; left > 0; left = until - performance.now()) await sleep(Math.ceil(left));
}

export const REDACTED = "[redacted]";

/** Replaces every credential (each header value, and the token of `Bearer <token>`) in a text. */
export function redactor(headerValues: readonly string[]): (text: string) => string {
  const secrets = headerValues
    .flatMap((value) => [value, value.replace(/^\S+\s+/, "")])
    .filter((value) => value.length >= 4 && !/^application\//.test(value))
    .sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/** The endpoint as messages show it: without a user, password or query, which could hold a secret. */
export function shownUrl(baseURL: string): string {
  try {
    const url = new URL(baseURL);
    url.username = "";
    url.password = "";
    url.search = "";
    return url.href.replace(/\/$/, "");
  } catch {
    return baseURL;
  }
}

/** Keeps only the reason from a request that got no answer: the token never goes into a message. */
function connectionError(
  operation: string,
  target: ApiTarget,
  error: unknown,
  redact: (text: string) => string,
): ApiConnectionError {
  const code = (error as Partial<NodeJS.ErrnoException> | undefined)?.code;
  const message = redact(error instanceof Error ? error.message : String(error));
  if (code === "ETIMEDOUT") {
    const timeout = where(settingSpec("requestTimeoutMs"));
    const hint = target.endpointHint
      ? `Check the endpoint (${target.endpointHint}); a slow API needs a larger timeout (${timeout})`
      : `A slow API needs a larger timeout (${timeout})`;
    return new ApiTimeoutError(operation, `timed out: ${message}`, target, hint);
  }
  // "connect ECONNREFUSED 127.0.0.1:9" names its code already.
  const reason = code && !message.includes(code) ? `${code}: ${message}` : message;
  return new ApiConnectionError(operation, reason, target);
}

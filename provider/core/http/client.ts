/**
 * The HTTP layer every vendor uses: one axios instance per vendor configuration, bounded retries, and
 * every failure turned into a typed error that never carries the request's headers.
 */
import axios, { type AxiosInstance, type AxiosResponse, type Method } from "axios";
import {
  ApiConnectionError,
  ApiTimeoutError,
  apiErrorFor,
  type ApiError,
  type ApiErrorDetails,
} from "./errors";
import { isRetryable, parseRetryAfter, retryDelayMs, sleep, type RetryOptions } from "./retry";

export interface VendorErrorBody {
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
}

export interface HttpClientOptions {
  baseURL: string;
  headers: Record<string, string>;
  timeoutMs: number;
  retry: RetryOptions;
  /** Reads the vendor's error body. */
  parseError: (body: unknown, headers: Record<string, unknown>) => VendorErrorBody;
  /** Where the user sets the credential, quoted in authentication errors. */
  credentialHint: string;
  /** What a 403 means at this vendor, e.g. which scope the credential lacks. */
  permissionHint?: (details: ApiErrorDetails) => string | undefined;
  /** Replaces the real sleep in tests of the retry schedule. */
  sleep?: (ms: number) => Promise<void>;
}

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
  private readonly axios: AxiosInstance;

  constructor(private readonly options: HttpClientOptions) {
    this.axios = axios.create({
      baseURL: options.baseURL,
      headers: { "Content-Type": "application/json", Accept: "application/json", ...options.headers },
      timeout: options.timeoutMs,
      // Every status is handled here, so axios never builds an error that embeds the headers.
      validateStatus: () => true,
      transitional: { clarifyTimeoutError: true },
      proxy: false,
    });
  }

  async request<T>(spec: RequestSpec): Promise<HttpResponse<T>> {
    const wait = this.options.sleep ?? sleep;
    const idempotent = spec.idempotent ?? IDEMPOTENT_METHODS.has(spec.method.toUpperCase());
    const retryable = idempotent || spec.beforeRetry !== undefined;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0 && spec.beforeRetry) {
        const earlier = await spec.beforeRetry();
        if (earlier) return { status: 200, data: earlier.data as T };
      }
      try {
        return await this.send<T>(spec);
      } catch (error) {
        if (!retryable || !isRetryable(error) || attempt >= this.options.retry.maxRetries) throw error;
        const retryAfter = (error as Partial<ApiError>).retryAfterSeconds;
        await wait(retryDelayMs(attempt, this.options.retry, retryAfter));
      }
    }
  }

  private async send<T>(spec: RequestSpec): Promise<HttpResponse<T>> {
    let response: AxiosResponse<unknown>;
    try {
      response = await this.axios.request({
        method: spec.method,
        url: spec.path,
        params: spec.query,
        data: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      });
    } catch (error) {
      throw connectionError(spec.operation, error);
    }
    if (response.status >= 200 && response.status < 300) {
      return { status: response.status, data: response.data as T };
    }
    const headers = response.headers as Record<string, unknown>;
    const details: ApiErrorDetails = {
      operation: spec.operation,
      status: response.status,
      ...this.options.parseError(response.data, headers),
      retryAfterSeconds: parseRetryAfter(headers["retry-after"]),
    };
    throw apiErrorFor(details, this.options.credentialHint, this.options.permissionHint?.(details));
  }
}

/** Keeps only the reason from an axios failure: its config (and so the token) stays behind. */
function connectionError(operation: string, error: unknown): ApiConnectionError {
  const code = axios.isAxiosError(error) ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ETIMEDOUT" || code === "ECONNABORTED") {
    return new ApiTimeoutError(operation, `timed out: ${message}`);
  }
  return new ApiConnectionError(operation, code ? `${code}: ${message}` : message);
}

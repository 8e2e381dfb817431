/**
 * One error class per failure kind, so callers can branch with `instanceof` and users read a message
 * that says what failed and why. No error keeps the request configuration: it carries the token.
 */

export class ResourceGroupsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A provider setting is missing or malformed. */
export class ConfigurationError extends ResourceGroupsError {}

/** The request is valid but the remote state forbids it (wrong group type, tag limit, name taken). */
export class ConflictError extends ResourceGroupsError {}

export interface ApiErrorDetails {
  operation: string;
  status: number;
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
  /** Seconds from a Retry-After header, when the server sent one. */
  retryAfterSeconds?: number;
}

/** The API answered with an error status. */
export class ApiError extends ResourceGroupsError {
  readonly operation: string;
  readonly status: number;
  readonly errorCode?: string;
  readonly errorMsg?: string;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;

  constructor(details: ApiErrorDetails, hint?: string) {
    const code = details.errorCode ? ` ${details.errorCode}` : "";
    const why = details.errorMsg ? `: ${details.errorMsg}` : "";
    const request = details.requestId ? ` (request id ${details.requestId})` : "";
    super(
      `${details.operation} failed with HTTP ${details.status}${code}${why}${request}${hint ? `. ${hint}` : ""}`,
    );
    this.operation = details.operation;
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.errorMsg = details.errorMsg;
    this.requestId = details.requestId;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export class BadRequestError extends ApiError {}
export class AuthenticationError extends ApiError {}
export class PermissionDeniedError extends ApiError {}
export class NotFoundError extends ApiError {}
export class RateLimitError extends ApiError {}
export class ServerError extends ApiError {}

/** No answer came back: connection refused or reset, or the request timed out. */
export class ApiConnectionError extends ResourceGroupsError {
  constructor(
    readonly operation: string,
    readonly reason: string,
  ) {
    super(`${operation} failed: no answer from the API (${reason})`);
  }
}

export class ApiTimeoutError extends ApiConnectionError {}

/** Maps an error status to its class, with a hint on what the user can do about it. */
export function apiErrorFor(details: ApiErrorDetails, credentialHint: string): ApiError {
  const { status } = details;
  if (status === 401) return new AuthenticationError(details, `Check the token (${credentialHint})`);
  if (status === 403) {
    return new PermissionDeniedError(details, "The token is valid but lacks permission for this call");
  }
  if (status === 404) return new NotFoundError(details);
  if (status === 429) return new RateLimitError(details, "The API kept rate-limiting after all retries");
  if (status >= 500) return new ServerError(details, "The API kept failing after all retries");
  return new BadRequestError(details);
}

/**
 * The resource exists but a later step of its creation failed. Pulumi records `id` and `properties`
 * in the state, so the resource is never orphaned, and the next update finishes the work.
 */
export class PartialCreateError extends ResourceGroupsError {
  readonly reasons: string[];
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    cause: Error,
  ) {
    super(`${cause.message} (the resource ${id} exists and is kept in the stack; run the update again)`);
    this.reasons = [cause.message];
  }
}

/**
 * One error class per kind of HTTP failure, so callers can branch with `instanceof` and users read a
 * message that says what failed and why. No error keeps the request configuration: it carries the token.
 */
import { ResourceGroupsError } from "../errors";

/** Which API a request went to, so a message names the vendor and the URL the settings gave. */
export interface ApiTarget {
  /** The API by its name in messages: "the CES API". */
  api: string;
  /** The endpoint (base URL) the request went to. */
  url: string;
  /** Where the user sets the endpoint, quoted when nothing answered. */
  endpointHint?: string;
}

export interface ApiErrorDetails {
  operation: string;
  status: number;
  /** The API that answered; without it the message says "the API". */
  target?: ApiTarget;
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

  /**
   * "<operation> failed: <the API at url> answered HTTP <status> <code>: <vendor's message> (request id
   * <id>). <what to change>": what was done to which object, where, what came back, and what to do.
   */
  constructor(details: ApiErrorDetails, hint?: string) {
    const code = details.errorCode ? ` ${details.errorCode}` : "";
    const why = details.errorMsg ? `: ${sentence(details.errorMsg)}` : "";
    const request = details.requestId ? ` (request id ${details.requestId})` : "";
    super(
      `${details.operation} failed: ${apiName(details.target)} answered HTTP ${details.status}${code}${why}${request}` +
        (hint ? `. ${hint}` : ""),
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
/** 409: the object already exists or another write got there first. */
export class ApiConflictError extends ApiError {}
/** 422: the body is well-formed but the API will not accept it. */
export class UnprocessableEntityError extends ApiError {}
export class RateLimitError extends ApiError {}
export class ServerError extends ApiError {}

/**
 * No answer came back: connection refused or reset, or the request timed out. The message names the URL
 * and the setting that chose it, since a wrong endpoint is the usual cause.
 */
export class ApiConnectionError extends ResourceGroupsError {
  constructor(
    readonly operation: string,
    readonly reason: string,
    readonly target?: ApiTarget,
    hint = target?.endpointHint ? `Check the endpoint: ${target.endpointHint}` : undefined,
  ) {
    super(`${operation} failed: no answer from ${apiName(target)} (${reason})${hint ? `. ${hint}` : ""}`);
  }
}

export class ApiTimeoutError extends ApiConnectionError {}

/** "the CES API at https://...", or "the API" when the caller did not say which. */
function apiName(target: ApiTarget | undefined): string {
  return target ? `${target.api} at ${target.url}` : "the API";
}

/** A vendor's message without its closing full stop, which the text around it supplies. */
function sentence(text: string): string {
  return text.replace(/\.+$/, "");
}

/** Maps an error status to its class, with a hint on what the user can do about it. */
export function apiErrorFor(
  details: ApiErrorDetails,
  credentialHint: string,
  permissionHint = `The credential is valid but lacks permission for this call: use one that has it (${credentialHint})`,
): ApiError {
  const { status } = details;
  if (status === 401) return new AuthenticationError(details, `Check the credential: ${credentialHint}`);
  if (status === 403) return new PermissionDeniedError(details, permissionHint);
  if (status === 404) return new NotFoundError(details);
  if (status === 409) return new ApiConflictError(details);
  if (status === 422) return new UnprocessableEntityError(details);
  if (status === 429) return new RateLimitError(details, "The API kept rate-limiting after all retries");
  if (status >= 500) return new ServerError(details, "The API kept failing after all retries");
  return new BadRequestError(details);
}

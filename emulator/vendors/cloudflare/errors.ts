/** Cloudflare's v4 envelope: every answer is `{success, errors, messages, result}`; errors carry codes. */
import { EmulatorFailure, type RenderedError } from "../../core/vendor";

export interface CloudflareMessage {
  code: number;
  message: string;
  /** The JSON pointer of the bad field, e.g. "/scope/objects/0/key". */
  source?: { pointer: string };
}

export class CloudflareError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly CloudflareMessage[],
  ) {
    super(errors.map((e) => e.message).join("; "));
    this.name = "CloudflareError";
  }
}

/** One broken body rule; `pointer` is left out when the rule is about the body as a whole. */
export interface BodyProblem {
  message: string;
  pointer?: string;
}

const BAD_REQUEST = 1001;

function single(status: number, code: number, message: string): CloudflareError {
  return new CloudflareError(status, [{ code, message }]);
}

export const cloudflareErrors = {
  badBody: (problems: readonly BodyProblem[]) =>
    new CloudflareError(
      400,
      problems.map(({ message, pointer }) => ({
        code: BAD_REQUEST,
        message,
        ...(pointer === undefined ? {} : { source: { pointer } }),
      })),
    ),
  unauthorized: () => single(401, 10000, "Authentication error"),
  forbidden: (message: string) => single(403, 10000, `Authentication error: ${message}`),
  /** A malformed path id, or a path no route serves: Cloudflare answers both with 7003 and 7000. */
  noRoute: (path?: string) =>
    new CloudflareError(404, [
      {
        code: 7003,
        message: `Could not route to ${path ?? "this URI"}, perhaps your object identifier is invalid?`,
      },
      { code: 7000, message: "No route for that URI" },
    ]),
  groupNotFound: (groupId: string) => single(404, 1003, `Resource group ${groupId} not found`),
  builtInGroup: (groupId: string) =>
    single(
      403,
      1005,
      `Resource group ${groupId} is the account's built-in group and cannot be changed or deleted`,
    ),
  duplicateName: (name: string) =>
    single(409, 1004, `A resource group named '${name}' already exists in this account`),
  rateLimited: () => single(429, 971, "Please wait and consider throttling your request speed"),
  internal: (message: string, status = 500) => single(status, 1000, message),
};

function fromFailure(failure: EmulatorFailure): CloudflareError {
  switch (failure.kind) {
    case "unauthorized":
      return cloudflareErrors.unauthorized();
    case "forbidden":
      return cloudflareErrors.forbidden(failure.message);
    case "route-not-found":
      return cloudflareErrors.noRoute();
    case "body-too-large":
      return cloudflareErrors.badBody([{ message: failure.message }]);
    case "injected":
      return failure.status === 429
        ? cloudflareErrors.rateLimited()
        : cloudflareErrors.internal(failure.message, failure.status);
  }
}

export function renderCloudflareError(error: unknown): RenderedError {
  const cloudflare =
    error instanceof CloudflareError
      ? error
      : error instanceof EmulatorFailure
        ? fromFailure(error)
        : cloudflareErrors.internal("Internal error in the emulator; see its log");
  return {
    status: cloudflare.status,
    body: { success: false, errors: cloudflare.errors, messages: [], result: null },
  };
}

/** The success envelope. */
export function envelope(result: unknown): { status: number; body: unknown } {
  return { status: 200, body: { success: true, errors: [], messages: [], result } };
}

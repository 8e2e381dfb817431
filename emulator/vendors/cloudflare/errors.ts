/** Cloudflare's v4 envelope: every answer is `{success, errors, messages, result}`; errors carry codes. */
import type { WireEnvelope, WireMessage } from "pulumi-resource-groups-contracts/cloudflare";
import { DialectError, errorRenderer } from "../../core/errors";

export class CloudflareError extends DialectError {
  constructor(
    status: number,
    readonly errors: readonly WireMessage[],
  ) {
    super(status, errors.map((e) => e.message).join("; "));
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

export const renderCloudflareError = errorRenderer({
  own: CloudflareError,
  failures: {
    unauthorized: () => cloudflareErrors.unauthorized(),
    forbidden: cloudflareErrors.forbidden,
    routeNotFound: () => cloudflareErrors.noRoute(),
    bodyTooLarge: (message) => cloudflareErrors.badBody([{ message }]),
    rateLimited: () => cloudflareErrors.rateLimited(),
    failed: cloudflareErrors.internal,
    unexpected: () => cloudflareErrors.internal("Internal error in the emulator; see its log"),
  },
  body: (error): WireEnvelope<null> => ({
    success: false,
    errors: [...error.errors],
    messages: [],
    result: null,
  }),
});

/** The success envelope. */
export function envelope<T>(result: T): { status: number; body: WireEnvelope<T> } {
  return { status: 200, body: { success: true, errors: [], messages: [], result } };
}

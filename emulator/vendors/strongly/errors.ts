/** Strongly error codes and the `{success: false, error: {code, message}}` body every failure answers with. */
import { SCOPES, type WireError } from "pulumi-resource-groups-contracts/strongly";
import { DialectError, errorRenderer } from "../../core/errors";

export class StronglyError extends DialectError {
  constructor(
    status: number,
    readonly code: string,
    message: string,
  ) {
    super(status, message);
  }
}

export const stronglyErrors = {
  validation: (message: string) => new StronglyError(400, "validation-error", message),
  limitExceeded: (message: string) => new StronglyError(400, "limit-exceeded", message),
  unauthorized: (message: string) => new StronglyError(401, "unauthorized", message),
  scopeRequired: (message: string) =>
    new StronglyError(
      403,
      "scope-required",
      `${message}: the API key has only ${SCOPES.read}; this call needs ${SCOPES.write}`,
    ),
  notFound: (message: string) => new StronglyError(404, "not-found", message),
  groupNotFound: (groupId: string) => stronglyErrors.notFound(`Resource group ${groupId} not found`),
  resourceNotFound: (message: string) => new StronglyError(404, "resource-not-found", message),
  duplicateName: (name: string) =>
    new StronglyError(409, "duplicate-name", `A resource group named '${name}' already exists`),
  resourceExists: (message: string) => new StronglyError(409, "resource-exists", message),
  rateLimited: (message: string) => new StronglyError(429, "rate-limited", message),
  internal: (message: string, status = 500) => new StronglyError(status, "internal-error", message),
};

export const renderStronglyError = errorRenderer({
  own: StronglyError,
  failures: {
    unauthorized: (message) =>
      stronglyErrors.unauthorized(`${message} (send the API key in the X-API-Key header)`),
    // The server forbids exactly one thing: a write with the read-only key.
    forbidden: stronglyErrors.scopeRequired,
    routeNotFound: stronglyErrors.notFound,
    bodyTooLarge: stronglyErrors.validation,
    rateLimited: stronglyErrors.rateLimited,
    failed: stronglyErrors.internal,
    unexpected: () => stronglyErrors.internal("Internal error in the emulator; see its log"),
  },
  body: (error): Required<WireError> => ({
    success: false,
    error: { code: error.code, message: error.message },
  }),
});

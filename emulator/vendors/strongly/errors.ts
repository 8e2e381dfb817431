/** Strongly error codes and the `{success: false, error: {code, message}}` body every failure answers with. */
import { SCOPES } from "pulumi-resource-groups-contracts/strongly";
import { EmulatorFailure, type RenderedError } from "../../core/vendor";

export class StronglyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "StronglyError";
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

function fromFailure(failure: EmulatorFailure): StronglyError {
  switch (failure.kind) {
    case "unauthorized":
      return stronglyErrors.unauthorized(`${failure.message} (send the API key in the X-API-Key header)`);
    case "forbidden":
      // The server forbids exactly one thing: a write with the read-only key.
      return stronglyErrors.scopeRequired(failure.message);
    case "route-not-found":
      return stronglyErrors.notFound(failure.message);
    case "body-too-large":
      return stronglyErrors.validation(failure.message);
    case "injected":
      return failure.status === 429
        ? stronglyErrors.rateLimited(failure.message)
        : stronglyErrors.internal(failure.message, failure.status);
  }
}

export function renderStronglyError(error: unknown): RenderedError {
  const strongly =
    error instanceof StronglyError
      ? error
      : error instanceof EmulatorFailure
        ? fromFailure(error)
        : stronglyErrors.internal("Internal error in the emulator; see its log");
  return {
    status: strongly.status,
    body: { success: false, error: { code: strongly.code, message: strongly.message } },
  };
}

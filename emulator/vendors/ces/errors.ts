/** CES error codes and the `{error_code, error_msg, request_id}` body every CES failure answers with. */
import { EmulatorFailure, type RenderedError } from "../../core/vendor";

/** The documented maximum length of error_msg. */
const MAX_MESSAGE_CHARS = 256;

export class CesError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "CesError";
  }
}

export const cesErrors = {
  emptyBody: () => new CesError(400, "ces.0001", "The content must be specified."),
  badPaging: (message: string) => new CesError(400, "ces.0006", message),
  badUrlParameter: (message: string) => new CesError(400, "ces.0013", message),
  badBody: (message: string) => new CesError(400, "ces.0014", message),
  unauthorized: (message: string) => new CesError(401, "ces.0015", message),
  forbidden: (message: string) => new CesError(403, "ces.0017", message),
  notFound: (message: string) => new CesError(404, "ces.0016", message),
  tooManyRequests: (message: string) => new CesError(429, "ces.0020", message),
  internal: (message: string, status = 500) => new CesError(status, "ces.0007", message),
  groupNotFound: (groupId: string) => cesErrors.notFound(`Resource group ${groupId} does not exist`),
  duplicateName: (name: string) =>
    cesErrors.badBody(`A resource group named '${name}' already exists in this project`),
};

function fromFailure(failure: EmulatorFailure): CesError {
  switch (failure.kind) {
    case "unauthorized":
      return cesErrors.unauthorized(`${failure.message} (send it in the X-Auth-Token header)`);
    case "forbidden":
      return cesErrors.forbidden(failure.message);
    case "route-not-found":
      return cesErrors.notFound(failure.message);
    case "body-too-large":
      return cesErrors.badBody(failure.message);
    case "injected":
      return failure.status === 429
        ? cesErrors.tooManyRequests(failure.message)
        : cesErrors.internal(failure.message, failure.status);
  }
}

function truncate(message: string): string {
  const chars = [...message];
  return chars.length <= MAX_MESSAGE_CHARS ? message : `${chars.slice(0, MAX_MESSAGE_CHARS - 3).join("")}...`;
}

export function renderCesError(error: unknown, requestId: string): RenderedError {
  const ces =
    error instanceof CesError
      ? error
      : error instanceof EmulatorFailure
        ? fromFailure(error)
        : cesErrors.internal("Internal error in the emulator; see its log");
  return {
    status: ces.status,
    body: { error_code: ces.code, error_msg: truncate(ces.message), request_id: requestId },
  };
}

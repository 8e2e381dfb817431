/** CES error codes and the `{error_code, error_msg, request_id}` body every CES failure answers with. */
import type { WireError } from "pulumi-resource-groups-contracts/ces";
import { DialectError, errorRenderer } from "../../core/errors";

/** The documented maximum length of error_msg. */
const MAX_MESSAGE_CHARS = 256;

export class CesError extends DialectError {
  constructor(
    status: number,
    readonly code: string,
    message: string,
  ) {
    super(status, message);
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

function truncate(message: string): string {
  const chars = [...message];
  return chars.length <= MAX_MESSAGE_CHARS ? message : `${chars.slice(0, MAX_MESSAGE_CHARS - 3).join("")}...`;
}

export const renderCesError = errorRenderer({
  own: CesError,
  failures: {
    unauthorized: (message) => cesErrors.unauthorized(`${message} (send it in the X-Auth-Token header)`),
    forbidden: cesErrors.forbidden,
    routeNotFound: cesErrors.notFound,
    bodyTooLarge: cesErrors.badBody,
    rateLimited: cesErrors.tooManyRequests,
    failed: cesErrors.internal,
    unexpected: () => cesErrors.internal("Internal error in the emulator; see its log"),
  },
  body: (error, requestId): Required<WireError> => ({
    error_code: error.code,
    error_msg: truncate(error.message),
    request_id: requestId,
  }),
});

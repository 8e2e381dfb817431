/** ZopNight errors: a status and the `{error: "<message>"}` body every ZopNight failure answers with. */
import { EmulatorFailure, type RenderedError } from "../../core/vendor";

export class ZopNightError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ZopNightError";
  }
}

export const zopnightErrors = {
  badRequest: (message: string) => new ZopNightError(400, message),
  groupNotFound: (groupId: string) => new ZopNightError(404, `resource group ${groupId} not found`),
  resourceNotFound: (resourceId: string) => new ZopNightError(404, `resource ${resourceId} not found`),
  memberNotFound: (groupId: string, resourceId: string) =>
    new ZopNightError(404, `resource ${resourceId} is not a member of resource group ${groupId}`),
  memberExists: (groupId: string, resourceId: string) =>
    new ZopNightError(409, `resource ${resourceId} is already a member of resource group ${groupId}`),
  duplicateName: (name: string) =>
    new ZopNightError(409, `name: a resource group named '${name}' already exists (names ignore case)`),
  resourceExists: (resourceId: string) =>
    new ZopNightError(409, `id: resource ${resourceId} already exists in the inventory`),
};

function fromFailure(failure: EmulatorFailure): ZopNightError {
  if (failure.kind === "unauthorized") {
    return new ZopNightError(401, `${failure.message} (send it as Authorization: Bearer <token>)`);
  }
  return new ZopNightError(failure.status, failure.message);
}

export function renderZopNightError(error: unknown): RenderedError {
  const zop =
    error instanceof ZopNightError
      ? error
      : error instanceof EmulatorFailure
        ? fromFailure(error)
        : new ZopNightError(500, "internal error in the emulator; see its log");
  return { status: zop.status, body: { error: zop.message } };
}

/** ZopNight errors: a status and the `{error: "<message>"}` body every ZopNight failure answers with. */
import type { WireError } from "pulumi-resource-groups-contracts/zopnight";
import { DialectError, errorRenderer } from "../../core/errors";

export class ZopNightError extends DialectError {}

/** ZopNight words every failure the same way: its message, under its status. */
const plain = (message: string, status: number) => new ZopNightError(status, message);

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

export const renderZopNightError = errorRenderer({
  own: ZopNightError,
  failures: {
    unauthorized: (message) =>
      new ZopNightError(401, `${message} (send it as Authorization: Bearer <token>)`),
    forbidden: plain,
    routeNotFound: plain,
    bodyTooLarge: plain,
    rateLimited: plain,
    failed: plain,
    unexpected: () => new ZopNightError(500, "internal error in the emulator; see its log"),
  },
  body: (error): WireError => ({ error: error.message }),
});

/**
 * read() for a resource class's static `get(name, id)`: the engine then reads an object the program
 * does not manage, and hands read() the id and no properties at all (the class registers none). The
 * handler must find the object from the id alone, and fail by name when there is none: an empty
 * answer would only say that "the resource does not exist", without the kind or the vendor.
 */
import { ResourceGroupsError } from "./errors";

/** Properties a `get` may carry: the engine's `__provider`, and the connection to read through. */
const GET_PROPS = new Set(["__provider", "connection"]);

/** Whether read() runs for a `get`: no property set but those a get may carry. */
export function isGetRead(props: object | undefined): boolean {
  return Object.entries(props ?? {}).every(
    ([key, value]) => GET_PROPS.has(key) || value === undefined || value === null,
  );
}

/** What a `get` names: the class as a program writes it, and the vendor whose API holds the object. */
export interface GetTarget {
  /** The class, e.g. `ces.GroupMember`. */
  kind: string;
  /** The vendor, as messages name it (`CES`, `Cloudflare`, `Strongly`, `ZopNight`). */
  vendor: string;
  /** What the id is made of, for messages: `the group's groupId`, `<groupId>/<zoneId>`. */
  idForm: string;
}

/** A `get` named an object the vendor does not hold, or an id that cannot name one. */
export class GetTargetError extends ResourceGroupsError {}

/** The failure of a `get` whose object is not there; `where` places it (an account, a project). */
export function missingForGet(target: GetTarget, id: string, where = ""): GetTargetError {
  return new GetTargetError(
    `${target.kind}.get('${id}'): ${target.vendor} holds no such object${where ? ` ${where}` : ""}. ` +
      `get() reads an existing object and creates none: check the id (${target.idForm})`,
  );
}

/** The failure of a `get` whose id does not have the kind's form. */
export function malformedGetId(target: GetTarget, id: string): GetTargetError {
  return new GetTargetError(
    `${target.kind}.get('${id}'): not an id of a ${target.vendor} ${target.kind.split(".").pop() ?? ""}; ` +
      `its id is ${target.idForm}`,
  );
}

/** The parts of a composite id `<a>/<b>/...`: exactly `count`, the last one taking any further `/`. */
export function idParts(id: string, count: number): string[] | undefined {
  const parts = id.split("/");
  if (parts.length < count) return undefined;
  const whole = [...parts.slice(0, count - 1), parts.slice(count - 1).join("/")];
  return whole.every((p) => p.length > 0) ? whole : undefined;
}

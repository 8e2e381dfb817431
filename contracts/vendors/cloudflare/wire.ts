/** Request and answer bodies of the Cloudflare IAM resource-group API, and their mapping to the model. */
import { ALL_OBJECTS, zoneIdOfKey } from "./rules";

export interface WireScope {
  key: string;
  objects: { key: string }[];
}

export interface WireGroup {
  id: string;
  name?: string;
  /** An array of one scope in answers (section 00); a single object is read too. */
  scope: WireScope[] | WireScope;
  meta?: { key?: string; value?: string };
}

export interface WireEnvelope<T> {
  success: boolean;
  errors: { code: number; message: string; source?: { pointer?: string } }[];
  messages: unknown[];
  result: T;
}

/** A group as the handlers see it. */
export interface CloudflareGroup {
  id: string;
  name: string;
  scopeKey: string;
  /** The scope's object keys, in the API's order. */
  objects: string[];
  /** False for the account's built-in group, which cannot be changed. */
  editable: boolean;
  meta: { key: string; value: string };
}

export function fromWireGroup(wire: WireGroup): CloudflareGroup {
  const scope = Array.isArray(wire.scope) ? wire.scope[0] : wire.scope;
  const meta = { key: wire.meta?.key ?? "", value: wire.meta?.value ?? "" };
  return {
    id: wire.id,
    name: wire.name ?? "",
    scopeKey: scope?.key ?? "",
    objects: (scope?.objects ?? []).map((o) => o.key),
    editable: !(meta.key === "editable" && meta.value === "false"),
    meta,
  };
}

export function toWireScope(scopeKey: string, objects: readonly string[]): WireScope {
  return { key: scopeKey, objects: objects.map((key) => ({ key })) };
}

/** The zone ids a scope names; `*` and keys of other kinds are left out. */
export function zonesOf(objects: readonly string[]): string[] {
  return objects.flatMap((key) => {
    const zone = zoneIdOfKey(key);
    return zone === undefined ? [] : [zone];
  });
}

export const coversWholeAccount = (objects: readonly string[]): boolean => objects.includes(ALL_OBJECTS);

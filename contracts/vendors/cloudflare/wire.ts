/** Request and answer bodies of the Cloudflare IAM resource-group API, and their mapping to the model. */
import { ALL_OBJECTS, zoneIdOfKey } from "./constants";

export interface WireScope {
  key: string;
  objects: { key: string }[];
}

/** A group as the API answers it (docs/vendors/cloudflare.md): `scope` is a list of one, `meta` says if it can change. */
export interface WireGroupAnswer {
  id: string;
  name: string;
  scope: WireScope[];
  meta: { key: string; value: string };
}

/** A group as the provider reads it: a single scope object, and no name or meta, are taken too. */
export interface WireGroup {
  id: string;
  name?: string;
  scope: WireScope[] | WireScope;
  meta?: Partial<WireGroupAnswer["meta"]>;
}

/** One entry of an envelope's `errors`: a code and, for a broken body rule, the field's JSON pointer. */
export interface WireMessage {
  code: number;
  message: string;
  source?: { pointer?: string };
}

export interface WireEnvelope<T> {
  success: boolean;
  errors: WireMessage[];
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

/** The answer for a group: its scope as a list of one, `meta` as the handlers keep it. */
export function toWireGroup(group: CloudflareGroup): WireGroupAnswer {
  return {
    id: group.id,
    name: group.name,
    scope: [toWireScope(group.scopeKey, group.objects)],
    meta: group.meta,
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

/** Request and answer bodies of the Strongly FinOps resource-group API (bare, as docs/vendors/strongly.md describes them). */
import type { MemberType } from "./rules";

export interface WireMember {
  type: MemberType;
  resourceId: string;
  name: string;
}

/** The full group object: show, update, member add and member removal answer it. */
export interface WireGroup {
  _id: string;
  name: string;
  description?: string;
  /** `active` is the only status documented; others are passed through as they come. */
  status: string;
  ownerId: string;
  organizationId: string;
  resources?: WireMember[];
  createdAt: string;
  updatedAt: string;
}

export type WireSummary = Omit<WireGroup, "resources">;

export interface WireList {
  count: number;
  limit: number;
  offset: number;
  items: WireSummary[];
}

export interface WireCreated {
  resourceGroupId: string;
}

export interface WireError {
  success?: false;
  error?: { code?: string; message?: string };
}

/** A group as the handlers see it: the wire object with its optional parts filled in. */
export interface StronglyGroup {
  id: string;
  name: string;
  description: string;
  status: string;
  ownerId: string;
  organizationId: string;
  members: WireMember[];
  createdAt: string;
  updatedAt: string;
}

export function fromWireGroup(wire: WireGroup): StronglyGroup {
  return {
    id: wire._id,
    name: wire.name,
    description: wire.description ?? "",
    status: wire.status,
    ownerId: wire.ownerId,
    organizationId: wire.organizationId,
    members: (wire.resources ?? []).map((m) => ({ type: m.type, resourceId: m.resourceId, name: m.name })),
    createdAt: wire.createdAt,
    updatedAt: wire.updatedAt,
  };
}

/** Group names are unique ignoring case, and the API trims them: the lookup compares the same way. */
export function sameGroupName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

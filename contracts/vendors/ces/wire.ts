/** Request and answer bodies of the CES v2 resource-group API, and their mapping to the neutral model. */
import type { GroupType } from "./rules";
import type { Group, GroupSpec, Member, Tag } from "./model";

export interface WireTag {
  key: string;
  value?: string;
}

export interface WireCreateBody {
  group_name: string;
  type: GroupType;
  enterprise_project_id: string;
  tags?: WireTag[];
  association_ep_ids?: string[];
}

export interface WireGroupSummary {
  group_name: string;
  group_id: string;
  create_time: number;
  enterprise_project_id?: string;
  type?: GroupType;
}

export interface WireGroup extends WireGroupSummary {
  tags?: WireTag[];
  association_ep_ids?: string[];
}

export interface WireList {
  count: number;
  resource_groups: WireGroupSummary[];
}

export interface WireMemberList {
  count: number;
  resources: { dimensions: { name: string; value: string }[] }[];
}

export interface WireError {
  error_code?: string;
  error_msg?: string;
  request_id?: string;
}

export function toCreateBody(spec: GroupSpec): WireCreateBody {
  const body: WireCreateBody = {
    group_name: spec.name,
    type: spec.type,
    enterprise_project_id: spec.enterpriseProjectId,
  };
  if (spec.type === "TAG") body.tags = toWireTags(spec.tags);
  if (spec.type === "EPS") body.association_ep_ids = spec.associationEpIds;
  return body;
}

export function toWireTags(tags: Tag[]): WireTag[] {
  return tags.map((t) => ({ key: t.key, value: t.value }));
}

export function fromWireGroup(wire: WireGroup): Group {
  const type = wire.type ?? "Manual";
  return {
    id: wire.group_id,
    name: wire.group_name,
    type,
    createTime: Number(wire.create_time),
    enterpriseProjectId: wire.enterprise_project_id ?? "0",
    tags: type === "TAG" ? (wire.tags ?? []).map((t) => ({ key: t.key, value: t.value ?? "" })) : [],
    associationEpIds: type === "EPS" ? (wire.association_ep_ids ?? []) : [],
  };
}

export function toWireResources(members: Member[]): { resources: Member[] } {
  return { resources: members.map((m) => ({ namespace: m.namespace, dimensions: m.dimensions })) };
}

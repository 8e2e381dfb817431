/** Request and answer bodies of the CES v2 resource-group API, and their mapping to the neutral model. */
import type { GroupType } from "./rules";
import type { Dimension, Group, GroupSpec, Member, Tag } from "./model";

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

/** The answer to a create: the new group's id. */
export interface WireCreated {
  group_id: string;
}

/** The answer to a batch delete: the ids it really deleted. */
export interface WireBatchDeleted {
  group_ids: string[];
}

/** The answer to a member batch: how many members it really added or removed. */
export interface WireMemberCount {
  succeed_count: number;
}

/** A member as the member list shows it; the provider reads only its dimensions. */
export interface WireListedMember {
  resource_name: string;
  dimensions: Dimension[];
  status: string;
  event_status: string;
  /** A JSON object in a string, e.g. "{}". */
  tags: string;
  enterprise_project_id: string;
}

export interface WireMemberList {
  count: number;
  resources: WireListedMember[];
}

/** Every failure's body; each field is optional here because a proxy's failure may lack it. */
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

/** A group as a list answers it. */
export function toWireSummary(group: Group): Required<WireGroupSummary> {
  return {
    group_name: group.name,
    group_id: group.id,
    create_time: group.createTime,
    enterprise_project_id: group.enterpriseProjectId,
    type: group.type,
  };
}

/** A group as a show answers it: the summary, its tags and its enterprise projects. */
export function toWireGroup(group: Group): Required<WireGroup> {
  return { ...toWireSummary(group), tags: group.tags, association_ep_ids: group.associationEpIds };
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

/** The CES v2 resource-group endpoints: parse and validate the call, hand it to the store, shape the answer. */
import type { Route } from "../../core/vendor";
import { cesErrors } from "./errors";
import type { CesStore, StoredGroup } from "./store";
import {
  parseBatchDeleteGroups,
  parseCreateGroup,
  parseGroupFilters,
  parseGroupId,
  parseMemberFilters,
  parseMembers,
  parsePaging,
  parseProjectId,
  parseService,
  parseUpdateGroup,
} from "./validation";

export const CES_BASE = "/v2/{project_id}/resource-groups";

/**
 * The one body that can exceed the server's 1 MiB: a member batch of 1000 members with 4 dimensions
 * whose values are 256 characters that JSON escapes as `\uXXXX` (6 bytes each) is about 6.4 MB.
 */
export const MEMBER_BATCH_MAX_BYTES = 8 * 1024 * 1024;

/** Path parameters of the routes under one group, validated. */
function groupRef(params: Readonly<Record<string, string>>): { project: string; groupId: string } {
  return { project: parseProjectId(params.project_id), groupId: parseGroupId(params.group_id) };
}

function summary(group: StoredGroup) {
  return {
    group_name: group.groupName,
    group_id: group.groupId,
    create_time: group.createTime,
    enterprise_project_id: group.enterpriseProjectId,
    type: group.type,
  };
}

export function cesRoutes(store: CesStore): Route[] {
  return [
    {
      method: "POST",
      pattern: CES_BASE,
      handle: ({ params, body }) => {
        const project = parseProjectId(params.project_id);
        const group = store.createGroup(project, parseCreateGroup(body));
        return { status: 200, body: { group_id: group.groupId } };
      },
    },
    {
      method: "GET",
      pattern: CES_BASE,
      handle: ({ params, query }) => {
        const project = parseProjectId(params.project_id);
        const filters = parseGroupFilters(query);
        const page = store.listGroups(project, filters, parsePaging(query));
        return { status: 200, body: { count: page.count, resource_groups: page.items.map(summary) } };
      },
    },
    {
      method: "POST",
      pattern: `${CES_BASE}/batch-delete`,
      handle: ({ params, body }) => {
        const project = parseProjectId(params.project_id);
        return {
          status: 200,
          body: { group_ids: store.deleteGroups(project, parseBatchDeleteGroups(body)) },
        };
      },
    },
    {
      method: "GET",
      pattern: `${CES_BASE}/{group_id}`,
      handle: ({ params }) => {
        const { project, groupId } = groupRef(params);
        const group = store.getGroup(project, groupId);
        if (!group) throw cesErrors.groupNotFound(groupId);
        const detail = { ...summary(group), tags: group.tags, association_ep_ids: group.associationEpIds };
        return { status: 200, body: detail };
      },
    },
    {
      method: "PUT",
      pattern: `${CES_BASE}/{group_id}`,
      handle: ({ params, body }) => {
        const { project, groupId } = groupRef(params);
        store.updateGroup(project, groupId, parseUpdateGroup(body));
        return { status: 204 };
      },
    },
    {
      method: "POST",
      pattern: `${CES_BASE}/{group_id}/resources/batch-create`,
      maxBodyBytes: MEMBER_BATCH_MAX_BYTES,
      handle: ({ params, body }) => {
        const { project, groupId } = groupRef(params);
        return {
          status: 200,
          body: { succeed_count: store.addMembers(project, groupId, parseMembers(body)) },
        };
      },
    },
    {
      method: "POST",
      pattern: `${CES_BASE}/{group_id}/resources/batch-delete`,
      maxBodyBytes: MEMBER_BATCH_MAX_BYTES,
      handle: ({ params, body }) => {
        const { project, groupId } = groupRef(params);
        return {
          status: 200,
          body: { succeed_count: store.removeMembers(project, groupId, parseMembers(body)) },
        };
      },
    },
    {
      method: "GET",
      pattern: `${CES_BASE}/{group_id}/services/{service}/resources`,
      handle: ({ params, query }) => {
        const { project, groupId } = groupRef(params);
        const service = parseService(params.service);
        const filters = parseMemberFilters(query);
        const page = store.listMembers(project, groupId, service, filters, parsePaging(query));
        const resources = page.items.map((member) => ({
          // The emulator knows no cloud resource names; the first dimension value stands in for one.
          resource_name: member.dimensions[0]?.value ?? "",
          dimensions: member.dimensions,
          status: "health",
          event_status: "health",
          tags: "{}",
          enterprise_project_id: page.group.enterpriseProjectId,
        }));
        return { status: 200, body: { count: page.count, resources } };
      },
    },
  ];
}

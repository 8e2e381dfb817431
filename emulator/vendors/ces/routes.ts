/** The CES v2 resource-group endpoints: parse and validate the call, hand it to the store, shape the answer. */
import {
  toWireGroup,
  toWireSummary,
  type Member,
  type WireBatchDeleted,
  type WireCreated,
  type WireList,
  type WireListedMember,
  type WireMemberCount,
  type WireMemberList,
} from "pulumi-resource-groups-contracts/ces";
import type { ApiReply, Route } from "../../core/vendor";
import { cesErrors } from "./errors";
import type { CesStore } from "./store";
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

const ok = <T>(body: T): ApiReply => ({ status: 200, body });

/** `batch-create` and `batch-delete` of members: the same body, each counting what it really changed. */
function memberBatch(
  action: "batch-create" | "batch-delete",
  apply: (project: string, groupId: string, members: Member[]) => number,
): Route {
  return {
    method: "POST",
    pattern: `${CES_BASE}/{group_id}/resources/${action}`,
    maxBodyBytes: MEMBER_BATCH_MAX_BYTES,
    handle: ({ params, body }) => {
      const { project, groupId } = groupRef(params);
      return ok<WireMemberCount>({ succeed_count: apply(project, groupId, parseMembers(body)) });
    },
  };
}

export function cesRoutes(store: CesStore): Route[] {
  return [
    {
      method: "POST",
      pattern: CES_BASE,
      handle: ({ params, body }) => {
        const project = parseProjectId(params.project_id);
        return ok<WireCreated>({ group_id: store.createGroup(project, parseCreateGroup(body)).id });
      },
    },
    {
      method: "GET",
      pattern: CES_BASE,
      handle: ({ params, query }) => {
        const project = parseProjectId(params.project_id);
        const page = store.listGroups(project, parseGroupFilters(query), parsePaging(query));
        return ok<WireList>({ count: page.count, resource_groups: page.items.map(toWireSummary) });
      },
    },
    {
      method: "POST",
      pattern: `${CES_BASE}/batch-delete`,
      handle: ({ params, body }) => {
        const project = parseProjectId(params.project_id);
        return ok<WireBatchDeleted>({ group_ids: store.deleteGroups(project, parseBatchDeleteGroups(body)) });
      },
    },
    {
      method: "GET",
      pattern: `${CES_BASE}/{group_id}`,
      handle: ({ params }) => {
        const { project, groupId } = groupRef(params);
        const group = store.getGroup(project, groupId);
        if (!group) throw cesErrors.groupNotFound(groupId);
        return ok(toWireGroup(group));
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
    memberBatch("batch-create", (project, groupId, members) => store.addMembers(project, groupId, members)),
    memberBatch("batch-delete", (project, groupId, members) =>
      store.removeMembers(project, groupId, members),
    ),
    {
      method: "GET",
      pattern: `${CES_BASE}/{group_id}/services/{service}/resources`,
      handle: ({ params, query }) => {
        const { project, groupId } = groupRef(params);
        const service = parseService(params.service);
        const filters = parseMemberFilters(query);
        const page = store.listMembers(project, groupId, service, filters, parsePaging(query));
        const resources = page.items.map((member): WireListedMember => ({
          // The emulator knows no cloud resource names; the first dimension value stands in for one.
          resource_name: member.dimensions[0]?.value ?? "",
          dimensions: member.dimensions,
          status: "health",
          event_status: "health",
          tags: "{}",
          enterprise_project_id: page.group.enterpriseProjectId,
        }));
        return ok<WireMemberList>({ count: page.count, resources });
      },
    },
  ];
}

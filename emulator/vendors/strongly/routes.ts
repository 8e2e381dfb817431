/** The Strongly FinOps resource-group endpoints: validate the call, hand it to the store, shape the bare answer. */
import { GROUP_ID, type WireCreated, type WireList } from "pulumi-resource-groups-contracts/strongly";
import type { Route } from "../../core/vendor";
import { stronglyErrors } from "./errors";
import type { StronglyStore } from "./store";
import {
  parseCreateGroup,
  parseListQuery,
  parseMember,
  parseResourceType,
  parseUpdateGroup,
} from "./validation";

export const STRONGLY_BASE = "/api/v1/finops/resource-groups";

/** A malformed id can name no group, so it answers the same 404 as an unknown one. */
function groupIdParam(params: Readonly<Record<string, string>>): string {
  const id = params.id ?? "";
  if (!GROUP_ID.test(id)) throw stronglyErrors.groupNotFound(id);
  return id;
}

export function stronglyRoutes(store: StronglyStore): Route[] {
  return [
    {
      method: "GET",
      pattern: STRONGLY_BASE,
      handle: ({ query }) => {
        const list = parseListQuery(query);
        const page = store.listGroups(list);
        const body: WireList = {
          count: page.count,
          limit: list.limit,
          offset: list.offset,
          items: page.items,
        };
        return { status: 200, body };
      },
    },
    {
      method: "POST",
      pattern: STRONGLY_BASE,
      handle: ({ body }) => {
        const created: WireCreated = { resourceGroupId: store.createGroup(parseCreateGroup(body)) };
        return { status: 201, body: created };
      },
    },
    {
      method: "GET",
      pattern: `${STRONGLY_BASE}/{id}`,
      handle: ({ params }) => {
        const id = groupIdParam(params);
        const group = store.getGroup(id);
        if (!group) throw stronglyErrors.groupNotFound(id);
        return { status: 200, body: group };
      },
    },
    {
      method: "PUT",
      pattern: `${STRONGLY_BASE}/{id}`,
      handle: ({ params, body }) => {
        const id = groupIdParam(params);
        return { status: 200, body: store.updateGroup(id, parseUpdateGroup(body)) };
      },
    },
    {
      method: "DELETE",
      pattern: `${STRONGLY_BASE}/{id}`,
      handle: ({ params }) => {
        store.deleteGroup(groupIdParam(params));
        return { status: 204 };
      },
    },
    {
      method: "POST",
      pattern: `${STRONGLY_BASE}/{id}/resources`,
      handle: ({ params, body }) => {
        const id = groupIdParam(params);
        return { status: 200, body: store.addMember(id, parseMember(body)) };
      },
    },
    {
      method: "DELETE",
      pattern: `${STRONGLY_BASE}/{id}/resources/{subId}`,
      handle: ({ params, query }) => {
        const id = groupIdParam(params);
        const type = parseResourceType(query);
        return { status: 200, body: store.removeMember(id, type, params.subId ?? "") };
      },
    },
  ];
}

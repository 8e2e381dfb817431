/** The ZopNight endpoints (docs/vendors/zopnight.md): parse and validate the call, hand it to the store, shape the answer. */
import type { WireData, WireList } from "pulumi-resource-groups-contracts/zopnight";
import { AdminError } from "../../core/admin";
import type { ApiReply, Route } from "../../core/vendor";
import { ZopNightError } from "./errors";
import type { Page, ZopNightStore } from "./store";
import {
  parseCreateGroup,
  parseInventoryFilters,
  parseInventoryResource,
  parseListPaging,
  parseScheduleAttachment,
  parseSequence,
  parseUpdateGroup,
} from "./validation";

export const ZOPNIGHT_PREFIX = "/api/";
const GROUPS = "/api/resource-groups";
const GROUP = `${GROUPS}/{groupID}`;
const MEMBER = `${GROUP}/resources/{resourceID}`;

/** Every answer but a list's and a delete's is `{data}`. */
function data<T>(status: number, value: T): ApiReply {
  const body: WireData<T> = { data: value };
  return { status, body };
}

function listAnswer<T>(page: Page<T>, paging: { page: number; limit: number }): ApiReply {
  const body: WireList<T> = {
    data: page.items,
    pagination: { page: paging.page, limit: paging.limit, total: page.total },
  };
  return { status: 200, body };
}

export function zopnightRoutes(store: ZopNightStore): Route[] {
  return [
    {
      method: "POST",
      pattern: GROUPS,
      handle: ({ body }) => data(201, store.createGroup(parseCreateGroup(body))),
    },
    {
      method: "GET",
      pattern: GROUPS,
      handle: ({ query }) => {
        const paging = parseListPaging(query);
        return listAnswer(store.listGroups(paging), paging);
      },
    },
    {
      method: "GET",
      pattern: GROUP,
      handle: ({ params }) => data(200, store.getGroup(params.groupID ?? "")),
    },
    {
      method: "PUT",
      pattern: GROUP,
      handle: ({ params, body }) => {
        const groupId = params.groupID ?? "";
        store.getGroup(groupId); // an unknown group answers 404 before its body is looked at
        return data(200, store.updateGroup(groupId, parseUpdateGroup(body)));
      },
    },
    {
      method: "DELETE",
      pattern: GROUP,
      handle: ({ params }) => {
        store.deleteGroup(params.groupID ?? "");
        return { status: 204 };
      },
    },
    {
      method: "GET",
      pattern: `${GROUP}/schedules`,
      handle: ({ params }) => data(200, store.schedulesOf(params.groupID ?? "")),
    },
    {
      method: "POST",
      pattern: MEMBER,
      // Any body is ignored: the member gets the default tier and order.
      handle: ({ params }) => data(201, store.addMember(params.groupID ?? "", params.resourceID ?? "")),
    },
    {
      method: "DELETE",
      pattern: MEMBER,
      handle: ({ params }) => {
        store.removeMember(params.groupID ?? "", params.resourceID ?? "");
        return { status: 204 };
      },
    },
    {
      method: "PATCH",
      pattern: `${MEMBER}/sequence`,
      handle: ({ params, body }) => {
        const groupId = params.groupID ?? "";
        const resourceId = params.resourceID ?? "";
        store.requireMembership(groupId, resourceId);
        return data(200, store.sequenceMember(groupId, resourceId, parseSequence(body)));
      },
    },
    {
      method: "GET",
      pattern: "/api/resources",
      handle: ({ query }) => {
        const paging = parseListPaging(query);
        return listAnswer(store.listResources(parseInventoryFilters(query), paging), paging);
      },
    },
  ];
}

/** Admin routes have no dialect error shape of their own: ZopNight errors become `{error}` answers. */
function admin(route: Route): Route {
  return {
    ...route,
    handle: async (call) => {
      try {
        return await route.handle(call);
      } catch (error) {
        if (error instanceof ZopNightError) throw new AdminError(error.status, error.message);
        throw error;
      }
    },
  };
}

/** Set-up routes under /_emulator/zopnight: grow the inventory and attach schedules to groups. */
export function zopnightAdminRoutes(store: ZopNightStore): Route[] {
  const routes: Route[] = [
    {
      method: "POST",
      pattern: "/resources",
      handle: ({ body }) => data(201, store.addResource(parseInventoryResource(body))),
    },
    {
      method: "POST",
      pattern: "/resource-groups/{groupID}/schedules",
      handle: ({ params, body }) =>
        data(201, store.attachSchedule(params.groupID ?? "", parseScheduleAttachment(body))),
    },
  ];
  return routes.map(admin);
}

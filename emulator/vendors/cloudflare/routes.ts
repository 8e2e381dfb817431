/** The Cloudflare IAM resource-group endpoints: check the path ids, call the store, wrap the answer. */
import { toWireGroup } from "pulumi-resource-groups-contracts/cloudflare";
import type { Route } from "../../core/vendor";
import { envelope } from "./errors";
import type { CloudflareStore } from "./store";
import {
  GROUPS_PATH,
  parseCreateGroup,
  parseGroupFilters,
  parsePathIds,
  parseUpdateGroup,
} from "./validation";

export const CLOUDFLARE_PREFIX = "/client/v4";
const GROUPS = CLOUDFLARE_PREFIX + GROUPS_PATH;
const GROUP = `${GROUPS}/{resource_group_id}`;

/** A group id in the path; parsePathIds has made sure it is there for these routes. */
function pathGroup(params: Readonly<Record<string, string>>): { accountId: string; groupId: string } {
  const { accountId, groupId = "" } = parsePathIds(params);
  return { accountId, groupId };
}

export function cloudflareRoutes(store: CloudflareStore): Route[] {
  return [
    {
      method: "GET",
      pattern: GROUPS,
      handle: ({ params, query }) => {
        const { accountId } = parsePathIds(params);
        return envelope(store.listGroups(accountId, parseGroupFilters(query)).map(toWireGroup));
      },
    },
    {
      method: "POST",
      pattern: GROUPS,
      handle: ({ params, body }) => {
        const { accountId } = parsePathIds(params);
        return envelope(toWireGroup(store.createGroup(accountId, parseCreateGroup(body, accountId))));
      },
    },
    {
      method: "GET",
      pattern: GROUP,
      handle: ({ params }) => {
        const { accountId, groupId } = pathGroup(params);
        return envelope(toWireGroup(store.getGroup(accountId, groupId)));
      },
    },
    {
      method: "PUT",
      pattern: GROUP,
      handle: ({ params, body }) => {
        const { accountId, groupId } = pathGroup(params);
        const group = store.updateGroup(accountId, groupId, () => parseUpdateGroup(body, accountId));
        return envelope(toWireGroup(group));
      },
    },
    {
      method: "DELETE",
      pattern: GROUP,
      handle: ({ params }) => {
        const { accountId, groupId } = pathGroup(params);
        store.deleteGroup(accountId, groupId);
        return envelope({ id: groupId });
      },
    },
  ];
}

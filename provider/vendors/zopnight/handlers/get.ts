/** What the ZopNight handlers need for a class's static `get(name, id)`: the form of each kind's id. */
import type { GetTarget } from "../../../core/readForGet";

export const GET_TARGETS = {
  resourceGroup: { kind: "zopnight.ResourceGroup", vendor: "ZopNight", idForm: "the group's id" },
  groupMembers: { kind: "zopnight.GroupMembers", vendor: "ZopNight", idForm: "the group's id" },
  groupMember: {
    kind: "zopnight.GroupMember",
    vendor: "ZopNight",
    idForm: "<groupId>/<resourceId>, the resource's ZopNight id (res_...)",
  },
} satisfies Record<string, GetTarget>;

/** What the Strongly handlers need for a class's static `get(name, id)`: the form of each kind's id. */
import type { GetTarget } from "../../../core/readForGet";

export const GET_TARGETS = {
  resourceGroup: { kind: "strongly.ResourceGroup", vendor: "Strongly", idForm: "the group's id" },
  groupMembers: { kind: "strongly.GroupMembers", vendor: "Strongly", idForm: "the group's id" },
  groupMember: {
    kind: "strongly.GroupMember",
    vendor: "Strongly",
    idForm: "<groupId>/<type>/<resourceId>, e.g. <groupId>/workflow/wf-train",
  },
} satisfies Record<string, GetTarget>;

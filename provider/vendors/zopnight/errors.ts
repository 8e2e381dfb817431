import { ResourceGroupsError } from "../../core/errors";

/** The resource named by a GroupMember is not in the ZopNight inventory, or is not one resource. */
export class UnknownResourceError extends ResourceGroupsError {}

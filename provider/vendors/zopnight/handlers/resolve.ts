/** Turns what a user knows about a resource (its ZopNight id or its cloud UID) into its ZopNight id. */
import { UnknownResourceError } from "../errors";
import type { ZopNightApi } from "../api";
import { isResourceId } from "pulumi-resource-groups-contracts/zopnight/plain";

/**
 * A `res_...` id is taken as is (the add call says whether it exists); any other text is a cloud UID,
 * looked up in the inventory by exact match.
 */
export async function resolveResource(api: ZopNightApi, resource: string): Promise<string> {
  if (isResourceId(resource)) return resource;
  const matches = (await api.searchResources(resource)).filter((r) => r.uid === resource);
  const [only, ...others] = matches;
  if (!only) {
    throw new UnknownResourceError(
      `resource: no resource with cloud UID '${resource}' is in the ZopNight inventory; give a UID exactly ` +
        "as the inventory lists it (GET /resources?search=...), or the resource's ZopNight id (res_...)",
    );
  }
  if (others.length > 0) {
    const ids = matches.map((r) => `${r.id} (${r.provider} account ${r.cloudAccountID})`).join(", ");
    throw new UnknownResourceError(
      `resource: cloud UID '${resource}' names ${matches.length} resources of the ZopNight inventory: ` +
        `${ids}; give the ZopNight id (res_...) of the one you mean`,
    );
  }
  return only.id;
}

/**
 * Cloudflare: an access scope of three zones that the platform team owns, and a fourth zone another
 * team adds to it with a GroupMember. Permission policies then grant roles on the group.
 */
import { cloudflare } from "pulumi-resource-groups";

const storefront = new cloudflare.ResourceGroup("storefront", {
  name: "storefront-zones",
  zones: [
    "1f0e2d3c4b5a69788796a5b4c3d2e1f0",
    "2a3b4c5d6e7f80911a2b3c4d5e6f7081",
    "3c4d5e6f708192a3b4c5d6e7f8091a2b",
  ],
});

new cloudflare.GroupMember("storefront-checkout", {
  groupId: storefront.groupId,
  zoneId: "4d5e6f708192a3b4c5d6e7f8091a2b3c",
});

export const cloudflareGroups = { storefront: storefront.groupId };

/**
 * The groups this repository deploys from GitHub Actions (.github/workflows/resource-groups.yml).
 *
 * Provider settings are not in the stack config: the workflow passes them as environment variables
 * (RESOURCEGROUPS_ENDPOINT, RESOURCEGROUPS_PROJECT_ID, RESOURCEGROUPS_TOKEN), so the token only ever
 * lives in the repository's secrets. The policy pack runs with policy-config.json, which adds the
 * `owner` tag to TAG groups that lack it (resource-groups-default-tags at level remediate).
 */
import { GroupMember, ResourceGroup, TagRule } from "pulumi-resource-groups";

const production = new ResourceGroup("production", {
  name: "production",
  type: "TAG",
  tags: [
    { key: "env", value: "prod" },
    { key: "cost-center", value: "cc-1042" },
  ],
});
new TagRule("production-team", { groupId: production.groupId, key: "team", value: "payments" });

const web = new ResourceGroup("web", { name: "web-servers", type: "Manual" });
new GroupMember("web-1", {
  groupId: web.groupId,
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: "6ea2b9b8-1b3c-4b8e-9f36-0cbb2e8d1e11" }],
});

export const groupIds = { production: production.groupId, web: web.groupId };

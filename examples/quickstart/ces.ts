/**
 * Huawei Cloud Eye (CES): one group of each type.
 *
 * - `web`: a Manual group whose members are listed one by one (GroupMember).
 * - `production`: a TAG group matching resources tagged env=prod, with two more rules added by TagRules,
 *   the way another team would extend a shared group.
 * - `finance-projects`: an EPS group that follows the resources of two enterprise projects.
 */
import { ces } from "pulumi-resource-groups";

const { GroupMember, ResourceGroup, TagRule } = ces;

const web = new ResourceGroup("web", { name: "web-servers", type: "Manual" });

const instances = [
  "6ea2b9b8-1b3c-4b8e-9f36-0cbb2e8d1e11",
  "0b9f1f0e-2c7e-4f55-9c7a-5f3c2a1d9e42",
  "9c1e7d2a-4b8f-4d3e-8a6b-7e2f1c0d5b73",
];
instances.forEach((instanceId, i) => {
  new GroupMember(`web-${i + 1}`, {
    groupId: web.groupId,
    namespace: "SYS.ECS",
    dimensions: [{ name: "instance_id", value: instanceId }],
  });
});
new GroupMember("web-db", {
  groupId: web.groupId,
  namespace: "SYS.RDS",
  dimensions: [{ name: "rds_cluster_id", value: "3f2e1d0c-rds-web" }],
});

const production = new ResourceGroup("production", {
  name: "production",
  type: "TAG",
  tags: [{ key: "env", value: "prod" }],
});
new TagRule("production-owner", { groupId: production.groupId, key: "owner", value: "platform" });
new TagRule("production-cost-center", { groupId: production.groupId, key: "cost-center", value: "cc-1042" });

const finance = new ResourceGroup("finance-projects", {
  name: "finance-projects",
  type: "EPS",
  associationEpIds: ["d61d4705-5658-42f5-8e0c-70eb34d17b02", "0"],
});

export const cesGroups = {
  web: web.groupId,
  production: production.groupId,
  finance: finance.groupId,
};

/**
 * Breaks the policy pack in policy/ on purpose: each resource below is commented with the policy it
 * breaks, so `pulumi preview --policy-pack ../../policy --policy-pack-config policy-config.json` shows
 * every policy at work. Preview only: `pulumi up` stops at the first mandatory violation.
 *
 * policy-config.json adds rules the defaults do not have: allowed values for `env` and a pattern for
 * `cost-center` (resource-groups-allowed-tag-values), no EPS groups (resource-groups-allowed-types), and
 * no models in Strongly groups (resource-groups-strongly-member-types).
 *
 * The resources of every vendor are here; a preview needs the settings of CES and Cloudflare only
 * (Strongly and ZopNight check their inputs without calling their APIs).
 */
import {
  GroupMember,
  GroupMembers,
  ResourceGroup,
  TagRule,
  cloudflare,
  strongly,
  zopnight,
} from "pulumi-resource-groups";

// Compliant: a TAG group with every required key (env, owner, cost-center) and allowed values.
const payments = new ResourceGroup("payments", {
  name: "payments-prod",
  type: "TAG",
  tags: [
    { key: "env", value: "prod" },
    { key: "owner", value: "payments-team" },
    { key: "cost-center", value: "cc-1042" },
  ],
});

// resource-groups-required-tag-keys (mandatory): matches on env, and cost-center through the TagRule
// below, but not on owner.
const untagged = new ResourceGroup("untagged", {
  name: "untagged-servers",
  type: "TAG",
  tags: [{ key: "env", value: "prod" }],
});

// resource-groups-allowed-tag-values (mandatory, with policy-config.json): 'cc-12' does not match
// the cost-center pattern ^cc-[0-9]{4}$.
new TagRule("untagged-cost-center", { groupId: untagged.groupId, key: "cost-center", value: "cc-12" });

// resource-groups-allowed-tag-values (mandatory, with policy-config.json): env 'qa' is not one of
// dev, staging, prod.
new ResourceGroup("qa", {
  name: "qa-servers",
  type: "TAG",
  tags: [
    { key: "env", value: "qa" },
    { key: "owner", value: "qa-team" },
    { key: "cost-center", value: "cc-2001" },
  ],
});

// resource-groups-naming (advisory): not lowercase kebab-case. Reported, but does not fail the preview.
const legacy = new ResourceGroup("legacy", { name: "Legacy_Servers", type: "Manual" });

// Compliant: a member of a Manual group.
new GroupMember("legacy-1", {
  groupId: legacy.groupId,
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: "6ea2b9b8-1b3c-4b8e-9f36-0cbb2e8d1e11" }],
});

// resource-groups-allowed-types (mandatory, with policy-config.json): EPS groups are not allowed.
new ResourceGroup("finance", {
  name: "finance-projects",
  type: "EPS",
  associationEpIds: ["d61d4705-5658-42f5-8e0c-70eb34d17b02"],
});

// resource-groups-member-targets (mandatory): a member of a TAG group (TAG groups pick their members
// by tag).
new GroupMember("payments-db", {
  groupId: payments.groupId,
  namespace: "SYS.RDS",
  dimensions: [{ name: "rds_cluster_id", value: "3f2e1d0c-rds-payments" }],
});

// resource-groups-member-targets (mandatory): a tag rule on a Manual group.
new TagRule("legacy-env", { groupId: legacy.groupId, key: "env", value: "prod" });

// resource-groups-member-targets-unverified (advisory): a group managed outside this stack, whose type
// the pack cannot check.
new GroupMember("shared-1", {
  groupId: "rgSharedGroupElsewhere01",
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: "0b9f1f0e-2c7e-4f55-9c7a-5f3c2a1d9e42" }],
});

// resource-groups-one-membership-owner (mandatory): 'ops-all' declares the whole membership of 'ops',
// so each up would remove the member 'ops-extra' adds, and 'ops-extra' would add it back. Both are
// reported.
const ops = new ResourceGroup("ops", { name: "ops-servers", type: "Manual" });
new GroupMembers("ops-all", {
  groupId: ops.groupId,
  members: [
    {
      namespace: "SYS.ECS",
      dimensions: [{ name: "instance_id", value: "5c1d0e2f-7a3b-4c9d-8e6f-1a2b3c4d5e6f" }],
    },
  ],
});
new GroupMember("ops-extra", {
  groupId: ops.groupId,
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: "8f7e6d5c-4b3a-4291-8a0b-c1d2e3f4a5b6" }],
});

// ---- Cloudflare ----

// resource-groups-cloudflare-account-wide-scope (advisory): scopes every zone of the account.
new cloudflare.ResourceGroup("all-zones", { name: "all-zones", wholeAccount: true });

// resource-groups-cloudflare-exclusive-members (mandatory): 'edge' is exclusive, so its zones are its
// whole scope and the provider would refuse this member at `up`.
const edge = new cloudflare.ResourceGroup("edge", {
  name: "edge-zones",
  zones: ["023e105f4ecef8ad9ca31a8372d0c353"],
  exclusive: true,
});
new cloudflare.GroupMember("edge-extra", {
  groupId: edge.groupId,
  zoneId: "9a7806061c88ada191ed06f989cc3dac",
});

// ---- Strongly ----

// resource-groups-strongly-description (advisory): no description for the cost reports.
const dataScience = new strongly.ResourceGroup("data-science", { name: "data-science" });

// resource-groups-strongly-member-types (mandatory, with policy-config.json): models are not allowed.
new strongly.GroupMember("churn-model", {
  groupId: dataScience.groupId,
  type: "ml_model",
  resourceId: "churn-model-v3",
  name: "Churn model",
});

// ---- ZopNight ----

// resource-groups-zopnight-tier-order (advisory): tier-1 and tier-3 but no tier-2.
const nightly = new zopnight.ResourceGroup("nightly", {
  name: "nightly-app",
  description: "Started at 07:00 on weekdays",
});
new zopnight.GroupMember("nightly-db", {
  groupId: nightly.groupId,
  resource: "i-0db5e1c7a3f2b9d04",
  executionTier: "tier-1",
});
new zopnight.GroupMember("nightly-web", {
  groupId: nightly.groupId,
  resource: "i-0a7c2e9f4b1d3c856",
  executionTier: "tier-3",
});

/**
 * The recovery's decisions on the pending operations an interrupted `pulumi up` leaves, against the
 * emulator: a group whose create reached the vendor is found by its name at each vendor and written
 * into the state with the vendor's id and read() properties; a group that never got there, and any
 * member, lose only their pending record; a pending operation of another package is left alone.
 */
import { resetSettings } from "../../provider/runtime";
import { settlePendingOperations, type PendingOperation } from "../../provider/tools/pendingCreates";
import { CLOUDFLARE_ACCOUNT, useEmulatorForProvider } from "../support/emulator";
import { StronglyClient } from "../support/strongly";
import { ZopNightClient } from "../support/zopnight";

const env = useEmulatorForProvider(resetSettings);
const DYNAMIC = "pulumi-nodejs:dynamic/resourcegroups";
const SERIALIZED = "exports.handler = () => provider; // the serialized provider, kept as it is";

function creating(type: string, name: string, inputs: Record<string, unknown>): PendingOperation {
  return {
    type: "creating",
    resource: {
      urn: `urn:pulumi:dev::app::${type}::${name}`,
      type,
      custom: true,
      inputs: { __provider: SERIALIZED, ...inputs },
    },
  };
}

/** Groups made directly at each vendor, as an interrupted create leaves them; their ids by vendor. */
async function groupsAtEveryVendor(): Promise<Record<string, string>> {
  const ces = await env().api<{ group_id: string }>("POST", "", {
    group_name: "pending-ces",
    type: "Manual",
  });
  const cloudflare = await env().cloudflareApi<{ id: string }>("POST", CLOUDFLARE_ACCOUNT, "", {
    name: "pending edge",
    scope: {
      key: `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`,
      objects: [{ key: `com.cloudflare.api.account.zone.${"1".padStart(32, "0")}` }],
    },
  });
  const strongly = await new StronglyClient(env().emulator).createOk("pending-costs", "costs");
  const zopnight = await new ZopNightClient(env().emulator).createOk("pending-nightly", "nightly");
  return { ces: ces.body.group_id, cloudflare: cloudflare.body.result.id, strongly, zopnight: zopnight.id };
}

test("groups found by name are adopted, the rest of the pending records cleared", async () => {
  const ids = await groupsAtEveryVendor();
  const ops = [
    creating(`${DYNAMIC}:ResourceGroup`, "monitored", {
      name: "pending-ces",
      type: "Manual",
      tags: [],
      associationEpIds: [],
      enterpriseProjectId: "0",
      adopt: false,
    }),
    creating(`${DYNAMIC}/cloudflare:ResourceGroup`, "edge", {
      accountId: CLOUDFLARE_ACCOUNT,
      name: "pending edge",
      zones: ["1".padStart(32, "0")],
      wholeAccount: false,
      exclusive: false,
      adopt: false,
    }),
    creating(`${DYNAMIC}/strongly:ResourceGroup`, "costs", {
      name: "pending-costs",
      description: "costs",
      adopt: false,
    }),
    creating(`${DYNAMIC}/zopnight:ResourceGroup`, "nightly", {
      name: "pending-nightly",
      description: "nightly",
      adopt: false,
    }),
    creating(`${DYNAMIC}:ResourceGroup`, "never-made", { name: "never-made", type: "Manual", adopt: false }),
    creating(`${DYNAMIC}:GroupMember`, "web-1", { groupId: ids.ces, namespace: "SYS.ECS", dimensions: [] }),
    creating("aws:s3/bucket:Bucket", "logs", {}),
  ];
  const before = { urn: "urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev", type: "pulumi:pulumi:Stack" };

  const { deployment, outcomes } = await settlePendingOperations({
    resources: [before],
    pending_operations: ops,
  });

  expect(outcomes.map((o) => [o.urn.split("::").pop(), o.action])).toEqual([
    ["monitored", "adopted"],
    ["edge", "adopted"],
    ["costs", "adopted"],
    ["nightly", "adopted"],
    ["never-made", "dropped"],
    ["web-1", "dropped"],
    ["logs", "kept"],
  ]);
  expect(deployment.pending_operations?.map((op) => op.resource.type)).toEqual(["aws:s3/bucket:Bucket"]);
  const adopted = (deployment.resources ?? []).slice(1);
  expect(adopted.map((r) => [r.urn.split("::").pop(), r.id])).toEqual([
    ["monitored", ids.ces],
    ["edge", ids.cloudflare],
    ["costs", ids.strongly],
    ["nightly", ids.zopnight],
  ]);
  for (const resource of adopted) {
    // What the provider's read() gives, beside the serialized provider the host needs to call it again.
    expect(resource.outputs).toMatchObject({ __provider: SERIALIZED });
    expect(resource.outputs?.name).toBe(resource.inputs?.name);
  }
  expect(deployment.resources?.[0]).toBe(before);
});

test("a pending create whose resource the state already holds (a replacement) is left for the user", async () => {
  const op = creating(`${DYNAMIC}/strongly:ResourceGroup`, "costs", {
    name: "pending-costs",
    description: "costs",
    adopt: false,
  });
  const held = { urn: op.resource.urn, type: op.resource.type, id: "old" };
  const { deployment, outcomes } = await settlePendingOperations({
    resources: [held],
    pending_operations: [op],
  });
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]).toMatchObject({ action: "kept" });
  expect(outcomes[0]?.action === "kept" && outcomes[0].reason).toMatch(/--clear-pending-creates/);
  expect(deployment.resources).toEqual([held]);
  expect(deployment.pending_operations).toEqual([op]);
});

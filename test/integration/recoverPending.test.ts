/**
 * The recovery's decisions on the pending operations an interrupted `pulumi up` leaves, against the
 * emulator: a group whose create reached the vendor is found by its name at each vendor and written
 * into the state with the vendor's id and read() properties (in place of the group a replacement was
 * replacing, when there is one); a group that never got there, any member, and any membership lose only
 * their pending record, after which the create runs again without a second copy; a pending operation
 * of another package is kept as it is.
 */
import { forgetMemberClaims } from "../../provider/core/memberClaims";
import { resetSettings } from "../../provider/runtime";
import {
  integrityProblem,
  settlePendingOperations,
  type Outcome,
  type PendingOperation,
  type StateResource,
} from "../../provider/tools/pendingCreates";
import { checked, create } from "../support/engine";
import { CLOUDFLARE_ACCOUNT, useEmulatorForProvider } from "../support/emulator";
import { StronglyClient } from "../support/strongly";
import { ZopNightClient } from "../support/zopnight";
import type { HandlerKind } from "../../provider/runtime";

const env = useEmulatorForProvider(resetSettings);
const DYNAMIC = "pulumi-nodejs:dynamic/resourcegroups";
const SERIALIZED = "exports.handler = () => provider; // the serialized provider, kept as it is";
const STACK = "urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev";
const zone = (i: number) => i.toString(16).padStart(32, "0");

function pending(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  operation = "creating",
): PendingOperation {
  return {
    type: operation,
    resource: {
      urn: `urn:pulumi:dev::app::${type}::${name}`,
      type,
      custom: true,
      inputs: { __provider: SERIALIZED, ...inputs },
      parent: STACK,
    },
  };
}

const stackResource: StateResource = { urn: STACK, type: "pulumi:pulumi:Stack", custom: false };

/** Groups made directly at each vendor, as an interrupted create leaves them; their ids by vendor. */
async function groupsAtEveryVendor(suffix: string): Promise<Record<string, string>> {
  const ces = await env().api<{ group_id: string }>("POST", "", {
    group_name: `pending-ces${suffix}`,
    type: "Manual",
  });
  const cloudflare = await env().cloudflareApi<{ id: string }>("POST", CLOUDFLARE_ACCOUNT, "", {
    name: `pending edge${suffix}`,
    scope: {
      key: `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`,
      objects: [{ key: `com.cloudflare.api.account.zone.${zone(1)}` }],
    },
  });
  const strongly = await new StronglyClient(env().emulator).createOk(`pending-costs${suffix}`, "costs");
  const zopnight = await new ZopNightClient(env().emulator).createOk(`pending-nightly${suffix}`, "nightly");
  return { ces: ces.body.group_id, cloudflare: cloudflare.body.result.id, strongly, zopnight: zopnight.id };
}

const noteOf = (outcome: Outcome | undefined) => (outcome?.action === "adopted" ? outcome.note : undefined);
const outcomesOf = (outcomes: { urn: string; action: string }[]) =>
  outcomes.map((o) => [o.urn.split("::").pop(), o.action]);

test("groups found by name are adopted, the rest of the pending records cleared, another package's kept", async () => {
  const ids = await groupsAtEveryVendor("");
  const foreign = pending("aws:s3/bucket:Bucket", "logs", { bucket: "logs" });
  const ops = [
    pending(`${DYNAMIC}:ResourceGroup`, "monitored", {
      name: "pending-ces",
      type: "Manual",
      tags: [],
      associationEpIds: [],
      enterpriseProjectId: "0",
      adopt: false,
    }),
    pending(`${DYNAMIC}/cloudflare:ResourceGroup`, "edge", {
      accountId: CLOUDFLARE_ACCOUNT,
      name: "pending edge",
      zones: [zone(1)],
      wholeAccount: false,
      exclusive: false,
      adopt: false,
    }),
    pending(`${DYNAMIC}/strongly:ResourceGroup`, "costs", {
      name: "pending-costs",
      description: "costs",
      adopt: false,
    }),
    pending(`${DYNAMIC}/zopnight:ResourceGroup`, "nightly", {
      name: "pending-nightly",
      description: "nightly",
      adopt: false,
    }),
    pending(`${DYNAMIC}:ResourceGroup`, "never-made", { name: "never-made", type: "Manual", adopt: false }),
    pending(`${DYNAMIC}:GroupMember`, "web-1", { groupId: ids.ces, namespace: "SYS.ECS", dimensions: [] }),
    foreign,
  ];

  const { deployment, outcomes } = await settlePendingOperations({
    resources: [stackResource],
    pending_operations: ops,
  });

  expect(outcomesOf(outcomes)).toEqual([
    ["monitored", "adopted"],
    ["edge", "adopted"],
    ["costs", "adopted"],
    ["nightly", "adopted"],
    ["never-made", "dropped"],
    ["web-1", "dropped"],
    ["logs", "kept"],
  ]);
  expect(outcomes[6]).toMatchObject({ foreign: true, reason: "not a resource of this package" });
  // Kept as the very same object, so nothing of it can change on the way.
  expect(deployment.pending_operations).toEqual([foreign]);
  expect(deployment.pending_operations?.[0]).toBe(foreign);
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
    expect(resource.parent).toBe(STACK);
  }
  expect(deployment.resources?.[0]).toBe(stackResource);
});

describe("a group create that was replacing a group the state holds", () => {
  /** The pending create of a Strongly group, and the group it made at the vendor. */
  async function madeAtVendor(name: string): Promise<{ op: PendingOperation; id: string }> {
    const id = await new StronglyClient(env().emulator).createOk(name, "new");
    const op = pending(`${DYNAMIC}/strongly:ResourceGroup`, name, { name, description: "new", adopt: false });
    return { op, id };
  }

  it("after a delete-first replacement, puts the group found in place of the deleted one", async () => {
    const { op, id } = await madeAtVendor("replaced-delete-first");
    const gone: StateResource = { ...op.resource, id: "deleted-before", pendingReplacement: true };
    const after: StateResource = {
      urn: `${STACK}-child`,
      type: "x:y:Z",
      custom: false,
      dependencies: [gone.urn],
    };
    const { deployment, outcomes } = await settlePendingOperations({
      resources: [stackResource, gone, after],
      pending_operations: [op],
    });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ action: "adopted", id });
    expect(noteOf(outcomes[0])).toMatch(/in place of deleted-before/);
    expect(deployment.resources?.map((r) => [r.urn, r.id, r.pendingReplacement])).toEqual([
      [STACK, undefined, undefined],
      [gone.urn, id, undefined],
      [after.urn, undefined, undefined],
    ]);
    expect(deployment.pending_operations).toEqual([]);
  });

  it("after a create-first replacement, marks the old one for deletion and adds the group found", async () => {
    const { op, id } = await madeAtVendor("replaced-create-first");
    const held: StateResource = { ...op.resource, id: "old-group" };
    const { deployment, outcomes } = await settlePendingOperations({
      resources: [stackResource, held],
      pending_operations: [op],
    });
    expect(outcomes[0]).toMatchObject({ action: "adopted", id });
    expect(noteOf(outcomes[0])).toMatch(/replacing old-group/);
    expect(deployment.resources?.map((r) => [r.id, r.delete])).toEqual([
      [undefined, undefined],
      ["old-group", true],
      [id, undefined],
    ]);
    expect(integrityProblem(deployment.resources ?? [])).toBeUndefined();
  });

  it("leaves the state alone when the group of that name is the one it already holds", async () => {
    const { op, id } = await madeAtVendor("replacement-never-made");
    const held: StateResource = { ...op.resource, id };
    const { deployment, outcomes } = await settlePendingOperations({
      resources: [stackResource, held],
      pending_operations: [op],
    });
    expect(outcomes[0]).toMatchObject({ action: "dropped" });
    expect(deployment).toEqual({ resources: [stackResource, held], pending_operations: [] });
  });
});

test("an unfinished update or delete of ours loses its record; the state is kept as it was", async () => {
  const held: StateResource = { ...pending(`${DYNAMIC}:GroupMember`, "m", {}).resource, id: "m-1" };
  const ops = ["updating", "deleting"].map((type) => ({ type, resource: held }));
  const { deployment, outcomes } = await settlePendingOperations({
    resources: [stackResource, held],
    pending_operations: ops,
  });
  expect(outcomes.map((o) => o.action)).toEqual(["dropped", "dropped"]);
  expect(deployment).toEqual({ resources: [stackResource, held], pending_operations: [] });
});

/** One vendor's membership: the GroupMembers arguments and what the group holds, read from the vendor. */
interface Membership {
  kind: HandlerKind;
  type: string;
  args: (groupId: string, count: number) => Record<string, unknown>;
  held: (groupId: string) => Promise<string[]>;
  expected: (count: number) => string[];
}

const instances = (n: number) => Array.from({ length: n }, (_, i) => `i-${i}`);
const workflows = (n: number) => Array.from({ length: n }, (_, i) => `wf_${i}`);
const inventory = ["res_001", "res_002", "res_003"];
const MEMBERSHIPS: Record<string, Membership> = {
  ces: {
    kind: "groupMembers",
    type: `${DYNAMIC}:GroupMembers`,
    args: (groupId, n) => ({
      groupId,
      members: instances(n).map((value) => ({
        namespace: "SYS.ECS",
        dimensions: [{ name: "instance_id", value }],
      })),
    }),
    held: async (groupId) => {
      const path = `/${groupId}/services/SYS.ECS/resources?limit=100`;
      const { body } = await env().api<{ resources: { dimensions: { value: string }[] }[] }>("GET", path);
      return body.resources.map((r) => r.dimensions[0]?.value ?? "");
    },
    expected: instances,
  },
  cloudflare: {
    kind: "cloudflareGroupMembers",
    type: `${DYNAMIC}/cloudflare:GroupMembers`,
    args: (groupId, n) => ({ groupId, zoneIds: Array.from({ length: n }, (_, i) => zone(i + 1)) }),
    held: async (groupId) => {
      const { body } = await env().cloudflareApi<{ scope: { objects: { key: string }[] }[] }>(
        "GET",
        CLOUDFLARE_ACCOUNT,
        `/${groupId}`,
      );
      return (body.result.scope[0]?.objects ?? []).map((o) => o.key.split(".").pop() ?? "");
    },
    expected: (n) => Array.from({ length: n }, (_, i) => zone(i + 1)),
  },
  strongly: {
    kind: "stronglyGroupMembers",
    type: `${DYNAMIC}/strongly:GroupMembers`,
    args: (groupId, n) => ({
      groupId,
      members: workflows(n).map((resourceId) => ({ type: "workflow", resourceId, name: resourceId })),
    }),
    held: async (groupId) =>
      (await new StronglyClient(env().emulator).show(groupId)).json.resources.map((r) => r.resourceId),
    expected: workflows,
  },
  zopnight: {
    kind: "zopnightGroupMembers",
    type: `${DYNAMIC}/zopnight:GroupMembers`,
    args: (groupId, n) => ({ groupId, members: inventory.slice(0, n).map((resource) => ({ resource })) }),
    held: async (groupId) =>
      (await new ZopNightClient(env().emulator).show(groupId)).json.data.members.map((m) => m.resourceID),
    expected: (n) => inventory.slice(0, n),
  },
};

describe.each(Object.keys(MEMBERSHIPS))("%s: a GroupMembers create cut short", (vendor) => {
  it("loses its pending record, and creating it again adds the rest without a second copy", async () => {
    const membership = MEMBERSHIPS[vendor] as Membership;
    const groupId = (await groupsAtEveryVendor(`-members-${vendor}`))[vendor] as string;
    // What the interrupted create got done: the first member only.
    await create(membership.kind, membership.args(groupId, 1));
    forgetMemberClaims();
    const inputs = await checked(membership.kind, membership.args(groupId, 3));
    const { deployment, outcomes } = await settlePendingOperations({
      resources: [stackResource],
      pending_operations: [pending(membership.type, `${vendor}-members`, inputs)],
    });
    expect(outcomes).toEqual([expect.objectContaining({ action: "dropped" })]);
    expect(deployment).toEqual({ resources: [stackResource], pending_operations: [] });

    // The next up creates it again.
    await create(membership.kind, membership.args(groupId, 3));
    const held = await membership.held(groupId);
    // Cloudflare's group keeps its own zone (zone 1), which the membership declares too.
    expect(held.sort()).toEqual(membership.expected(3).sort());
  });
});

test("a group whose references would not resolve in the state is not written", async () => {
  await new StronglyClient(env().emulator).createOk("pending-orphan", "o");
  const op = pending(`${DYNAMIC}/strongly:ResourceGroup`, "orphan", {
    name: "pending-orphan",
    description: "o",
    adopt: false,
  });
  op.resource.dependencies = ["urn:pulumi:dev::app::x:y:Z::missing"];
  await expect(
    settlePendingOperations({ resources: [stackResource], pending_operations: [op] }),
  ).rejects.toThrow(/refers to urn:pulumi:dev::app::x:y:Z::missing, which comes after it or is missing/);
});

test("a group of a named connection is looked up and read through that connection", async () => {
  // The connection points at another CES project of the same emulator: the group is found only there.
  const project = "other-project";
  process.env.RESOURCEGROUPS_CONNECTIONS = JSON.stringify({ other: { projectId: project } });
  try {
    const made = await env().call<{ group_id: string }>(
      "POST",
      `/v2/${project}/resource-groups`,
      { group_name: "pending-elsewhere", type: "Manual" },
      { "X-Auth-Token": env().emulator.tokens.ces },
    );
    const op = pending(`${DYNAMIC}:ResourceGroup`, "elsewhere", {
      name: "pending-elsewhere",
      type: "Manual",
      tags: [],
      associationEpIds: [],
      connection: "other",
    });
    const { deployment, outcomes } = await settlePendingOperations({
      resources: [stackResource],
      pending_operations: [op],
    });
    expect(outcomesOf(outcomes)).toEqual([["elsewhere", "adopted"]]);
    const adopted = deployment.resources?.find((r) => r.urn === op.resource.urn);
    expect(adopted?.id).toBe(made.body.group_id);
    expect(adopted?.outputs?.connection).toBe("other");
  } finally {
    delete process.env.RESOURCEGROUPS_CONNECTIONS;
  }
});

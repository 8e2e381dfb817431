/**
 * CES GroupMembers written and read together, as the engine calls the provider during one run: the
 * members of one group share batch-create and batch-delete calls and one listing per refresh, and a
 * failed batch fails exactly its own members, each with an error naming it.
 */
import { resetEngineSlots } from "../../provider/core/engineSlots";
import { ServerError } from "../../provider/core/http/errors";
import { handlers, resetSettings } from "../../provider/runtime";
import { create, type Created } from "../support/engine";
import { useEmulatorForProvider } from "../support/emulator";

const emulator = useEmulatorForProvider(resetSettings);

// The tests send up to 15 writes at once, more than an engine with the default parallelism of this
// machine would: as an engine run with `--parallel 64`, whose slots these writes never all take.
const parallel = process.env.PULUMI_PARALLEL;
beforeAll(() => {
  process.env.PULUMI_PARALLEL = "64";
  resetEngineSlots();
});
afterAll(() => {
  if (parallel === undefined) delete process.env.PULUMI_PARALLEL;
  else process.env.PULUMI_PARALLEL = parallel;
  resetEngineSlots();
});

const BASE = "/v2/{project_id}/resource-groups";
const ADD = `POST ${BASE}/{group_id}/resources/batch-create`;
const REMOVE = `POST ${BASE}/{group_id}/resources/batch-delete`;
const LIST = `GET ${BASE}/{group_id}/services/{service}/resources`;
const READ_GROUP = `GET ${BASE}/{group_id}`;

const ecs = (id: string) => ({ namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: id }] });
const stats = () => emulator().emulator.stats();

async function addMembers(groupId: string, count: number, prefix: string): Promise<Created[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => create("groupMember", { groupId, ...ecs(`${prefix}-${i}`) })),
  );
}

async function memberCount(groupId: string): Promise<number> {
  const { body } = await emulator().api<{ count: number }>(
    "GET",
    `/${groupId}/services/SYS.ECS/resources?limit=1`,
  );
  return body.count;
}

afterEach(() => {
  emulator().emulator.setFaults({});
  process.env.RESOURCEGROUPS_MAX_RETRIES = "4";
});

describe("CES members in batches", () => {
  it("adds the members of a group in one call, without reading a group created in this process", async () => {
    const a = await create("resourceGroup", { name: "batch-a" });
    const b = await create("resourceGroup", { name: "batch-b" });
    emulator().emulator.resetStats();
    const [ofA, ofB] = await Promise.all([addMembers(a.id, 12, "a"), addMembers(b.id, 3, "b")]);
    expect(stats().byRoute[ADD]).toBe(2);
    expect(stats().byRoute[READ_GROUP]).toBeUndefined();
    expect(await memberCount(a.id)).toBe(12);
    expect(await memberCount(b.id)).toBe(3);
    expect(ofA.map((m) => m.id)).toContain(`${a.id}/SYS.ECS:instance_id=a-0`);
    expect(ofB).toHaveLength(3);

    emulator().emulator.resetStats();
    await Promise.all(ofA.map((m) => handlers.groupMember.delete(m.id, m.outs)));
    expect(stats().byRoute[REMOVE]).toBe(1);
    expect(await memberCount(a.id)).toBe(0);
    expect(await memberCount(b.id)).toBe(3);
  });

  it("checks a group it has not seen once, then remembers its type", async () => {
    const group = await create("resourceGroup", { name: "batch-unseen" });
    resetSettings(); // a new provider process: nothing remembered
    emulator().emulator.resetStats();
    await addMembers(group.id, 4, "u");
    await addMembers(group.id, 2, "v");
    expect(stats().byRoute[READ_GROUP]).toBe(1);
    expect(await memberCount(group.id)).toBe(6);
  });

  it("refreshes the members of a group against one listing per 100 members", async () => {
    const group = await create("resourceGroup", { name: "batch-refresh" });
    const members = await addMembers(group.id, 250, "r");
    resetSettings();
    emulator().emulator.resetStats();
    const reads = await Promise.all(members.map((m) => handlers.groupMember.read(m.id, m.outs)));
    expect(reads.every((r, i) => r.id === members[i]?.id)).toBe(true);
    expect(stats().total).toBe(3);
    expect(stats().byRoute[LIST]).toBe(3);

    // A member removed outside shows as gone to the next run.
    await emulator().api("POST", `/${group.id}/resources/batch-delete`, { resources: [ecs("r-7")] });
    resetSettings();
    const again = await Promise.all(members.map((m) => handlers.groupMember.read(m.id, m.outs)));
    expect(again.filter((r) => r.id === "").length).toBe(1);
    expect(again[7]?.id).toBe("");
  });

  it("fails exactly the members of a failed batch, each with its own error", async () => {
    const kept = await create("resourceGroup", { name: "batch-kept" });
    const gone = await create("resourceGroup", { name: "batch-gone" });
    // Deleted outside Pulumi after this process saw it: only the batch-create can tell.
    await emulator().api("POST", "/batch-delete", { group_ids: [gone.id] });
    const results = await Promise.allSettled([
      ...[0, 1, 2].map((i) => create("groupMember", { groupId: gone.id, ...ecs(`g-${i}`) })),
      ...[0, 1].map((i) => create("groupMember", { groupId: kept.id, ...ecs(`k-${i}`) })),
    ]);
    const reasons = results.slice(0, 3).map((r) => (r.status === "rejected" ? String(r.reason) : "created"));
    reasons.forEach((reason, i) => {
      expect(reason).toMatch(new RegExp(`add member SYS.ECS:instance_id=g-${i} \\(one of a batch of 3\\)`));
      expect(reason).toMatch(`resource group ${gone.id} does not exist`);
    });
    expect(results.slice(3).map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await memberCount(kept.id)).toBe(2);
  });

  it("reports a batch the API refused as each member's own error, keeping its class", async () => {
    process.env.RESOURCEGROUPS_MAX_RETRIES = "0";
    resetSettings();
    const group = await create("resourceGroup", { name: "batch-500" });
    emulator().emulator.setFaults({ failRate: 1, failStatuses: [500] });
    const results = await Promise.allSettled(
      [0, 1].map((i) => create("groupMember", { groupId: group.id, ...ecs(`f-${i}`) })),
    );
    emulator().emulator.setFaults({});
    results.forEach((r, i) => {
      expect(r.status).toBe("rejected");
      const reason = (r as PromiseRejectedResult).reason as Error;
      expect(reason).toBeInstanceOf(ServerError);
      expect(reason.message).toMatch(new RegExp(`^add member SYS.ECS:instance_id=f-${i} .*HTTP 500`));
    });
    expect(await memberCount(group.id)).toBe(0);
  });

  it("converges when batch answers are lost after the write committed", async () => {
    process.env.RESOURCEGROUPS_MAX_RETRIES = "10";
    resetSettings();
    const group = await create("resourceGroup", { name: "batch-lost" });
    emulator().emulator.setFaults({ dropRate: 0.5 });
    const members = await addMembers(group.id, 20, "l");
    expect(await memberCount(group.id)).toBe(20);
    await Promise.all(members.map((m) => handlers.groupMember.delete(m.id, m.outs)));
    emulator().emulator.setFaults({});
    expect(await memberCount(group.id)).toBe(0);
  });
});

/**
 * Cloudflare GroupMembers of one group share scope writes: the scope is written whole, so members
 * added or removed together cost one write, and a refresh reads the group once.
 */
import { handlers, resetSettings } from "../../provider/runtime";
import { create, type Created } from "../support/engine";
import { CLOUDFLARE_ACCOUNT, useEmulatorForProvider, type CloudflareWireGroup } from "../support/emulator";

const emulator = useEmulatorForProvider(resetSettings);

const zone = (i: number) => i.toString(16).padStart(32, "0");
const ZONE_PREFIX = "com.cloudflare.api.account.zone.";
const cloudflare = () => emulator().emulator.dialect("cloudflare");

async function zonesOf(groupId: string): Promise<string[]> {
  const { body } = await emulator().cloudflareApi<CloudflareWireGroup>(
    "GET",
    CLOUDFLARE_ACCOUNT,
    `/${groupId}`,
  );
  return (body.result.scope[0]?.objects ?? []).map((o) => o.key.replace(ZONE_PREFIX, "")).sort();
}

const addZones = (groupId: string, zones: number[]): Promise<Created[]> =>
  Promise.all(zones.map((i) => create("cloudflareGroupMember", { groupId, zoneId: zone(i) })));

describe("cloudflare members in batches", () => {
  it("adds and removes the zones of one group in one read and one write each", async () => {
    const group = await create("cloudflareResourceGroup", { name: "cf-batch", zones: [zone(1)] });
    cloudflare().resetStats();
    const members = await addZones(group.id, [10, 11, 12, 13, 14, 15]);
    // One scope write; the reads are the batch's own and each member's check that its zone stayed.
    expect(cloudflare().stats().writes).toBe(1);
    expect(await zonesOf(group.id)).toEqual([1, 10, 11, 12, 13, 14, 15].map(zone));

    resetSettings(); // a new run: nothing shared yet
    cloudflare().resetStats();
    const reads = await Promise.all(members.map((m) => handlers.cloudflareGroupMember.read(m.id, m.outs)));
    expect(reads.map((r) => r.id)).toEqual(members.map((m) => m.id));
    expect(cloudflare().stats().total).toBe(1);

    cloudflare().resetStats();
    await Promise.all(members.map((m) => handlers.cloudflareGroupMember.delete(m.id, m.outs)));
    expect(cloudflare().stats().writes).toBe(1);
    expect(await zonesOf(group.id)).toEqual([zone(1)]);
  });

  it("fails every member of a batch that would pass the scope limit, each naming its zone", async () => {
    const zones = Array.from({ length: 98 }, (_, i) => zone(100 + i));
    const group = await create("cloudflareResourceGroup", { name: "cf-batch-full", zones });
    const results = await Promise.allSettled(
      [1, 2, 3].map((i) => create("cloudflareGroupMember", { groupId: group.id, zoneId: zone(i) })),
    );
    results.forEach((r, i) => {
      expect(r.status).toBe("rejected");
      expect(String((r as PromiseRejectedResult).reason)).toMatch(
        new RegExp(`add zone ${zone(i + 1)} \\(one of a batch of 3\\): .*limit of 100`),
      );
    });
    expect(await zonesOf(group.id)).toHaveLength(98);
  });
});

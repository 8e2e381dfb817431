/**
 * cloudflare.GroupMembers against the emulator: the whole scope in one write per create or update
 * (counted by the Cloudflare dialect), refresh drift, delete of its own zones only, and the mixes with
 * the group's own declaration that are refused.
 */
import { forgetMemberClaims } from "../../provider/core/memberClaims";
import { handlers, resetSettings } from "../../provider/runtime";
import type { CloudflareGroupMembersOutputs } from "../../provider/vendors/cloudflare/handlers/groupMembers";
import { checked, create, update } from "../support/engine";
import { CLOUDFLARE_ACCOUNT, useEmulatorForProvider, type CloudflareWireGroup } from "../support/emulator";

const emulator = useEmulatorForProvider(resetSettings);

const zone = (i: number) => i.toString(16).padStart(32, "0");
const zones = (from: number, count: number) => Array.from({ length: count }, (_, i) => zone(from + i));
const ZONE_PREFIX = "com.cloudflare.api.account.zone.";
const cloudflare = () => emulator().emulator.dialect("cloudflare");

/** The group's scope objects as zone ids (or `*`), in the API's order. */
async function scopeOf(groupId: string): Promise<string[]> {
  const { body } = await emulator().cloudflareApi<CloudflareWireGroup>(
    "GET",
    CLOUDFLARE_ACCOUNT,
    `/${groupId}`,
  );
  return (body.result.scope[0]?.objects ?? []).map((o) => o.key.replace(ZONE_PREFIX, ""));
}

/** Sets the scope outside Pulumi, as another tool would. */
async function setScopeOutside(groupId: string, zoneIds: string[]): Promise<void> {
  const scope = {
    key: `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`,
    objects: zoneIds.map((id) => ({ key: ZONE_PREFIX + id })),
  };
  const { status } = await emulator().cloudflareApi("PUT", CLOUDFLARE_ACCOUNT, `/${groupId}`, { scope });
  expect(status).toBe(200);
}

const sorted = (list: string[]) => [...list].sort();

afterEach(() => cloudflare().setFaults({}));

describe("cloudflare.GroupMembers", () => {
  it("creates a scope of 100 zones with one write, and changes it with one more", async () => {
    const group = await create("cloudflareResourceGroup", { name: "cfgm-create", zones: [zone(1)] });
    cloudflare().resetStats();
    const members = await create("cloudflareGroupMembers", { groupId: group.id, zoneIds: zones(1, 100) });
    expect(members.id).toBe(group.id);
    // One write; the reads are the write's own and the check, after a wait, that it held.
    expect(cloudflare().stats().writes).toBe(1);
    expect(cloudflare().stats().total).toBe(3);
    expect(sorted(await scopeOf(group.id))).toEqual(zones(1, 100));

    // Ten zones out, ten in, the rest reordered.
    const next = [...zones(1, 90).reverse(), ...zones(500, 10)];
    cloudflare().resetStats();
    const outs = await update("cloudflareGroupMembers", members.id, members.outs, {
      groupId: group.id,
      zoneIds: next,
    });
    expect(cloudflare().stats().writes).toBe(1);
    expect(sorted(await scopeOf(group.id))).toEqual(sorted(next));
    expect(outs.declaredZoneIds).toEqual(next);

    const reordered = await checked("cloudflareGroupMembers", {
      groupId: group.id,
      zoneIds: [...next].reverse(),
    });
    expect(await handlers.cloudflareGroupMembers.diff(members.id, outs, reordered)).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it("shows zones added outside as drift on refresh, and the next update removes them", async () => {
    const group = await create("cloudflareResourceGroup", { name: "cfgm-drift", zones: [zone(1)] });
    const members = await create("cloudflareGroupMembers", { groupId: group.id, zoneIds: zones(1, 5) });
    await setScopeOutside(group.id, [...zones(2, 4), zone(77), zone(78)]);

    cloudflare().resetStats();
    const read = await handlers.cloudflareGroupMembers.read(members.id, members.outs);
    expect(cloudflare().stats().total).toBe(1);
    const props = read.props as CloudflareGroupMembersOutputs;
    // The declared zones it still holds, in their order, then the others; zone 1 was removed outside.
    expect(props.zoneIds).toEqual([...zones(2, 4), zone(77), zone(78)]);
    expect(props.declaredZoneIds).toEqual(zones(1, 5));

    const declared = await checked("cloudflareGroupMembers", { groupId: group.id, zoneIds: zones(1, 5) });
    expect((await handlers.cloudflareGroupMembers.diff(members.id, props, declared)).changes).toBe(true);
    cloudflare().resetStats();
    await handlers.cloudflareGroupMembers.update(members.id, props, declared);
    expect(cloudflare().stats().writes).toBe(1);
    expect(sorted(await scopeOf(group.id))).toEqual(zones(1, 5));
  });

  it("deletes only its zones, keeping the group's own and those added since", async () => {
    const group = await create("cloudflareResourceGroup", { name: "cfgm-delete", zones: [zone(1)] });
    const members = await create("cloudflareGroupMembers", { groupId: group.id, zoneIds: zones(1, 10) });
    await setScopeOutside(group.id, [...zones(1, 10), zone(99)]);
    cloudflare().resetStats();
    forgetMemberClaims(); // deleted by a later run, which declares none of them
    await handlers.cloudflareGroupMembers.delete(members.id, members.outs);
    expect(cloudflare().stats().writes).toBe(1);
    expect(sorted(await scopeOf(group.id))).toEqual([zone(1), zone(99)]);
    // Again, or once the group is gone: nothing to do, no error.
    cloudflare().resetStats();
    await handlers.cloudflareGroupMembers.delete(members.id, members.outs);
    expect(cloudflare().stats().writes).toBe(0);
    await handlers.cloudflareResourceGroup.delete(group.id, group.outs);
    await handlers.cloudflareGroupMembers.delete(members.id, members.outs);
    expect(await handlers.cloudflareGroupMembers.read(members.id, members.outs)).toEqual({
      id: "",
      props: {},
    });
  });

  it("keeps the scope's last zone when every zone was its own (a scope cannot be empty)", async () => {
    // A group of another program: this run knows nothing of its declaration.
    const scope = {
      key: `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`,
      objects: [{ key: ZONE_PREFIX + zone(1) }],
    };
    const made = await emulator().cloudflareApi<{ id: string }>("POST", CLOUDFLARE_ACCOUNT, "", {
      name: "cfgm-last",
      scope,
    });
    const groupId = made.body.result.id;
    const members = await create("cloudflareGroupMembers", { groupId, zoneIds: zones(1, 3) });
    forgetMemberClaims();
    await handlers.cloudflareGroupMembers.delete(members.id, members.outs);
    expect(await scopeOf(groupId)).toEqual([zone(3)]);
  });

  it("converges when the answer to its scope write is lost", async () => {
    const group = await create("cloudflareResourceGroup", { name: "cfgm-dropped", zones: [zone(1)] });
    cloudflare().resetStats();
    cloudflare().setFaults({ dropNext: 1 });
    await create("cloudflareGroupMembers", { groupId: group.id, zoneIds: zones(1, 20) });
    expect(cloudflare().stats().dropped).toBe(1);
    expect(sorted(await scopeOf(group.id))).toEqual(zones(1, 20));
  });

  it("refuses an exclusive or account-wide group before any write", async () => {
    const exclusive = await create("cloudflareResourceGroup", {
      name: "cfgm-exclusive",
      zones: [zone(1)],
      exclusive: true,
    });
    const whole = await create("cloudflareResourceGroup", { name: "cfgm-whole", wholeAccount: true });
    cloudflare().resetStats();
    await expect(
      create("cloudflareGroupMembers", { groupId: exclusive.id, zoneIds: [zone(1), zone(2)] }),
    ).rejects.toThrow(/groupId.*is declared exclusive/);
    // Past check (as for a group of another program), the write itself refuses the whole account.
    await expect(
      handlers.cloudflareGroupMembers.create({
        accountId: CLOUDFLARE_ACCOUNT,
        groupId: whole.id,
        zoneIds: [zone(2)],
      }),
    ).rejects.toThrow(/covers the whole account \('\*'\)/);
    expect(cloudflare().stats().writes).toBe(0);
    expect(await scopeOf(whole.id)).toEqual(["*"]);
  });

  it("keeps the zones a renamed GroupMembers declares when the old one is deleted in the same run", async () => {
    const group = await create("cloudflareResourceGroup", { name: "cfgm-renamed", zones: [zone(1)] });
    const old = await create("cloudflareGroupMembers", { groupId: group.id, zoneIds: zones(1, 4) });
    forgetMemberClaims();
    // The run that renames it: the engine creates the new resource, then deletes the old one.
    await create("cloudflareGroupMembers", { groupId: group.id, zoneIds: zones(1, 4) });
    await handlers.cloudflareGroupMembers.delete(old.id, old.outs);
    expect(sorted(await scopeOf(group.id))).toEqual(zones(1, 4));
  });
});

/**
 * check() and diff() of the GroupMembers resources: field rules with their paths, repeats by identity,
 * order-blind diffs, what replaces, and (Cloudflare) the mixes with the group's own declaration that
 * would fight. No API call is made by either.
 */
import { handlers } from "../../provider/runtime";
import { UNKNOWN } from "../../provider/core/validate";
import { useOfflineSettings } from "../support/offlineSettings";

useOfflineSettings();

const GROUP = "rg" + "A1".repeat(11);

/** Each failure's property, and its reason matched by a pattern (a string is looked for as is). */
function expectFailures(found: { property: string; reason: string }[], wanted: [string, string | RegExp][]) {
  expect(found.map((f) => f.property)).toEqual(wanted.map(([property]) => property));
  wanted.forEach(([, reason], i) => expect(found[i]?.reason).toMatch(reason));
}
const OTHER_GROUP = "rg" + "B2".repeat(11);
const ACCOUNT = "a".repeat(32);
const hex = (n: number) => n.toString(16).padStart(32, "0");

const ecs = (id: string, extra: { name: string; value: string }[] = []) => ({
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: id }, ...extra],
});

async function cesFailures(news: Record<string, unknown>) {
  return (await handlers.groupMembers.check({}, news)).failures ?? [];
}

describe("ces.GroupMembers check", () => {
  it("accepts a list, and an empty list (a group with no members)", async () => {
    expect(await cesFailures({ groupId: GROUP, members: [ecs("a"), ecs("b")] })).toEqual([]);
    const empty = await handlers.groupMembers.check({}, { groupId: GROUP, members: [] });
    expect(empty.failures).toBeUndefined();
    expect(empty.inputs).toEqual({ groupId: GROUP, members: [] });
  });

  it("checks every member with the GroupMember rules, naming the field path", async () => {
    const members = [
      ecs("a"),
      ecs("b"),
      ecs("c"),
      { namespace: "SYS.ECS", dimensions: [{ name: "1bad", value: "v" }] },
      { namespace: "nope", dimensions: [{ name: "ok", value: "" }] },
    ];
    expect(await cesFailures({ groupId: GROUP, members })).toEqual([
      {
        property: "members",
        reason:
          "members[3].dimensions[0].name: dimension name must start with a letter, then letters, digits, '_' or '-'",
      },
      {
        property: "members",
        reason:
          "members[4].namespace: namespace must look like 'service.item' (e.g. SYS.ECS): each part a letter, then letters, digits or '_'",
      },
      { property: "members", reason: "members[4].dimensions[0].value: dimension value must not be empty" },
    ]);
  });

  it("refuses repeated dimension names within a member and unknown member fields", async () => {
    const members = [ecs("a", [{ name: "instance_id", value: "other" }]), { ...ecs("b"), dimension: [] }];
    expect(await cesFailures({ groupId: GROUP, members })).toEqual([
      {
        property: "members",
        reason:
          "members[0].dimensions[1].name: dimension names must be unique within a member ('instance_id' repeats)",
      },
      {
        property: "members",
        reason: "members[1]: a member takes only namespace and dimensions (unknown: dimension)",
      },
    ]);
  });

  it("refuses a member repeated by identity, whatever its dimension order, naming both positions", async () => {
    const two = [
      { name: "instance_id", value: "x" },
      { name: "disk", value: "d1" },
    ];
    const members = [
      { namespace: "SYS.ECS", dimensions: two },
      ecs("y"),
      { namespace: "SYS.EVS", dimensions: two },
      { namespace: "SYS.ECS", dimensions: [...two].reverse() },
    ];
    expect(await cesFailures({ groupId: GROUP, members })).toEqual([
      {
        property: "members",
        reason:
          "members[3] repeats members[0] (SYS.ECS:disk=d1,instance_id=x): a member is its namespace plus " +
          "its set of dimensions, whatever their order",
      },
    ]);
  });

  it("refuses unknown arguments and a malformed group or list", async () => {
    const found = await cesFailures({ groupId: "rg1", members: "all", member: [] });
    expectFailures(found, [
      ["member", /^member: unknown argument \(did you mean 'members'\?\)/],
      ["groupId", "groupId must be 'rg' followed by 22 letters or digits"],
      ["members", "members must be a list of {namespace, dimensions}"],
    ]);
  });

  it("leaves values a preview does not know for later", async () => {
    const result = await handlers.groupMembers.check({}, { groupId: UNKNOWN, members: [ecs(UNKNOWN)] });
    expect(result.failures).toEqual([]);
    // Members whose values are not known yet all look alike: they are no repeats.
    const alike = await handlers.groupMembers.check(
      {},
      { groupId: GROUP, members: [ecs(UNKNOWN), ecs(UNKNOWN)] },
    );
    expect(alike.failures ?? []).toEqual([]);
    const zones = await cloudflareFailures({ groupId: hex(1), zoneIds: [UNKNOWN, UNKNOWN] });
    expect(zones).toEqual([]);
  });
});

describe("ces.GroupMembers diff", () => {
  const olds = { groupId: GROUP, members: [ecs("a"), ecs("b"), ecs("c")] };

  it("sees no change in a reordered list, nor in reordered dimensions", async () => {
    const two = [
      { name: "x", value: "1" },
      { name: "y", value: "2" },
    ];
    const before = { groupId: GROUP, members: [ecs("a"), { namespace: "SYS.ECS", dimensions: two }] };
    const after = {
      groupId: GROUP,
      members: [{ namespace: "SYS.ECS", dimensions: [...two].reverse() }, ecs("a")],
    };
    expect(await handlers.groupMembers.diff("id", before, after)).toEqual({ changes: false, replaces: [] });
  });

  it("updates in place when members change", async () => {
    const news = { groupId: GROUP, members: [ecs("a"), ecs("b"), ecs("d")] };
    expect(await handlers.groupMembers.diff("id", olds, news)).toEqual({ changes: true, replaces: [] });
  });

  it("updates when a refresh found others in the group, or a declared member gone", async () => {
    const refreshed = { ...olds, members: [...olds.members, ecs("outside")], declaredMembers: olds.members };
    expect(
      await handlers.groupMembers.diff("id", refreshed, { groupId: GROUP, members: olds.members }),
    ).toEqual({
      changes: true,
      replaces: [],
    });
    const lost = { ...olds, members: olds.members.slice(1), declaredMembers: olds.members };
    expect(
      (await handlers.groupMembers.diff("id", lost, { groupId: GROUP, members: olds.members })).changes,
    ).toBe(true);
  });

  it("updates when a half-done write left the declared list apart from the members seen", async () => {
    const halfDone = { ...olds, declaredMembers: [...olds.members, ecs("d")] };
    const news = { groupId: GROUP, members: olds.members };
    expect((await handlers.groupMembers.diff("id", halfDone, news)).changes).toBe(true);
  });

  it("replaces on another group or project, creating the new one first", async () => {
    const moved = await handlers.groupMembers.diff("id", olds, { ...olds, groupId: OTHER_GROUP });
    expect(moved).toEqual({ changes: true, replaces: ["groupId"] });
    const project = await handlers.groupMembers.diff("id", olds, { ...olds, projectId: "another-project" });
    expect(project).toEqual({ changes: true, replaces: ["projectId"] });
  });

  it("counts a member a preview does not know yet as a change", async () => {
    const news = { groupId: GROUP, members: [ecs("a"), ecs("b"), UNKNOWN] };
    expect((await handlers.groupMembers.diff("id", olds, news)).changes).toBe(true);
    const whole = await handlers.groupMembers.diff("id", olds, { groupId: GROUP, members: UNKNOWN });
    expect(whole.changes).toBe(true);
  });
});

async function cloudflareFailures(news: Record<string, unknown>) {
  return (await handlers.cloudflareGroupMembers.check({}, { accountId: ACCOUNT, ...news })).failures ?? [];
}

/** What the engine tells the provider about a group of the running program, through its diff. */
async function declareGroup(groupId: string, scope: Record<string, unknown>) {
  const state = {
    accountId: ACCOUNT,
    name: `g-${groupId}`,
    zones: [],
    wholeAccount: false,
    exclusive: false,
  };
  await handlers.cloudflareResourceGroup.diff(groupId, state, { ...state, adopt: false, ...scope });
}

describe("cloudflare.GroupMembers check", () => {
  it("accepts 1-100 distinct zones", async () => {
    expect(await cloudflareFailures({ groupId: hex(1), zoneIds: [hex(10)] })).toEqual([]);
    const hundred = Array.from({ length: 100 }, (_, i) => hex(100 + i));
    expect(await cloudflareFailures({ groupId: hex(1), zoneIds: hundred })).toEqual([]);
  });

  it("refuses an empty list, more than 100 zones, bad ids and repeats, naming the position", async () => {
    expect(await cloudflareFailures({ groupId: hex(1), zoneIds: [] })).toEqual([
      { property: "zoneIds", reason: "zoneIds must have at least 1 zone id (a scope cannot be empty)" },
    ]);
    const many = Array.from({ length: 101 }, (_, i) => hex(100 + i));
    expect(await cloudflareFailures({ groupId: hex(1), zoneIds: many })).toEqual([
      {
        property: "zoneIds",
        reason: "zoneIds must have at most 100 zone ids, the Cloudflare scope limit (got 101)",
      },
    ]);
    expect(await cloudflareFailures({ groupId: hex(1), zoneIds: [hex(10), "ZONE"] })).toEqual([
      { property: "zoneIds", reason: "zoneIds[1]: zone id must be 32 lowercase hexadecimal characters" },
    ]);
    expect(await cloudflareFailures({ groupId: hex(1), zoneIds: [hex(10), hex(11), hex(10)] })).toEqual([
      { property: "zoneIds", reason: `zoneIds[2] repeats zoneIds[0] (${hex(10)})` },
    ]);
  });

  it("refuses unknown arguments", async () => {
    expectFailures(await cloudflareFailures({ groupId: hex(1), zoneIds: [hex(10)], zones: [hex(10)] }), [
      ["zones", /^zones: unknown argument \(did you mean 'zoneIds'\?\); allowed: /],
    ]);
  });

  it("refuses a group whose own zones it leaves out, since the two would undo each other", async () => {
    await declareGroup(hex(2), { zones: [hex(20), hex(21)] });
    expectFailures(await cloudflareFailures({ groupId: hex(2), zoneIds: [hex(20), hex(22)] }), [
      ["zoneIds", `must include every zone the group's ResourceGroup declares (missing ${hex(21)})`],
    ]);
    expect(await cloudflareFailures({ groupId: hex(2), zoneIds: [hex(22), hex(21), hex(20)] })).toEqual([]);
  });

  it("refuses an exclusive or account-wide group", async () => {
    await declareGroup(hex(3), { zones: [hex(30)], exclusive: true });
    const exclusive = await cloudflareFailures({ groupId: hex(3), zoneIds: [hex(30)] });
    expectFailures(exclusive, [["groupId", "is declared exclusive"]]);
    await declareGroup(hex(4), { wholeAccount: true });
    const whole = await cloudflareFailures({ groupId: hex(4), zoneIds: [hex(40)] });
    expectFailures(whole, [["groupId", "wholeAccount ('*')"]]);
  });

  it("ignores what a preview does not know yet about the group", async () => {
    await declareGroup(hex(5), { zones: UNKNOWN, exclusive: UNKNOWN });
    expect(await cloudflareFailures({ groupId: hex(5), zoneIds: [hex(50)] })).toEqual([]);
  });

  it("refuses GroupMember and GroupMembers on one group, whichever comes second", async () => {
    expect(await cloudflareFailures({ groupId: hex(6), zoneIds: [hex(60)] })).toEqual([]);
    const single = await handlers.cloudflareGroupMember.check(
      {},
      { accountId: ACCOUNT, groupId: hex(6), zoneId: hex(61) },
    );
    expectFailures(single.failures ?? [], [["groupId", "declared whole by a GroupMembers"]]);

    const first = await handlers.cloudflareGroupMember.check(
      {},
      { accountId: ACCOUNT, groupId: hex(7), zoneId: hex(70) },
    );
    expect(first.failures).toBeUndefined();
    expectFailures(await cloudflareFailures({ groupId: hex(7), zoneIds: [hex(70)] }), [
      ["groupId", "has GroupMember resources in this program"],
    ]);
  });
});

describe("cloudflare.GroupMembers diff", () => {
  const olds = { accountId: ACCOUNT, groupId: hex(1), zoneIds: [hex(10), hex(11)] };

  it("sees no change in a reordered list", async () => {
    const news = { ...olds, zoneIds: [hex(11), hex(10)] };
    expect(await handlers.cloudflareGroupMembers.diff("id", olds, news)).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it("updates in place when zones change or a refresh found others", async () => {
    const news = { ...olds, zoneIds: [hex(10), hex(12)] };
    expect(await handlers.cloudflareGroupMembers.diff("id", olds, news)).toEqual({
      changes: true,
      replaces: [],
    });
    const refreshed = { ...olds, zoneIds: [...olds.zoneIds, hex(99)], declaredZoneIds: olds.zoneIds };
    expect((await handlers.cloudflareGroupMembers.diff("id", refreshed, olds)).changes).toBe(true);
  });

  it("replaces on another group or account", async () => {
    expect(await handlers.cloudflareGroupMembers.diff("id", olds, { ...olds, groupId: hex(2) })).toEqual({
      changes: true,
      replaces: ["groupId"],
    });
    expect(
      await handlers.cloudflareGroupMembers.diff("id", olds, { ...olds, accountId: "b".repeat(32) }),
    ).toEqual({
      changes: true,
      replaces: ["accountId"],
    });
  });
});

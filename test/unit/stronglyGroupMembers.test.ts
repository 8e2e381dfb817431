/**
 * strongly.GroupMembers check() and diff(): each member's rules with its path, repeats by
 * `(type, resourceId)`, the group's limit, which changes update in place or replace, and the order of an
 * update's writes in a full group. No API call.
 */
import { UNKNOWN } from "../../provider/core/validate";
import { handlers } from "../../provider/runtime";
import type { StronglyGroupMembersOutputs } from "../../provider/vendors/strongly/handlers/groupMembers";
import { writeTurns, type WritePlan } from "../../provider/vendors/strongly/handlers/writeTurns";
import { useOfflineSettings } from "../support/offlineSettings";

useOfflineSettings();

const gms = handlers.stronglyGroupMembers;
const GROUP = "rg_" + "a".repeat(16);
const OTHER_GROUP = "rg_" + "b".repeat(16);

const app = (id: string, name = `app ${id}`) => ({ type: "app" as const, resourceId: id, name });
const apps = (count: number) => Array.from({ length: count }, (_, i) => app(`a${i}`));

async function failures(news: Record<string, unknown>) {
  return (await gms.check({}, news)).failures ?? [];
}

describe("strongly.GroupMembers check", () => {
  it("takes a list as given, and an empty list (a group with no members)", async () => {
    const members = [app("a1"), { type: "workflow", resourceId: "a1", name: "same id, other type" }];
    expect(await gms.check({}, { groupId: GROUP, members })).toEqual({ inputs: { groupId: GROUP, members } });
    expect(await failures({ groupId: GROUP, members: [] })).toEqual([]);
  });

  it("names the path and the rule of every broken member field", async () => {
    const found = await failures({
      groupId: GROUP,
      members: [
        app("ok"),
        { type: "vm", resourceId: "r1", name: "n" },
        { type: "app", resourceId: "has space", name: "n" },
        { type: "app", resourceId: "r3", name: "" },
        { type: "app", resourceId: "r4" },
      ],
    });
    expect(found.map((f) => f.property)).toEqual(["members", "members", "members", "members"]);
    expect(found[1]?.reason).toMatch(/resourceId/);
    expect(found[2]?.reason).toMatch(/name must not be empty/);
  });

  it("refuses a member field it does not take instead of dropping it, and a member that is no object", async () => {
    const found = await failures({ groupId: GROUP, members: [{ ...app("a1"), tier: "x" }, null, "a2"] });
    expect(found).toEqual([
      {
        property: "members",
        reason: "members[0]: a member takes only type, resourceId and name (unknown: tier)",
      },
      { property: "members", reason: "members[1]: a member must be {type, resourceId, name}" },
      { property: "members", reason: "members[2]: a member must be {type, resourceId, name}" },
    ]);
  });

  it("refuses a repeated (type, resourceId) naming both positions, whatever the names", async () => {
    const found = await failures({
      groupId: GROUP,
      members: [app("a1"), app("a2"), app("a1", "another name"), app("a1")],
    });
    expect(found).toEqual([
      {
        property: "members",
        reason: "members[2] repeats members[0] (app/a1): a member is its type plus its resourceId",
      },
      {
        property: "members",
        reason: "members[3] repeats members[0] (app/a1): a member is its type plus its resourceId",
      },
    ]);
  });

  it("takes 500 members and refuses 501, the group's limit", async () => {
    expect(await failures({ groupId: GROUP, members: apps(500) })).toEqual([]);
    expect(await failures({ groupId: GROUP, members: apps(501) })).toEqual([
      { property: "members", reason: "members: a group holds at most 500 members" },
    ]);
  });

  it("refuses a missing list, a bad group id and unknown arguments", async () => {
    const found = await failures({ groupId: "rg_SHORT", zones: [] });
    expect(found.map((f) => f.property)).toEqual(["zones", "groupId", "members"]);
    expect(found[0]?.reason).toMatch(/^zones: unknown argument; allowed: groupId, members/);
    expect(found[1]?.reason).toBe("groupId must be 'rg_' followed by 16 lowercase letters or digits");
  });

  it("leaves values a preview does not know for later, and does not take them for repeats", async () => {
    expect(await failures({ groupId: UNKNOWN, members: UNKNOWN })).toEqual([]);
    const alike = [
      { type: "app", resourceId: UNKNOWN, name: "one" },
      { type: "app", resourceId: UNKNOWN, name: "two" },
    ];
    expect(await failures({ groupId: GROUP, members: [...alike, UNKNOWN] })).toEqual([]);
  });
});

describe("strongly.GroupMembers diff", () => {
  const declared = [app("a1"), app("a2"), app("a3")];
  const olds: StronglyGroupMembersOutputs = { groupId: GROUP, members: declared, declaredMembers: declared };
  const diff = (news: Record<string, unknown>, from: StronglyGroupMembersOutputs = olds) =>
    gms.diff(GROUP, from, news);

  it("sees no change in a reordered list", async () => {
    const news = { groupId: GROUP, members: [...declared].reverse() };
    expect(await diff(news)).toEqual({ changes: false, replaces: [] });
  });

  it("updates in place when a member is added, removed or renamed", async () => {
    const cases = [
      [...declared, app("a4")],
      declared.slice(1),
      [app("a1", "renamed"), app("a2"), app("a3")],
      [],
    ];
    for (const members of cases) {
      expect(await diff({ groupId: GROUP, members })).toEqual({ changes: true, replaces: [] });
    }
  });

  it("updates when a refresh found a member added outside, or a declared one gone or renamed", async () => {
    const news = { groupId: GROUP, members: declared };
    const outside = { ...olds, members: [...declared, app("x1")] };
    const gone = { ...olds, members: declared.slice(0, 2) };
    const renamedOutside = { ...olds, members: [app("a1", "theirs"), app("a2"), app("a3")] };
    for (const refreshed of [outside, gone, renamedOutside]) {
      expect(await diff(news, refreshed)).toEqual({ changes: true, replaces: [] });
    }
  });

  it("updates when a half-done write left the declared list apart from the members seen", async () => {
    const halfDone = { ...olds, members: declared.slice(0, 2), declaredMembers: declared };
    expect((await diff({ groupId: GROUP, members: declared.slice(0, 2) }, halfDone)).changes).toBe(true);
  });

  it("replaces on another group, creating the new one before the old one goes", async () => {
    expect(await diff({ groupId: OTHER_GROUP, members: declared })).toEqual({
      changes: true,
      replaces: ["groupId"],
    });
  });

  it("counts a member or a list a preview does not know yet as a change", async () => {
    const unknownName = [app("a1", UNKNOWN), app("a2"), app("a3")];
    expect((await diff({ groupId: GROUP, members: unknownName })).changes).toBe(true);
    expect((await diff({ groupId: GROUP, members: [...declared.slice(1), UNKNOWN] })).changes).toBe(true);
    expect((await diff({ groupId: GROUP, members: UNKNOWN })).changes).toBe(true);
  });
});

describe("strongly.GroupMembers write order", () => {
  const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `m${from + i}`);
  const shape = (plan: WritePlan<string>) => [
    ...plan.turns.map((t) => `${t.action} ${t.members.length}`),
    `rest ${plan.rest.length}`,
  ];

  it("adds everything first when the group has room, and removes after", () => {
    const plan = writeTurns(ids(0, 3), ids(10, 3), 50, 500, 4);
    expect(plan).toEqual({ turns: [{ action: "add", members: ids(0, 3) }], rest: ids(10, 3) });
  });

  it("in a full group, removes a few at a time to make room for the adds waiting", () => {
    expect(shape(writeTurns(ids(0, 10), ids(10, 10), 500, 500, 4))).toEqual([
      "remove 4",
      "add 4",
      "remove 4",
      "add 4",
      "remove 2",
      "add 2",
      "rest 0",
    ]);
  });

  it("uses the room there is before removing, and leaves the removals no add needs for last", () => {
    expect(shape(writeTurns(ids(0, 5), ids(10, 8), 498, 500, 4))).toEqual([
      "add 2",
      "remove 3",
      "add 3",
      "rest 5",
    ]);
  });

  it("tries the adds anyway when nothing can make room, so the API's refusal is what the user sees", () => {
    expect(shape(writeTurns(ids(0, 3), [], 500, 500, 4))).toEqual(["add 3", "rest 0"]);
    expect(writeTurns([], ids(0, 2), 500, 500, 4)).toEqual({ turns: [], rest: ids(0, 2) });
  });
});

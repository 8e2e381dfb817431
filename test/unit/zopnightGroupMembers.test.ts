/** zopnight.GroupMembers check() and diff(): the rules of each member, repeats, and what changes in place. */
import { UNKNOWN } from "../../provider/core/validate";
import { handlers } from "../../provider/runtime";
import type { ZopNightGroupMembersOutputs } from "../../provider/vendors/zopnight/handlers/groupMembers";
import { useOfflineSettings } from "../support/offlineSettings";

useOfflineSettings();

const gms = handlers.zopnightGroupMembers;
const GROUP = "grp_abc123def456";

const check = (news: Record<string, unknown>) => gms.check({}, news);

/** A state as create leaves it: every member where it was declared. */
function stateOf(members: [string, string, string, number][]): ZopNightGroupMembersOutputs {
  const held = members.map(([resource, resourceId, executionTier, executionOrder]) => ({
    resource,
    resourceId,
    resourceUID: `uid-${resourceId}`,
    resourceName: `name-${resourceId}`,
    executionTier,
    executionOrder,
  }));
  return {
    groupId: GROUP,
    members: held,
    declaredMembers: held.map(({ resource, resourceId, executionTier, executionOrder }) => ({
      resource,
      resourceId,
      executionTier,
      executionOrder,
    })),
  };
}

const OLDS = stateOf([
  ["res_001", "res_001", "tier-1", 1],
  ["i-0abc123def456", "res_003", "tier-2", 1],
  ["res_004", "res_004", "tier-2", 2],
]);
const NEWS = {
  groupId: GROUP,
  members: [
    { resource: "res_001", executionTier: "tier-1", executionOrder: 1 },
    { resource: "i-0abc123def456", executionTier: "tier-2", executionOrder: 1 },
    { resource: "res_004", executionTier: "tier-2", executionOrder: 2 },
  ],
};
const diff = (news: Record<string, unknown>, olds: ZopNightGroupMembersOutputs = OLDS) =>
  gms.diff(GROUP, olds, news);

describe("zopnight.GroupMembers check", () => {
  it("fills each member's tier and order with a GroupMember's defaults", async () => {
    const result = await check({
      groupId: GROUP,
      members: [{ resource: "res_001" }, { resource: "i-0abc" }],
    });
    expect(result.failures).toBeUndefined();
    expect(result.inputs).toEqual({
      groupId: GROUP,
      members: [
        { resource: "res_001", executionTier: "tier-1", executionOrder: 1 },
        { resource: "i-0abc", executionTier: "tier-1", executionOrder: 1 },
      ],
    });
  });

  it("takes an empty list", async () => {
    expect((await check({ groupId: GROUP, members: [] })).failures).toBeUndefined();
  });

  it("reports every broken rule with the member's path", async () => {
    const result = await check({
      groupId: "grp_short",
      members: [
        { resource: "" },
        { resource: "res_002", executionTier: "tier-11" },
        { resource: "res_003", executionOrder: 1001 },
        { resource: " padded" },
        { resource: "res_005", executionOrder: 1.5 },
        { resource: "res_006", tier: "tier-2" },
        "res_007",
      ],
    });
    expect(result.failures).toEqual([
      { property: "groupId", reason: expect.stringMatching(/^groupId must be 'grp_'/) as string },
      { property: "members", reason: "members[0].resource: resource must not be empty" },
      {
        property: "members",
        reason: "members[1].executionTier: executionTier must be one of tier-1 to tier-10 (got 'tier-11')",
      },
      {
        property: "members",
        reason: "members[2].executionOrder: executionOrder must be at most 1000 (got 1001)",
      },
      { property: "members", reason: "members[3].resource: resource must not start or end with spaces" },
      {
        property: "members",
        reason: "members[4].executionOrder: executionOrder must be an integer (got 1.5)",
      },
      {
        property: "members",
        reason: "members[5]: a member takes only resource, executionTier and executionOrder (unknown: tier)",
      },
      {
        property: "members",
        reason: "members[6]: a member must be {resource, executionTier?, executionOrder?}",
      },
    ]);
  });

  it("refuses a resource named twice the same way, naming both positions", async () => {
    const result = await check({
      groupId: GROUP,
      members: [
        { resource: "res_001" },
        { resource: "i-0abc" },
        { resource: "res_001", executionTier: "tier-2" },
        { resource: "i-0abc" },
      ],
    });
    expect(result.failures).toEqual([
      {
        property: "members",
        reason: "members[2] repeats members[0] ('res_001'): a resource is in a group once",
      },
      {
        property: "members",
        reason: "members[3] repeats members[1] ('i-0abc'): a resource is in a group once",
      },
    ]);
  });

  it("refuses a misspelt argument and a list that is not a list", async () => {
    const result = await check({ groupId: GROUP, member: [], members: "res_001" });
    expect(result.failures?.map((f) => f.property)).toEqual(["member", "members"]);
    expect(result.failures?.[0]?.reason).toMatch(/did you mean 'members'\?/);
  });

  it("skips values a preview does not know yet, and never takes two unknown resources for a repeat", async () => {
    const result = await check({
      groupId: UNKNOWN,
      members: [
        { resource: UNKNOWN },
        { resource: UNKNOWN },
        { resource: "res_001", executionOrder: UNKNOWN },
      ],
    });
    expect(result.failures).toEqual([]);
  });
});

describe("zopnight.GroupMembers diff", () => {
  it("sees no change for the same members in another order", async () => {
    expect(await diff({ ...NEWS, members: [...NEWS.members].reverse() })).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it("updates in place for a new tier or order, an added member or a removed one", async () => {
    const [first, second, third] = NEWS.members;
    const moved = [first, { ...second, executionTier: "tier-3" }, third];
    const reordered = [first, second, { ...third, executionOrder: 5 }];
    for (const members of [moved, reordered, [...NEWS.members, { resource: "res_005" }], [first, second]]) {
      expect(await diff({ ...NEWS, members })).toEqual({ changes: true, replaces: [] });
    }
  });

  it("updates in place when a resource is named the other way (the state records the spelling)", async () => {
    const members = NEWS.members.map((m) =>
      m.resource === "i-0abc123def456" ? { ...m, resource: "res_003" } : m,
    );
    expect(await diff({ ...NEWS, members })).toEqual({ changes: true, replaces: [] });
  });

  it("replaces for another group", async () => {
    expect(await diff({ ...NEWS, groupId: "grp_000000000000" })).toEqual({
      changes: true,
      replaces: ["groupId"],
    });
    expect((await diff({ ...NEWS, groupId: UNKNOWN })).replaces).toEqual(["groupId"]);
  });

  it("shows drift: a member added outside, or moved outside, differs from the list", async () => {
    const outside = stateOf([
      ["res_001", "res_001", "tier-1", 1],
      ["i-0abc123def456", "res_003", "tier-2", 1],
      ["res_004", "res_004", "tier-2", 2],
      ["res_007", "res_007", "tier-1", 2],
    ]);
    expect(await diff(NEWS, { ...outside, declaredMembers: OLDS.declaredMembers })).toEqual({
      changes: true,
      replaces: [],
    });
    const moved = stateOf([
      ["res_001", "res_001", "tier-1", 1],
      ["i-0abc123def456", "res_003", "tier-4", 9],
      ["res_004", "res_004", "tier-2", 2],
    ]);
    expect((await diff(NEWS, { ...moved, declaredMembers: OLDS.declaredMembers })).changes).toBe(true);
  });

  it("sees a half-done write: the members seen are the list, but the declared list is not", async () => {
    const halfDone = {
      ...OLDS,
      declaredMembers: [
        ...(OLDS.declaredMembers ?? []),
        { ...NEWS.members[0]!, resource: "res_009", resourceId: "res_009" },
      ],
    };
    expect((await diff(NEWS, halfDone)).changes).toBe(true);
  });

  it("takes unknown members of a preview for a change", async () => {
    expect((await diff({ ...NEWS, members: UNKNOWN })).changes).toBe(true);
    const members = [
      ...NEWS.members.slice(0, 2),
      { resource: UNKNOWN, executionTier: "tier-2", executionOrder: 2 },
    ];
    expect((await diff({ ...NEWS, members })).changes).toBe(true);
  });
});

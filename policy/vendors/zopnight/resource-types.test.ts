import { asStackResource, UNKNOWN, cloudflare, zopnight } from "../../testing";
import {
  STARTUP_SEQUENCE_TYPE,
  ZOPNIGHT_VENDOR,
  ZOPNIGHT_GROUP_TYPE,
  ZOPNIGHT_MEMBERS_TYPE,
  ZOPNIGHT_MEMBER_TYPE,
  isZopNightGroup,
  isZopNightMember,
  isZopNightMembers,
  readZopNightGroup,
  readZopNightMember,
  readZopNightMembers,
} from "./resource-types";

describe("ZopNight resource types", () => {
  it("match the provider's type tokens exactly", () => {
    expect(ZOPNIGHT_GROUP_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/zopnight:ResourceGroup");
    expect(ZOPNIGHT_MEMBER_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/zopnight:GroupMember");
    expect(STARTUP_SEQUENCE_TYPE).toBe("resourcegroups:zopnight:StartupSequence");
    expect(isZopNightGroup(zopnight.group("g", {}))).toBe(true);
    expect(isZopNightMember(zopnight.member("m", {}))).toBe(true);
    expect(isZopNightGroup(cloudflare.group("g", {}))).toBe(false);
    expect(ZOPNIGHT_MEMBERS_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/zopnight:GroupMembers");
    expect(isZopNightMembers(zopnight.groupMembers("all", {}))).toBe(true);
    expect(isZopNightMembers(zopnight.member("m", {}))).toBe(false);
    expect(isZopNightMember(zopnight.groupMembers("all", {}))).toBe(false);
  });

  it("read a GroupMembers' list with a GroupMember's defaults, keeping positions and unknowns", () => {
    expect(
      readZopNightMembers({
        groupId: "grp_0123456789ab",
        members: [
          { resource: "res_db" },
          { resource: "res_web", executionTier: "tier-2", executionOrder: 3 },
          "junk",
          UNKNOWN,
          { resource: UNKNOWN, executionTier: UNKNOWN, executionOrder: UNKNOWN },
        ],
      }),
    ).toEqual({
      groupId: "grp_0123456789ab",
      members: [
        { index: 0, resource: "res_db", executionTier: "tier-1", executionOrder: 1 },
        { index: 1, resource: "res_web", executionTier: "tier-2", executionOrder: 3 },
        { index: 3, resource: UNKNOWN, executionTier: UNKNOWN, executionOrder: UNKNOWN },
        { index: 4, resource: UNKNOWN, executionTier: UNKNOWN, executionOrder: UNKNOWN },
      ],
    });
    expect(readZopNightMembers({ groupId: UNKNOWN, members: UNKNOWN })).toEqual({
      groupId: UNKNOWN,
      members: UNKNOWN,
    });
    const listed = zopnight.groupMembers("all", { groupId: "grp_0123456789ab", members: [] });
    expect(ZOPNIGHT_VENDOR.groups.targetIdOf(asStackResource(listed))).toBe("grp_0123456789ab");
  });

  it("fill in the provider's defaults for a member's place, and keep unknowns and odd values", () => {
    expect(readZopNightMember({ groupId: UNKNOWN, resource: "i-0abc" })).toEqual({
      groupId: UNKNOWN,
      resource: "i-0abc",
      executionTier: "tier-1",
      executionOrder: 1,
    });
    expect(readZopNightMember({ executionTier: UNKNOWN, executionOrder: UNKNOWN })).toMatchObject({
      executionTier: UNKNOWN,
      executionOrder: UNKNOWN,
    });
    expect(readZopNightMember({ executionTier: 3, executionOrder: "2" })).toMatchObject({
      executionTier: "3",
      executionOrder: undefined,
    });
    expect(readZopNightGroup({ name: "app", groupId: "grp_0123456789ab" })).toEqual({
      name: "app",
      groupId: "grp_0123456789ab",
    });
  });
});

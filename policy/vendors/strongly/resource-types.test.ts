import { asStackResource, UNKNOWN, strongly, zopnight } from "../../testing";
import {
  STRONGLY_VENDOR,
  STRONGLY_GROUP_TYPE,
  STRONGLY_MEMBERS_TYPE,
  STRONGLY_MEMBER_TYPE,
  isStronglyGroup,
  isStronglyMember,
  isStronglyMembers,
  readStronglyGroup,
  readStronglyMember,
  readStronglyMembers,
} from "./resource-types";

describe("Strongly resource types", () => {
  it("match the provider's type tokens exactly", () => {
    expect(STRONGLY_GROUP_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/strongly:ResourceGroup");
    expect(STRONGLY_MEMBER_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/strongly:GroupMember");
    expect(isStronglyGroup(strongly.group("g", {}))).toBe(true);
    expect(isStronglyMember(strongly.member("m", {}))).toBe(true);
    expect(isStronglyMember(zopnight.member("m", {}))).toBe(false);
    expect(STRONGLY_MEMBERS_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/strongly:GroupMembers");
    expect(isStronglyMembers(strongly.groupMembers("all", {}))).toBe(true);
    expect(isStronglyMembers(strongly.member("m", {}))).toBe(false);
    expect(isStronglyMember(strongly.groupMembers("all", {}))).toBe(false);
  });

  it("read groups and members, keeping unknowns", () => {
    expect(readStronglyGroup({ name: "data", description: UNKNOWN })).toEqual({
      name: "data",
      description: UNKNOWN,
      groupId: undefined,
    });
    expect(readStronglyGroup({ name: "data", groupId: "rg_0123456789abcdef" }).groupId).toBe(
      "rg_0123456789abcdef",
    );
    expect(readStronglyMember({ groupId: "rg_1", type: "app", resourceId: 3 })).toEqual({
      groupId: "rg_1",
      type: "app",
      resourceId: undefined,
    });
  });
});

describe("Strongly GroupMembers", () => {
  it("reads each listed member's type and id with its position, keeping unknowns", () => {
    expect(
      readStronglyMembers({
        groupId: "rg_1",
        members: [
          { type: "app", resourceId: "a1", name: "A" },
          UNKNOWN,
          null,
          { type: UNKNOWN, resourceId: 2 },
        ],
      }),
    ).toEqual({
      groupId: "rg_1",
      members: [
        { index: 0, type: "app", resourceId: "a1" },
        { index: 1, type: UNKNOWN, resourceId: UNKNOWN },
        { index: 3, type: UNKNOWN, resourceId: undefined },
      ],
    });
    expect(readStronglyMembers({ groupId: UNKNOWN, members: UNKNOWN })).toEqual({
      groupId: UNKNOWN,
      members: UNKNOWN,
    });
  });

  it("targets its group by groupId, like a GroupMember", () => {
    expect(STRONGLY_VENDOR.groups.isGroup(strongly.group("g", {}))).toBe(true);
    expect(STRONGLY_VENDOR.groups.groupIdOf(readStronglyGroup({ groupId: "rg_1" }))).toBe("rg_1");
    expect(
      STRONGLY_VENDOR.groups.targetIdOf(asStackResource(strongly.groupMembers("l", { groupId: "rg_1" }))),
    ).toBe("rg_1");
    expect(
      STRONGLY_VENDOR.groups.targetIdOf(asStackResource(strongly.member("m", { groupId: "rg_2" }))),
    ).toBe("rg_2");
    expect(
      STRONGLY_VENDOR.groups.targetIdOf(asStackResource(zopnight.member("z", { groupId: "rg_3" }))),
    ).toBeUndefined();
  });
});

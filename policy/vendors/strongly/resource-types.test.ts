import { UNKNOWN, strongly, zopnight } from "../../testing";
import {
  STRONGLY_GROUP_TYPE,
  STRONGLY_MEMBER_TYPE,
  isStronglyGroup,
  isStronglyMember,
  readStronglyGroup,
  readStronglyMember,
} from "./resource-types";

describe("Strongly resource types", () => {
  it("match the provider's type tokens exactly", () => {
    expect(STRONGLY_GROUP_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/strongly:ResourceGroup");
    expect(STRONGLY_MEMBER_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/strongly:GroupMember");
    expect(isStronglyGroup(strongly.group("g", {}))).toBe(true);
    expect(isStronglyMember(strongly.member("m", {}))).toBe(true);
    expect(isStronglyMember(zopnight.member("m", {}))).toBe(false);
  });

  it("read groups and members, keeping unknowns", () => {
    expect(readStronglyGroup({ name: "data", description: UNKNOWN })).toEqual({
      name: "data",
      description: UNKNOWN,
    });
    expect(readStronglyMember({ groupId: "rg_1", type: "app", resourceId: 3 })).toEqual({
      groupId: "rg_1",
      type: "app",
      resourceId: undefined,
    });
  });
});

import { UNKNOWN, group, member, tagRule } from "../../testing";
import {
  DEFAULT_GROUP_TYPE,
  GROUP_MEMBER_TYPE,
  RESOURCE_GROUP_TYPE,
  TAG_RULE_TYPE,
  isGroupMember,
  isGroupType,
  isResourceGroup,
  isTagRule,
  readGroupMember,
  readResourceGroup,
  readTagRule,
} from "./resource-types";

describe("type tokens and guards", () => {
  it("match the provider's dynamic resource types exactly", () => {
    expect(RESOURCE_GROUP_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups:ResourceGroup");
    expect(GROUP_MEMBER_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups:GroupMember");
    expect(TAG_RULE_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups:TagRule");
    expect(isResourceGroup(group("g", {}))).toBe(true);
    expect(isGroupMember(member("m", {}))).toBe(true);
    expect(isTagRule(tagRule("r", {}))).toBe(true);
    expect(isResourceGroup({ type: "pulumi-nodejs:dynamic:Resource" })).toBe(false);
    expect(isTagRule(group("g", {}))).toBe(false);
  });

  it("knows the group types", () => {
    expect(isGroupType("TAG")).toBe(true);
    expect(isGroupType("tag")).toBe(false);
    expect(DEFAULT_GROUP_TYPE).toBe("Manual");
  });
});

describe("readers", () => {
  it("default a group's type and keep tag positions", () => {
    const view = readResourceGroup({
      name: "web",
      tags: [{ key: "env", value: "dev" }, "junk", { key: "owner" }],
    });
    expect(view).toEqual({
      name: "web",
      type: "Manual",
      typeIsDefault: true,
      tags: [
        { index: 0, key: "env", value: "dev" },
        { index: 2, key: "owner", value: undefined },
      ],
      groupId: undefined,
    });
  });

  it("keep unknown and odd values visible", () => {
    expect(readResourceGroup({ name: UNKNOWN, type: "Odd", tags: UNKNOWN, groupId: UNKNOWN })).toMatchObject({
      name: UNKNOWN,
      type: "Odd",
      typeIsDefault: false,
      tags: UNKNOWN,
      groupId: UNKNOWN,
    });
    expect(readResourceGroup({ tags: [UNKNOWN] }).tags).toEqual([{ index: 0, key: UNKNOWN, value: UNKNOWN }]);
    expect(readResourceGroup({ type: 3 }).type).toBe("3");
  });

  it("read members and tag rules", () => {
    expect(readGroupMember({ groupId: UNKNOWN, namespace: "SYS.ECS", dimensions: [] })).toEqual({
      groupId: UNKNOWN,
      namespace: "SYS.ECS",
    });
    expect(readTagRule({ groupId: "rg1", key: "env", value: 5 })).toEqual({
      groupId: "rg1",
      key: "env",
      value: undefined,
    });
  });
});

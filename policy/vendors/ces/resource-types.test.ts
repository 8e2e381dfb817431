import { StackGroups } from "../../core/targets";
import { UNKNOWN, group, groupMembers, member, runStackValidation, tagRule, targeting } from "../../testing";
import {
  CES_VENDOR,
  DEFAULT_GROUP_TYPE,
  GROUP_MEMBERS_TYPE,
  GROUP_MEMBER_TYPE,
  RESOURCE_GROUP_TYPE,
  TAG_RULE_TYPE,
  isGroupMember,
  isGroupMembers,
  isGroupType,
  isResourceGroup,
  isTagRule,
  readGroupMember,
  readGroupMembers,
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
    expect(GROUP_MEMBERS_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups:GroupMembers");
    expect(isGroupMembers(groupMembers("all", {}))).toBe(true);
    expect(isGroupMembers(member("m", {}))).toBe(false);
    expect(isGroupMember(groupMembers("all", {}))).toBe(false);
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

describe("GroupMembers", () => {
  const ecs = (id: string) => ({ namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: id }] });

  it("reads each listed member with its position, leaving out items that are no member", () => {
    expect(readGroupMembers({ groupId: "rg1", members: [ecs("i-1"), "junk", { namespace: 4 }] })).toEqual({
      groupId: "rg1",
      members: [
        { index: 0, namespace: "SYS.ECS" },
        { index: 2, namespace: undefined },
      ],
    });
    expect(readGroupMembers({ groupId: "rg1", members: [] }).members).toEqual([]);
    expect(readGroupMembers({}).members).toBeUndefined();
  });

  it("keeps a list, an item or a field not known yet as UNKNOWN, also behind the engine's proxy", async () => {
    expect(readGroupMembers({ groupId: UNKNOWN, members: UNKNOWN })).toEqual({
      groupId: UNKNOWN,
      members: UNKNOWN,
    });
    const views: unknown[] = [];
    const probe = groupMembers("all", {
      groupId: UNKNOWN,
      members: [UNKNOWN, { namespace: UNKNOWN, dimensions: UNKNOWN }],
    });
    const outcome = await runStackValidation(
      {
        name: "probe",
        description: "reads GroupMembers",
        validateStack: (args) => {
          for (const resource of args.resources) views.push(readGroupMembers(resource.props));
        },
      },
      [probe],
    );
    expect(outcome.skippedInPreview).toBeUndefined();
    expect(views).toEqual([
      {
        groupId: UNKNOWN,
        members: [
          { index: 0, namespace: UNKNOWN },
          { index: 1, namespace: UNKNOWN },
        ],
      },
    ]);
  });

  it("is matched to its group like a GroupMember, by groupId output or by dependency", async () => {
    const groupId = "rg" + "m".repeat(22);
    const deployed = group("ops", { name: "ops", groupId });
    const pending = group("new", { name: "new" });
    const { groupId: unknownId, ...dependsOnPending } = targeting(pending);
    const found: Record<string, string | undefined> = {};
    await runStackValidation(
      {
        name: "probe",
        description: "records targets",
        validateStack: (args) => {
          const stack = new StackGroups(args.resources, CES_VENDOR.groups);
          for (const resource of args.resources.filter(isGroupMembers)) {
            const target = stack.targetOf(resource);
            found[resource.name] = target.kind === "group" ? target.group.resource.name : target.kind;
          }
        },
      },
      [
        deployed,
        pending,
        groupMembers("by-id", { groupId, members: [] }),
        groupMembers("by-dependency", { groupId: unknownId, members: [] }, dependsOnPending),
      ],
    );
    expect(found).toEqual({ "by-id": "ops", "by-dependency": "new" });
  });
});

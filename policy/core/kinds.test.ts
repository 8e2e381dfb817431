import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { asStackResource, cloudflare, member } from "../testing";
import { groupKind, isKind } from "./kinds";
import { asString, readField } from "./known";
import type { Maybe } from "./known";

const readGroupId = (props: object): { groupId: Maybe<string> | undefined } => ({
  groupId: asString(readField(props, "groupId")),
});

describe("isKind", () => {
  it("tells a kind by its type token, not by its class name", () => {
    const isCloudflareMember = isKind("cloudflareGroupMember");
    expect(isCloudflareMember({ type: KINDS.cloudflareGroupMember.token })).toBe(true);
    expect(isCloudflareMember({ type: KINDS.groupMember.token })).toBe(false);
  });
});

describe("groupKind", () => {
  const kind = groupKind("cloudflareResourceGroup", readGroupId, {
    cloudflareGroupMember: readGroupId,
  });

  it("reads the target of each kind it is given, and of no other", () => {
    expect(kind.targetIdOf(asStackResource(cloudflare.member("m", { groupId: "g1" })))).toBe("g1");
    expect(
      kind.targetIdOf(asStackResource(cloudflare.groupMembers("ms", { groupId: "g1" }))),
    ).toBeUndefined();
    expect(kind.targetIdOf(asStackResource(member("ces", { groupId: "g1" })))).toBeUndefined();
  });

  it("knows its groups and their groupId output", () => {
    const group = cloudflare.group("edge", { groupId: "g1" });
    expect(kind.isGroup(group)).toBe(true);
    expect(kind.groupIdOf(kind.readGroup(group.props))).toBe("g1");
  });
});

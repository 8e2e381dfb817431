import { KINDS } from "pulumi-resource-groups-contracts/kinds";
import { cloudflare, member } from "../testing";
import { asString, readField } from "./known";
import type { Maybe } from "./known";
import { policyVendor } from "./vendor";

const readGroupId = (props: object): { groupId: Maybe<string> | undefined } => ({
  groupId: asString(readField(props, "groupId")),
});
const nameRule = { safeParse: () => ({ success: true as const }) };

describe("policyVendor", () => {
  const vendor = policyVendor("cloudflare", {
    labelPrefix: "Cloudflare ",
    nameRule,
    readGroup: readGroupId,
    targeting: { cloudflareGroupMember: readGroupId },
  });

  it("names each kind by its class name after the vendor's label", () => {
    expect(vendor.labels).toEqual({
      group: "Cloudflare ResourceGroup",
      member: "Cloudflare GroupMember",
      members: "Cloudflare GroupMembers",
    });
    expect(vendor.label).toBe("Cloudflare ResourceGroup");
    const ces = policyVendor("ces", { labelPrefix: "", nameRule, readGroup: readGroupId, targeting: {} });
    expect(ces.labels.members).toBe("GroupMembers");
  });

  it("knows its group's type token and tells its member kinds apart", () => {
    expect(vendor.type).toBe(KINDS.cloudflareResourceGroup.token);
    expect(vendor.isMember(cloudflare.member("m", {}))).toBe(true);
    expect(vendor.isMembers(cloudflare.groupMembers("ms", {}))).toBe(true);
    expect(vendor.isMember(member("ces", {}))).toBe(false);
  });

  it("looks targets up through the kinds it is given", () => {
    expect(vendor.groups.isGroup(cloudflare.group("edge", {}))).toBe(true);
    const { type, name, urn, props } = cloudflare.member("m", { groupId: "g1" });
    expect(vendor.groups.targetIdOf({ type, name, urn, props, propertyDependencies: {} })).toBe("g1");
  });
});

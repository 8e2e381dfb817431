import { asStackResource, UNKNOWN, cloudflare, group } from "../../testing";
import {
  CLOUDFLARE_VENDOR,
  CLOUDFLARE_GROUP_TYPE,
  CLOUDFLARE_MEMBERS_TYPE,
  CLOUDFLARE_MEMBER_TYPE,
  isCloudflareGroup,
  isCloudflareMember,
  isCloudflareMembers,
  readCloudflareGroup,
  readCloudflareMember,
  readCloudflareMembers,
} from "./resource-types";

describe("Cloudflare resource types", () => {
  it("match the provider's type tokens exactly", () => {
    expect(CLOUDFLARE_GROUP_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/cloudflare:ResourceGroup");
    expect(CLOUDFLARE_MEMBER_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/cloudflare:GroupMember");
    expect(isCloudflareGroup(cloudflare.group("g", {}))).toBe(true);
    expect(isCloudflareGroup(group("g", {}))).toBe(false);
    expect(isCloudflareMember(cloudflare.member("m", {}))).toBe(true);
    expect(CLOUDFLARE_MEMBERS_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/cloudflare:GroupMembers");
    expect(isCloudflareMembers(cloudflare.groupMembers("all", {}))).toBe(true);
    expect(isCloudflareMembers(cloudflare.member("m", {}))).toBe(false);
    expect(isCloudflareMember(cloudflare.groupMembers("all", {}))).toBe(false);
  });

  it("read a GroupMembers' zones, keeping unknowns, and its groupId for the target lookup", () => {
    const zone = "a".repeat(32);
    expect(readCloudflareMembers({ groupId: "g1", zoneIds: [zone, UNKNOWN, 5] })).toEqual({
      groupId: "g1",
      zoneIds: [zone, UNKNOWN, undefined],
    });
    expect(readCloudflareMembers({ groupId: UNKNOWN, zoneIds: UNKNOWN })).toEqual({
      groupId: UNKNOWN,
      zoneIds: UNKNOWN,
    });
    expect(readCloudflareMembers({}).zoneIds).toBeUndefined();
    const listed = cloudflare.groupMembers("all", { groupId: "g1", zoneIds: [zone] });
    expect(CLOUDFLARE_VENDOR.groups.targetIdOf(asStackResource(listed))).toBe("g1");
  });

  it("read the provider's defaults for absent flags, and keep unknowns", () => {
    expect(readCloudflareGroup({ name: "edge" })).toEqual({
      name: "edge",
      wholeAccount: false,
      exclusive: false,
      groupId: undefined,
    });
    expect(readCloudflareGroup({ name: UNKNOWN, wholeAccount: UNKNOWN, exclusive: true })).toMatchObject({
      name: UNKNOWN,
      wholeAccount: UNKNOWN,
      exclusive: true,
    });
    expect(readCloudflareMember({ groupId: UNKNOWN, zoneId: 7 })).toEqual({
      groupId: UNKNOWN,
      zoneId: undefined,
    });
  });
});

import { UNKNOWN, cloudflare, group } from "../../testing";
import {
  CLOUDFLARE_GROUP_TYPE,
  CLOUDFLARE_MEMBER_TYPE,
  isCloudflareGroup,
  isCloudflareMember,
  readCloudflareGroup,
  readCloudflareMember,
} from "./resource-types";

describe("Cloudflare resource types", () => {
  it("match the provider's type tokens exactly", () => {
    expect(CLOUDFLARE_GROUP_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/cloudflare:ResourceGroup");
    expect(CLOUDFLARE_MEMBER_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/cloudflare:GroupMember");
    expect(isCloudflareGroup(cloudflare.group("g", {}))).toBe(true);
    expect(isCloudflareGroup(group("g", {}))).toBe(false);
    expect(isCloudflareMember(cloudflare.member("m", {}))).toBe(true);
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

import { UNKNOWN, cloudflare, zopnight } from "../../testing";
import {
  STARTUP_SEQUENCE_TYPE,
  ZOPNIGHT_GROUP_TYPE,
  ZOPNIGHT_MEMBER_TYPE,
  isZopNightGroup,
  isZopNightMember,
  readZopNightGroup,
  readZopNightMember,
} from "./resource-types";

describe("ZopNight resource types", () => {
  it("match the provider's type tokens exactly", () => {
    expect(ZOPNIGHT_GROUP_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/zopnight:ResourceGroup");
    expect(ZOPNIGHT_MEMBER_TYPE).toBe("pulumi-nodejs:dynamic/resourcegroups/zopnight:GroupMember");
    expect(STARTUP_SEQUENCE_TYPE).toBe("resourcegroups:zopnight:StartupSequence");
    expect(isZopNightGroup(zopnight.group("g", {}))).toBe(true);
    expect(isZopNightMember(zopnight.member("m", {}))).toBe(true);
    expect(isZopNightGroup(cloudflare.group("g", {}))).toBe(false);
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

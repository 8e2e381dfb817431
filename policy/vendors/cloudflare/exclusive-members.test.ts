import { UNKNOWN, cloudflare, group, member, runStackValidation, targeting } from "../../testing";
import type { TestResource } from "../../testing";
import { cloudflareExclusiveMembers } from "./exclusive-members";

const ZONE = "b".repeat(32);
const GROUP_ID = "c".repeat(32);

/** A Cloudflare GroupMember whose groupId comes from `target`, as `target.groupId` would in a program. */
function memberOf(name: string, target: TestResource): TestResource {
  const { groupId, ...options } = targeting(target);
  return cloudflare.member(name, { groupId, zoneId: ZONE }, options);
}

/** A Cloudflare GroupMembers whose groupId comes from `target`. */
function zonesOf(name: string, target: TestResource, zoneIds: unknown = [ZONE]): TestResource {
  const { groupId, ...options } = targeting(target);
  return cloudflare.groupMembers(name, { groupId, zoneIds }, options);
}

describe("resource-groups-cloudflare-exclusive-members", () => {
  it("is a mandatory stack policy", () => {
    expect(cloudflareExclusiveMembers.name).toBe("resource-groups-cloudflare-exclusive-members");
    expect(cloudflareExclusiveMembers.enforcementLevel).toBe("mandatory");
  });

  it("reports a member of an exclusive group and of a whole-account group, during preview", async () => {
    const exclusive = cloudflare.group("edge", { name: "edge", zones: [ZONE], exclusive: true });
    const everything = cloudflare.group("all", { name: "all", wholeAccount: true });
    const extra = memberOf("edge-extra", exclusive);
    const more = memberOf("all-extra", everything);
    const outcome = await runStackValidation(cloudflareExclusiveMembers, [
      exclusive,
      everything,
      extra,
      more,
    ]);
    expect(outcome.violations).toEqual([
      {
        message:
          "Cloudflare GroupMember 'edge-extra' field groupId targets Cloudflare ResourceGroup 'edge', which is " +
          "exclusive: its 'zones' are its whole scope, so the zone belongs in its 'zones'.",
        urn: extra.urn,
      },
      {
        message:
          "Cloudflare GroupMember 'all-extra' field groupId targets Cloudflare ResourceGroup 'all', which is " +
          "wholeAccount: its scope is the whole account ('*'), which cannot stand beside single zones.",
        urn: more.urn,
      },
    ]);
  });

  it("passes members of open groups (exclusive and wholeAccount false or not set)", async () => {
    const open = cloudflare.group("open", { name: "open", zones: [ZONE] });
    const explicit = cloudflare.group("explicit", { name: "explicit", zones: [ZONE], exclusive: false });
    const outcome = await runStackValidation(cloudflareExclusiveMembers, [
      open,
      explicit,
      memberOf("m1", open),
      memberOf("m2", explicit),
    ]);
    expect(outcome.violations).toEqual([]);
  });

  it("matches a known groupId against the groups' outputs (after the group exists)", async () => {
    const exclusive = cloudflare.group("edge", { name: "edge", exclusive: true, groupId: GROUP_ID });
    const literal = cloudflare.member("literal", { groupId: GROUP_ID, zoneId: ZONE });
    const outcome = await runStackValidation(cloudflareExclusiveMembers, [exclusive, literal]);
    expect(outcome.violations.map((violation) => violation.urn)).toEqual([literal.urn]);
  });

  it("leaves groups outside the stack, unknown flags and mixed candidates to the provider", async () => {
    const pending = cloudflare.group("pending", { name: "pending", exclusive: UNKNOWN });
    const exclusive = cloudflare.group("edge", { name: "edge", exclusive: true });
    const open = cloudflare.group("open", { name: "open" });
    const outcome = await runStackValidation(cloudflareExclusiveMembers, [
      pending,
      exclusive,
      open,
      memberOf("of-pending", pending),
      cloudflare.member("elsewhere", { groupId: "d".repeat(32), zoneId: ZONE }),
      cloudflare.member(
        "either",
        { groupId: UNKNOWN, zoneId: ZONE },
        { dependsOn: { groupId: [exclusive, open] } },
      ),
    ]);
    expect(outcome).toEqual({ violations: [], messages: [] });
  });

  it("reports a member computed from several groups when none of them takes members", async () => {
    const exclusive = cloudflare.group("edge", { name: "edge", exclusive: true });
    const everything = cloudflare.group("all", { name: "all", wholeAccount: true });
    const both = cloudflare.member(
      "both",
      { groupId: UNKNOWN, zoneId: ZONE },
      { dependsOn: { groupId: [exclusive, everything] } },
    );
    const outcome = await runStackValidation(cloudflareExclusiveMembers, [exclusive, everything, both]);
    expect(outcome.messages).toEqual([
      "Cloudflare GroupMember 'both' field groupId is computed from Cloudflare ResourceGroups 'edge', 'all', each exclusive or wholeAccount: none takes GroupMembers.",
    ]);
  });

  it("ignores other vendors: a CES member of an exclusive-looking group is not its business", async () => {
    const ces = group("ces", { name: "ces", exclusive: true });
    const { groupId, ...options } = targeting(ces);
    const outcome = await runStackValidation(cloudflareExclusiveMembers, [
      ces,
      member("m", { groupId, namespace: "SYS.ECS", dimensions: [] }, options),
    ]);
    expect(outcome.notApplicable).toBe("no Cloudflare GroupMember or GroupMembers resources in the stack");
  });

  describe("GroupMembers", () => {
    it("reports a GroupMembers of an exclusive or whole-account group, during preview", async () => {
      const exclusive = cloudflare.group("edge", { name: "edge", zones: [ZONE], exclusive: true });
      const everything = cloudflare.group("all", { name: "all", wholeAccount: true });
      const ofExclusive = zonesOf("edge-all", exclusive);
      const ofEverything = zonesOf("all-list", everything, UNKNOWN);
      const outcome = await runStackValidation(cloudflareExclusiveMembers, [
        exclusive,
        everything,
        ofExclusive,
        ofEverything,
      ]);
      expect(outcome.violations).toEqual([
        {
          message:
            "Cloudflare GroupMembers 'edge-all' field groupId targets Cloudflare ResourceGroup 'edge', which is " +
            "exclusive: its 'zones' are its whole scope, so its zones belong in its 'zones'.",
          urn: ofExclusive.urn,
        },
        {
          message:
            "Cloudflare GroupMembers 'all-list' field groupId targets Cloudflare ResourceGroup 'all', which is " +
            "wholeAccount: its scope is the whole account ('*'), which cannot stand beside single zones.",
          urn: ofEverything.urn,
        },
      ]);
    });

    it("reports it by a known groupId, and when every candidate group refuses it", async () => {
      const deployed = cloudflare.group("edge", { name: "edge", exclusive: true, groupId: GROUP_ID });
      const everything = cloudflare.group("all", { name: "all", wholeAccount: true });
      const literal = cloudflare.groupMembers("literal", { groupId: GROUP_ID, zoneIds: [ZONE] });
      const both = cloudflare.groupMembers(
        "both",
        { groupId: UNKNOWN, zoneIds: [ZONE] },
        { dependsOn: { groupId: [deployed, everything] } },
      );
      const outcome = await runStackValidation(cloudflareExclusiveMembers, [
        deployed,
        everything,
        literal,
        both,
      ]);
      expect(outcome.violations.map((violation) => violation.urn)).toEqual([literal.urn, both.urn]);
      expect(outcome.messages[1]).toBe(
        "Cloudflare GroupMembers 'both' field groupId is computed from Cloudflare ResourceGroups 'edge', 'all', " +
          "each exclusive or wholeAccount: none can have its zones declared by a GroupMembers.",
      );
    });

    it("passes a GroupMembers of an open group, and leaves unknown flags and other groups to the provider", async () => {
      const open = cloudflare.group("open", { name: "open", zones: [ZONE] });
      const pending = cloudflare.group("pending", {
        name: "pending",
        exclusive: UNKNOWN,
        wholeAccount: UNKNOWN,
      });
      const exclusive = cloudflare.group("edge", { name: "edge", exclusive: true });
      const outcome = await runStackValidation(cloudflareExclusiveMembers, [
        open,
        pending,
        exclusive,
        zonesOf("open-all", open),
        zonesOf("pending-all", pending),
        cloudflare.groupMembers("elsewhere", { groupId: "d".repeat(32), zoneIds: [ZONE] }),
        cloudflare.groupMembers("unknown", { groupId: UNKNOWN, zoneIds: UNKNOWN }),
        cloudflare.groupMembers(
          "either",
          { groupId: UNKNOWN, zoneIds: [ZONE] },
          { dependsOn: { groupId: [exclusive, open] } },
        ),
      ]);
      expect(outcome).toEqual({ violations: [], messages: [] });
    });
  });
});

import {
  UNKNOWN,
  cloudflare,
  group,
  groupMembers,
  member,
  otherVendorsStack,
  runStackValidation,
  tagRule,
  targeting,
} from "../../testing";
import { memberTargets } from "./member-targets";
import { memberTargetsUnverified, parseMemberTargetsUnverifiedConfig } from "./member-targets-unverified";

const dims = { namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-1" }] };
const EXTERNAL = "rg" + "e".repeat(22);

const manual = group("ops", { name: "ops", type: "Manual" });
const tagged = group("web", { name: "web", type: "TAG", tags: [{ key: "env", value: "prod" }] });
const eps = group("proj", { name: "proj", type: "EPS", associationEpIds: ["0"] });
const untyped = group("plain", { name: "plain" });

function memberOf(name: string, target: Parameters<typeof targeting>[0]) {
  const { groupId, ...options } = targeting(target);
  return member(name, { groupId, ...dims }, options);
}

function listOf(name: string, target: Parameters<typeof targeting>[0]) {
  const { groupId, ...options } = targeting(target);
  return groupMembers(name, { groupId, members: [dims] }, options);
}

function ruleOf(name: string, target: Parameters<typeof targeting>[0]) {
  const { groupId, ...options } = targeting(target);
  return tagRule(name, { groupId, key: "owner", value: "ops" }, options);
}

describe("resource-groups-member-targets", () => {
  it("is a mandatory stack policy", () => {
    expect(memberTargets.name).toBe("resource-groups-member-targets");
    expect(memberTargets.enforcementLevel).toBe("mandatory");
  });

  it("passes members of Manual groups (also without type) and TagRules of TAG groups", async () => {
    const outcome = await runStackValidation(memberTargets, [
      manual,
      tagged,
      untyped,
      memberOf("ops-1", manual),
      memberOf("plain-1", untyped),
      ruleOf("web-owner", tagged),
    ]);
    expect(outcome.violations).toEqual([]);
  });

  it("reports members of TAG or EPS groups and TagRules of Manual groups", async () => {
    const wrongMember = memberOf("web-1", tagged);
    const epsMember = memberOf("proj-1", eps);
    const wrongRule = ruleOf("ops-owner", manual);
    const outcome = await runStackValidation(memberTargets, [
      manual,
      tagged,
      eps,
      wrongMember,
      epsMember,
      wrongRule,
    ]);
    expect(outcome.violations).toEqual([
      {
        message:
          "GroupMember 'web-1' field groupId targets ResourceGroup 'web', a 'TAG' group: members can only be added to Manual groups (TAG groups pick their members by tag, EPS groups by enterprise project).",
        urn: wrongMember.urn,
      },
      {
        message: expect.stringMatching(
          /^GroupMember 'proj-1' field groupId targets ResourceGroup 'proj', a 'EPS' group: /,
        ) as string,
        urn: epsMember.urn,
      },
      {
        message:
          "TagRule 'ops-owner' field groupId targets ResourceGroup 'ops', a 'Manual' group: tag rules only apply to TAG groups.",
        urn: wrongRule.urn,
      },
    ]);
  });

  it("finds the target by its known groupId after deployment", async () => {
    const groupId = "rg" + "t".repeat(22);
    const deployed = group("web", { name: "web", type: "TAG", groupId, createTime: 1 });
    const outcome = await runStackValidation(memberTargets, [
      deployed,
      member("web-1", { groupId, ...dims }),
    ]);
    expect(outcome.messages).toEqual([
      expect.stringContaining("GroupMember 'web-1' field groupId targets ResourceGroup 'web'"),
    ]);
  });

  it("does not block on targets it cannot verify (the advisory companion reports them)", async () => {
    const outcome = await runStackValidation(memberTargets, [
      member("external-1", { groupId: EXTERNAL, ...dims }),
      member("pending-1", { groupId: UNKNOWN, ...dims }),
    ]);
    expect(outcome).toEqual({ violations: [], messages: [] });
  });

  it("decides ambiguous targets when all candidates agree", async () => {
    const both = { dependsOn: { groupId: [tagged, eps] } };
    const outcome = await runStackValidation(memberTargets, [
      tagged,
      eps,
      member("either", { groupId: UNKNOWN, ...dims }, both),
    ]);
    expect(outcome.messages).toEqual([
      "GroupMember 'either' field groupId is computed from ResourceGroup 'web', ResourceGroup 'proj', none of them a Manual group: members can only be added to Manual groups (TAG groups pick their members by tag, EPS groups by enterprise project).",
    ]);
  });

  it("is not applicable to stacks without members or rules", async () => {
    const outcome = await runStackValidation(memberTargets, [manual]);
    expect(outcome.notApplicable).toBe("no GroupMember, GroupMembers or TagRule resources in the stack");
  });
});

describe("resource-groups-member-targets for GroupMembers", () => {
  it("passes a GroupMembers of a Manual group, also without type, and an empty list", async () => {
    const { groupId, ...options } = targeting(untyped);
    const outcome = await runStackValidation(memberTargets, [
      manual,
      untyped,
      listOf("ops-all", manual),
      groupMembers("plain-none", { groupId, members: [] }, options),
    ]);
    expect(outcome).toEqual({ violations: [], messages: [] });
  });

  it("reports a GroupMembers of a TAG or EPS group, during preview and by known groupId", async () => {
    const ofTag = listOf("web-all", tagged);
    const groupId = "rg" + "p".repeat(22);
    const deployedEps = group("proj2", { name: "proj2", type: "EPS", groupId });
    const ofEps = groupMembers("proj-all", { groupId, members: [dims] });
    const outcome = await runStackValidation(memberTargets, [tagged, deployedEps, ofTag, ofEps]);
    expect(outcome.violations).toEqual([
      {
        message:
          "GroupMembers 'web-all' field groupId targets ResourceGroup 'web', a 'TAG' group: members can only be added to Manual groups (TAG groups pick their members by tag, EPS groups by enterprise project).",
        urn: ofTag.urn,
      },
      {
        message: expect.stringMatching(
          /^GroupMembers 'proj-all' field groupId targets ResourceGroup 'proj2', a 'EPS' group: /,
        ) as string,
        urn: ofEps.urn,
      },
    ]);
  });

  it("applies to a stack whose only member resource is a GroupMembers", async () => {
    const outcome = await runStackValidation(memberTargets, [tagged, listOf("web-all", tagged)]);
    expect(outcome.notApplicable).toBeUndefined();
    expect(outcome.violations).toHaveLength(1);
  });

  it("leaves unknown targets and types to the advisory companion, which names the GroupMembers", async () => {
    const mystery = group("mystery", { name: "mystery", type: UNKNOWN });
    const resources = [
      mystery,
      listOf("of-mystery", mystery),
      groupMembers("pending", { groupId: UNKNOWN, members: UNKNOWN }),
      groupMembers("external", { groupId: EXTERNAL, members: [dims] }),
    ];
    const mandatory = await runStackValidation(memberTargets, resources);
    expect(mandatory).toEqual({ violations: [], messages: [] });
    const advisory = await runStackValidation(memberTargetsUnverified, resources);
    expect(advisory.skippedInPreview).toBeUndefined();
    expect(advisory.messages).toEqual([
      "GroupMembers 'of-mystery' field groupId targets ResourceGroup 'mystery', whose type is not known yet: could not verify that it is a Manual group.",
      "GroupMembers 'pending' field groupId is not known yet and does not come from a ResourceGroup of this stack: could not verify that it is a Manual group.",
      `GroupMembers 'external' field groupId targets group '${EXTERNAL}', which is not managed by this stack: could not verify that it is a Manual group.`,
    ]);
  });

  it("ignores the GroupMembers of other vendors", async () => {
    const edge = cloudflare.group("edge", { name: "edge", type: "TAG" });
    const { groupId, ...options } = targeting(edge);
    const outcome = await runStackValidation(memberTargetsUnverified, [
      edge,
      cloudflare.groupMembers("edge-all", { groupId, zoneIds: ["a".repeat(32)] }, options),
    ]);
    expect(outcome).toMatchObject({
      violations: [],
      notApplicable: "no GroupMember, GroupMembers or TagRule resources in the stack",
    });
  });
});

describe("resource-groups-member-targets-unverified", () => {
  it("is an advisory stack policy", () => {
    expect(memberTargetsUnverified.name).toBe("resource-groups-member-targets-unverified");
    expect(memberTargetsUnverified.enforcementLevel).toBe("advisory");
    expect(parseMemberTargetsUnverifiedConfig({})).toEqual({ trustedGroupIds: [] });
  });

  it("reports targets outside the stack or unknown, saying they could not be verified", async () => {
    const external = member("external-1", { groupId: EXTERNAL, ...dims });
    const pending = tagRule("pending-rule", { groupId: UNKNOWN, key: "env", value: "prod" });
    const unset = member("unset", { ...dims });
    const outcome = await runStackValidation(memberTargetsUnverified, [manual, external, pending, unset]);
    expect(outcome.violations).toEqual([
      {
        message: `GroupMember 'external-1' field groupId targets group '${EXTERNAL}', which is not managed by this stack: could not verify that it is a Manual group.`,
        urn: external.urn,
      },
      {
        message:
          "TagRule 'pending-rule' field groupId is not known yet and does not come from a ResourceGroup of this stack: could not verify that it is a TAG group.",
        urn: pending.urn,
      },
      {
        message: "GroupMember 'unset' field groupId is not set: could not verify that it is a Manual group.",
        urn: unset.urn,
      },
    ]);
  });

  it("reports targets whose type is unknown or ambiguous, not the wrong ones (those are mandatory)", async () => {
    const mystery = group("mystery", { name: "mystery", type: UNKNOWN });
    const outcome = await runStackValidation(memberTargetsUnverified, [
      mystery,
      manual,
      tagged,
      memberOf("m1", mystery),
      member("m2", { groupId: UNKNOWN, ...dims }, { dependsOn: { groupId: [manual, tagged] } }),
      memberOf("m3", tagged),
    ]);
    expect(outcome.messages).toEqual([
      "GroupMember 'm1' field groupId targets ResourceGroup 'mystery', whose type is not known yet: could not verify that it is a Manual group.",
      "GroupMember 'm2' field groupId is computed from several groups (ResourceGroup 'ops', ResourceGroup 'web'): could not verify that it is a Manual group.",
    ]);
  });

  it("skips the trusted groupIds of its config", async () => {
    const outcome = await runStackValidation(
      memberTargetsUnverified,
      [member("external-1", { groupId: EXTERNAL, ...dims })],
      { trustedGroupIds: [EXTERNAL] },
    );
    expect(outcome.violations).toEqual([]);
  });

  it("ignores the members of other vendors, also those of CES-looking groups", async () => {
    for (const policy of [memberTargets, memberTargetsUnverified]) {
      const outcome = await runStackValidation(policy, otherVendorsStack());
      expect(outcome).toMatchObject({
        violations: [],
        notApplicable: "no GroupMember, GroupMembers or TagRule resources in the stack",
      });
    }
    // A CES member beside them is still checked, and only it is reported.
    const tagGroup = group("tagged", { name: "tagged", type: "TAG" });
    const { groupId, ...options } = targeting(tagGroup);
    const stray = member("stray", { groupId, namespace: "SYS.ECS", dimensions: [] }, options);
    const outcome = await runStackValidation(memberTargets, [...otherVendorsStack(), tagGroup, stray]);
    expect(outcome.violations.map((violation) => violation.urn)).toEqual([stray.urn]);
  });
});

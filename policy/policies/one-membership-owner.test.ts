import {
  UNKNOWN,
  cloudflare,
  group,
  groupMembers,
  member,
  runStackValidation,
  strongly,
  targeting,
  zopnight,
} from "../testing";
import type { TestResource } from "../testing";
import { oneMembershipOwner } from "./one-membership-owner";

const ecs = { namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-1" }] };
const ZONE = "b".repeat(32);

/** `build(name, {groupId, ...props}, options)` with the groupId computed from `target`, as in a program. */
function of(
  build: (name: string, props: Record<string, unknown>, options?: object) => TestResource,
  name: string,
  target: TestResource,
  props: Record<string, unknown>,
): TestResource {
  const { groupId, ...options } = targeting(target);
  return build(name, { groupId, ...props }, options);
}

const WHY =
  "a GroupMembers declares the whole membership of its group, so each would remove the other's members. " +
  "Declare them all in one GroupMembers, or use GroupMember resources only.";

describe("resource-groups-one-membership-owner", () => {
  it("is a mandatory stack policy without config", () => {
    expect(oneMembershipOwner.name).toBe("resource-groups-one-membership-owner");
    expect(oneMembershipOwner.enforcementLevel).toBe("mandatory");
    expect(oneMembershipOwner.configSchema).toEqual({ properties: {} });
  });

  it("reports a CES GroupMembers and a GroupMember of the same group, each naming the other, during preview", async () => {
    const ops = group("ops", { name: "ops" });
    const list = of(groupMembers, "ops-all", ops, { members: [ecs] });
    const single = of(member, "ops-1", ops, ecs);
    const outcome = await runStackValidation(oneMembershipOwner, [ops, list, single]);
    expect(outcome.skippedInPreview).toBeUndefined();
    expect(outcome.violations).toEqual([
      {
        message: `GroupMembers 'ops-all' field groupId targets ResourceGroup 'ops', whose members are also declared by GroupMember 'ops-1': ${WHY}`,
        urn: list.urn,
      },
      {
        message: `GroupMember 'ops-1' field groupId targets ResourceGroup 'ops', whose members are also declared by GroupMembers 'ops-all': ${WHY}`,
        urn: single.urn,
      },
    ]);
  });

  it("reports two GroupMembers of one Cloudflare group, and names every other resource", async () => {
    const edge = cloudflare.group("edge", { name: "edge", zones: [ZONE] });
    const first = of(cloudflare.groupMembers, "edge-a", edge, { zoneIds: [ZONE] });
    const second = of(cloudflare.groupMembers, "edge-b", edge, { zoneIds: UNKNOWN });
    const extra = of(cloudflare.member, "edge-extra", edge, { zoneId: "c".repeat(32) });
    const outcome = await runStackValidation(oneMembershipOwner, [edge, first, second, extra]);
    expect(outcome.violations.map((violation) => violation.urn)).toEqual([first.urn, second.urn, extra.urn]);
    expect(outcome.messages[0]).toBe(
      "Cloudflare GroupMembers 'edge-a' field groupId targets Cloudflare ResourceGroup 'edge', whose members are " +
        `also declared by Cloudflare GroupMembers 'edge-b', Cloudflare GroupMember 'edge-extra': ${WHY}`,
    );
  });

  it("covers Strongly and ZopNight, members of a StartupSequence included", async () => {
    const data = strongly.group("data", { name: "data" });
    const dataList = of(strongly.groupMembers, "data-all", data, { members: [] });
    const dataOne = of(strongly.member, "churn", data, { type: "app", resourceId: "c1", name: "c1" });
    const sequence = zopnight.startupSequence("nightly");
    const nightly = zopnight.group("nightly", { name: "nightly" }, { parent: sequence });
    const { groupId, ...options } = targeting(nightly);
    const fromSequence = zopnight.member(
      "db",
      { groupId, resource: "res_db" },
      { ...options, parent: sequence },
    );
    const nightlyList = of(zopnight.groupMembers, "nightly-all", nightly, {
      members: [{ resource: "res_web" }],
    });
    const outcome = await runStackValidation(oneMembershipOwner, [
      data,
      dataList,
      dataOne,
      sequence,
      nightly,
      fromSequence,
      nightlyList,
    ]);
    expect(outcome.messages).toEqual([
      `Strongly GroupMembers 'data-all' field groupId targets Strongly ResourceGroup 'data', whose members are also declared by Strongly GroupMember 'churn': ${WHY}`,
      `Strongly GroupMember 'churn' field groupId targets Strongly ResourceGroup 'data', whose members are also declared by Strongly GroupMembers 'data-all': ${WHY}`,
      `ZopNight GroupMember 'db' field groupId targets ZopNight ResourceGroup 'nightly', whose members are also declared by ZopNight GroupMembers 'nightly-all': ${WHY}`,
      `ZopNight GroupMembers 'nightly-all' field groupId targets ZopNight ResourceGroup 'nightly', whose members are also declared by ZopNight GroupMember 'db': ${WHY}`,
    ]);
  });

  it("passes one GroupMembers per group, and groups with GroupMember resources only", async () => {
    const ops = group("ops", { name: "ops" });
    const web = group("web", { name: "web" });
    const app = zopnight.group("app", { name: "app" });
    const outcome = await runStackValidation(oneMembershipOwner, [
      ops,
      web,
      app,
      of(groupMembers, "ops-all", ops, { members: [ecs] }),
      of(member, "web-1", web, ecs),
      of(member, "web-2", web, { ...ecs, dimensions: [{ name: "instance_id", value: "i-2" }] }),
      of(zopnight.groupMembers, "app-all", app, { members: UNKNOWN }),
    ]);
    expect(outcome).toEqual({ violations: [], messages: [] });
  });

  it("matches a known groupId with a dependency on the group once both are known (after the group exists)", async () => {
    const groupId = "rg" + "k".repeat(22);
    const ops = group("ops", { name: "ops", groupId });
    const literal = member("literal", { groupId, ...ecs });
    const list = of(groupMembers, "ops-all", ops, { members: [] });
    const outcome = await runStackValidation(oneMembershipOwner, [ops, literal, list]);
    expect(outcome.violations.map((violation) => violation.urn)).toEqual([literal.urn, list.urn]);
  });

  it("never counts a resource whose group cannot be told yet, or that could be one of several", async () => {
    const ops = group("ops", { name: "ops" });
    const web = group("web", { name: "web" });
    const outcome = await runStackValidation(oneMembershipOwner, [
      ops,
      web,
      of(groupMembers, "ops-all", ops, { members: [ecs] }),
      member("pending", { groupId: UNKNOWN, ...ecs }),
      member("either", { groupId: UNKNOWN, ...ecs }, { dependsOn: { groupId: [ops, web] } }),
      groupMembers("pending-all", { groupId: UNKNOWN, members: UNKNOWN }),
    ]);
    expect(outcome).toEqual({ violations: [], messages: [] });
  });

  it("reports resources sharing the known groupId of a group managed elsewhere", async () => {
    const shared = "rg" + "s".repeat(22);
    const list = groupMembers("shared-all", { groupId: shared, members: [ecs] });
    const single = member("shared-1", { groupId: shared, ...ecs });
    const outcome = await runStackValidation(oneMembershipOwner, [
      list,
      single,
      member("other-1", { groupId: "rg" + "o".repeat(22), ...ecs }),
    ]);
    expect(outcome.violations.map((violation) => violation.urn)).toEqual([list.urn, single.urn]);
    expect(outcome.messages[0]).toContain(
      `targets group '${shared}' (not managed by this stack), whose members are also declared by GroupMember 'shared-1'`,
    );
  });

  it("keeps vendors apart: another vendor's group is never the same group", async () => {
    const id = "c".repeat(32);
    const edge = cloudflare.group("edge", { name: "edge", zones: [ZONE] });
    const outcome = await runStackValidation(oneMembershipOwner, [
      edge,
      of(cloudflare.groupMembers, "edge-all", edge, { zoneIds: [ZONE] }),
      // A CES member computed from the Cloudflare group is not a member of it.
      member("odd", { groupId: UNKNOWN, ...ecs }, { dependsOn: { groupId: [edge] } }),
      groupMembers("ces-all", { groupId: id, members: [] }),
      cloudflare.member("cf-1", { groupId: id, zoneId: ZONE }),
    ]);
    expect(outcome).toEqual({ violations: [], messages: [] });
  });

  it("is not applicable to stacks without a GroupMembers", async () => {
    const ops = group("ops", { name: "ops" });
    const outcome = await runStackValidation(oneMembershipOwner, [
      ops,
      of(member, "ops-1", ops, ecs),
      of(member, "ops-2", ops, ecs),
    ]);
    expect(outcome).toMatchObject({
      violations: [],
      notApplicable: "no GroupMembers resources in the stack",
    });
  });
});

import { UNKNOWN, otherVendorsStack, runStackValidation, strongly, targeting, zopnight } from "../../testing";
import type { TestResource, TestResourceOptions } from "../../testing";
import { parseTierOrderConfig, zopnightTierOrder } from "./tier-order";

/** A member of `group` at `place`, its groupId computed from the group as in a program. */
function at(
  name: string,
  group: TestResource,
  place: { executionTier?: unknown; executionOrder?: unknown },
  options: TestResourceOptions = {},
): TestResource {
  const { groupId, ...dependsOn } = targeting(group);
  return zopnight.member(name, { groupId, resource: `res_${name}`, ...place }, { ...dependsOn, ...options });
}

const app = zopnight.group("app", { name: "app-stack" });

/** A GroupMembers of `group` listing `members`, its groupId computed from the group as in a program. */
function listing(name: string, group: TestResource, members: unknown): TestResource {
  const { groupId, ...dependsOn } = targeting(group);
  return zopnight.groupMembers(name, { groupId, members }, dependsOn);
}

describe("resource-groups-zopnight-tier-order", () => {
  it("is advisory and reports both kinds of problem by default", () => {
    expect(zopnightTierOrder.name).toBe("resource-groups-zopnight-tier-order");
    expect(zopnightTierOrder.enforcementLevel).toBe("advisory");
    expect(parseTierOrderConfig({})).toEqual({ reportGaps: true, reportDuplicateOrders: true });
    expect(zopnightTierOrder.configSchema?.properties["reportGaps"]?.default).toBe(true);
    expect(zopnightTierOrder.configSchema?.properties["reportDuplicateOrders"]?.default).toBe(true);
  });

  it("passes tiers numbered from tier-1 without gaps, each member at its own order", async () => {
    const outcome = await runStackValidation(zopnightTierOrder, [
      app,
      at("db", app, { executionTier: "tier-1", executionOrder: 1 }),
      at("cache", app, { executionTier: "tier-1", executionOrder: 2 }),
      at("api", app, { executionTier: "tier-2", executionOrder: 1 }),
      at("web", app, { executionTier: "tier-3" }),
    ]);
    expect(outcome.violations).toEqual([]);
  });

  it("reports a tier with no member between used tiers, on the group", async () => {
    const outcome = await runStackValidation(zopnightTierOrder, [
      app,
      at("db", app, { executionTier: "tier-1" }),
      at("web", app, { executionTier: "tier-3" }),
      at("edge", app, { executionTier: "tier-5" }),
    ]);
    expect(outcome.violations).toEqual([
      {
        message:
          "ZopNight ResourceGroup 'app' has members in tier-1, tier-3, tier-5 but none in tier-2, tier-4: tiers start " +
          "one after the other from tier-1, so an empty tier usually means a member is missing or in the wrong tier.",
        urn: app.urn,
      },
    ]);
  });

  it("counts an empty tier-1 as a gap, and a member without a tier as in tier-1", async () => {
    const late = await runStackValidation(zopnightTierOrder, [
      app,
      at("api", app, { executionTier: "tier-2" }),
    ]);
    expect(late.messages).toEqual([expect.stringContaining("has members in tier-2 but none in tier-1:")]);
    const defaulted = await runStackValidation(zopnightTierOrder, [
      app,
      at("db", app, {}),
      at("api", app, { executionTier: "tier-2" }),
    ]);
    expect(defaulted.violations).toEqual([]);
  });

  it("reports members of one tier that share an order, the provider's default order included", async () => {
    const outcome = await runStackValidation(zopnightTierOrder, [
      app,
      at("db", app, {}),
      at("cache", app, { executionTier: "tier-1" }),
      at("queue", app, { executionTier: "tier-1", executionOrder: 1 }),
      at("api", app, { executionTier: "tier-2", executionOrder: 5 }),
      at("worker", app, { executionTier: "tier-2", executionOrder: 5 }),
      at("web", app, { executionTier: "tier-2", executionOrder: 6 }),
    ]);
    expect(outcome.messages).toEqual([
      "ZopNight ResourceGroup 'app' has GroupMembers 'db', 'cache', 'queue' all at tier-1 order 1: they start in " +
        "the order they were added, which the program does not fix. Give each its own executionOrder.",
      "ZopNight ResourceGroup 'app' has GroupMembers 'api', 'worker' all at tier-2 order 5: they start in " +
        "the order they were added, which the program does not fix. Give each its own executionOrder.",
    ]);
    expect(new Set(outcome.violations.map((violation) => violation.urn))).toEqual(new Set([app.urn]));
  });

  it("looks at each group on its own", async () => {
    const batch = zopnight.group("batch", { name: "batch" });
    const outcome = await runStackValidation(zopnightTierOrder, [
      app,
      batch,
      at("db", app, { executionTier: "tier-1" }),
      at("jobs", batch, { executionTier: "tier-1" }),
      at("web", app, { executionTier: "tier-2" }),
      at("reports", batch, { executionTier: "tier-3" }),
    ]);
    expect(outcome.messages).toEqual([
      expect.stringMatching(
        /^ZopNight ResourceGroup 'batch' has members in tier-1, tier-3 but none in tier-2:/,
      ),
    ]);
  });

  it("matches members by a known groupId too (after the group exists)", async () => {
    const groupId = "grp_0123456789ab";
    const existing = zopnight.group("existing", { name: "existing", groupId });
    const outcome = await runStackValidation(zopnightTierOrder, [
      existing,
      zopnight.member("a", { groupId, resource: "res_a", executionTier: "tier-2" }),
      zopnight.member("b", { groupId: "grp_elsewhere0001", resource: "res_b", executionTier: "tier-9" }),
    ]);
    expect(outcome.messages).toEqual([
      expect.stringMatching(/^ZopNight ResourceGroup 'existing' has members in tier-2 but none in tier-1:/),
    ]);
  });

  it("waits for unknown tiers before judging gaps, and leaves unknown orders out of the duplicates", async () => {
    const outcome = await runStackValidation(zopnightTierOrder, [
      app,
      at("db", app, { executionTier: "tier-1", executionOrder: 1 }),
      at("cache", app, { executionTier: "tier-1", executionOrder: 1 }),
      at("pending", app, { executionTier: UNKNOWN, executionOrder: 1 }),
      at("later", app, { executionTier: "tier-3", executionOrder: UNKNOWN }),
      at("also-later", app, { executionTier: "tier-3", executionOrder: UNKNOWN }),
    ]);
    expect(outcome.skippedInPreview).toBeUndefined();
    expect(outcome.messages).toEqual([
      expect.stringMatching(
        /^ZopNight ResourceGroup 'app' has GroupMembers 'db', 'cache' all at tier-1 order 1:/,
      ),
    ]);
  });

  it("names the StartupSequence that declared the group (an empty list in its tiers)", async () => {
    const sequence = zopnight.startupSequence("nightly");
    const group = zopnight.group("nightly", { name: "nightly" }, { parent: sequence });
    const outcome = await runStackValidation(zopnightTierOrder, [
      sequence,
      group,
      at("db", group, { executionTier: "tier-1", executionOrder: 1 }, { parent: sequence }),
      at("web", group, { executionTier: "tier-3", executionOrder: 1 }, { parent: sequence }),
    ]);
    expect(outcome.messages).toEqual([
      expect.stringMatching(
        /^ZopNight ResourceGroup 'nightly' \(declared by StartupSequence 'nightly'\) has members in tier-1, tier-3 but none in tier-2:/,
      ),
    ]);
  });

  it("reports only what the config asks for", async () => {
    const stack = [
      app,
      at("db", app, { executionTier: "tier-1" }),
      at("cache", app, { executionTier: "tier-1" }),
      at("web", app, { executionTier: "tier-3" }),
    ];
    expect((await runStackValidation(zopnightTierOrder, stack)).violations).toHaveLength(2);
    const noGaps = await runStackValidation(zopnightTierOrder, stack, { reportGaps: false });
    expect(noGaps.messages).toEqual([expect.stringContaining("all at tier-1 order 1")]);
    const noDuplicates = await runStackValidation(zopnightTierOrder, stack, { reportDuplicateOrders: false });
    expect(noDuplicates.messages).toEqual([expect.stringContaining("but none in tier-2")]);
    expect(() => parseTierOrderConfig({ reportGaps: "yes" })).toThrow(
      "invalid config for policy 'resource-groups-zopnight-tier-order': 'reportGaps' must be true or false",
    );
  });

  it("does not apply to stacks without ZopNight members, whatever other vendors they hold", async () => {
    const others = otherVendorsStack().filter((resource) => !resource.type.includes("/zopnight:"));
    const outcome = await runStackValidation(zopnightTierOrder, others);
    expect(outcome.notApplicable).toBe("no ZopNight GroupMember or GroupMembers resources in the stack");
  });

  describe("GroupMembers", () => {
    it("passes a list numbered from tier-1 without gaps, each member at its own order", async () => {
      const outcome = await runStackValidation(zopnightTierOrder, [
        app,
        listing("app-all", app, [
          { resource: "res_db" },
          { resource: "res_cache", executionOrder: 2 },
          { resource: "res_api", executionTier: "tier-2" },
        ]),
      ]);
      expect(outcome.violations).toEqual([]);
    });

    it("counts the listed members' tiers for gaps, with GroupMember resources of the same group", async () => {
      const outcome = await runStackValidation(zopnightTierOrder, [
        app,
        at("db", app, { executionTier: "tier-1" }),
        listing("app-all", app, [{ resource: "res_web", executionTier: "tier-3", executionOrder: 1 }]),
      ]);
      expect(outcome.violations).toEqual([
        {
          message:
            "ZopNight ResourceGroup 'app' has members in tier-1, tier-3 but none in tier-2: tiers start " +
            "one after the other from tier-1, so an empty tier usually means a member is missing or in the wrong tier.",
          urn: app.urn,
        },
      ]);
    });

    it("reports repeated orders among listed members (defaults included), naming their positions", async () => {
      const outcome = await runStackValidation(zopnightTierOrder, [
        app,
        at("db", app, {}),
        listing("app-all", app, [
          { resource: "res_cache" },
          { resource: "res_api", executionTier: "tier-2", executionOrder: 4 },
          { resource: "res_worker", executionTier: "tier-2", executionOrder: 4 },
        ]),
      ]);
      expect(outcome.messages).toEqual([
        "ZopNight ResourceGroup 'app' has members GroupMember 'db', GroupMembers 'app-all' members[0] all at " +
          "tier-1 order 1: they start in the order they were added, which the program does not fix. Give each its own executionOrder.",
        "ZopNight ResourceGroup 'app' has members GroupMembers 'app-all' members[1], GroupMembers 'app-all' members[2] all at " +
          "tier-2 order 4: they start in the order they were added, which the program does not fix. Give each its own executionOrder.",
      ]);
    });

    it("waits for a list not known yet before judging gaps, and leaves unknown places out", async () => {
      const pendingList = await runStackValidation(zopnightTierOrder, [
        app,
        at("db", app, { executionTier: "tier-1" }),
        at("web", app, { executionTier: "tier-3" }),
        listing("app-all", app, UNKNOWN),
      ]);
      expect(pendingList).toEqual({ violations: [], messages: [] });
      const pendingItems = await runStackValidation(zopnightTierOrder, [
        app,
        listing("app-all", app, [
          UNKNOWN,
          { resource: "res_a", executionTier: "tier-3", executionOrder: UNKNOWN },
          { resource: "res_b", executionTier: "tier-3", executionOrder: UNKNOWN },
        ]),
      ]);
      expect(pendingItems).toEqual({ violations: [], messages: [] });
    });

    it("applies to a stack whose only members are listed, and not to other vendors' lists", async () => {
      const gap = await runStackValidation(zopnightTierOrder, [
        app,
        listing("app-all", app, [{ resource: "res_api", executionTier: "tier-2" }]),
      ]);
      expect(gap.messages).toEqual([expect.stringContaining("has members in tier-2 but none in tier-1:")]);
      const st = strongly.group("st", { name: "st" });
      const { groupId, ...dependsOn } = targeting(st);
      const other = await runStackValidation(zopnightTierOrder, [
        st,
        strongly.groupMembers("st-all", { groupId, members: [{ executionTier: "tier-4" }] }, dependsOn),
      ]);
      expect(other.notApplicable).toBe("no ZopNight GroupMember or GroupMembers resources in the stack");
    });
  });
});

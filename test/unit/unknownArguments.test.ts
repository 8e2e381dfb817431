/**
 * An argument a resource does not take is refused by check() with the names it does take, instead of
 * being dropped: a YAML or JavaScript program gets no type checking to catch `tag` for `tags`. The
 * engine's own key, output placeholders and states of release 0.1.0 still check clean.
 */
import { UNKNOWN, unknownArguments } from "../../provider/core/validate";
import { handlers, type HandlerKind } from "../../provider/runtime";
import { resourceGroupArgs } from "pulumi-resource-groups-contracts/ces";
import { useOfflineSettings } from "../support/offlineSettings";

useOfflineSettings();

const PROVIDER = "exports.handler = __f0; function __f0() { /* serialized provider */ }";
const GROUP_ID = `rg${"A".repeat(22)}`;
const ZONE = "0".repeat(31) + "1";
const ACCOUNT = "0123456789abcdef0123456789abcdef";

async function failuresOf(kind: HandlerKind, news: Record<string, unknown>) {
  return (await handlers[kind].check({}, news)).failures ?? [];
}

describe("unknown arguments", () => {
  test("'tag' for 'tags' is refused naming it, the likely meant name and every allowed one", async () => {
    const failures = await failuresOf("resourceGroup", {
      name: "web",
      type: "TAG",
      tags: [{ key: "env" }],
      tag: [{ key: "owner" }],
    });
    expect(failures).toEqual([
      {
        property: "tag",
        reason:
          "tag: unknown argument (did you mean 'tags'?); allowed: name, type, tags, associationEpIds, " +
          "enterpriseProjectId, adopt, projectId",
      },
    ]);
  });

  test("is reported beside the broken rules of the known arguments", async () => {
    const failures = await failuresOf("stronglyResourceGroup", { name: "", desc: "costs" });
    expect(failures.map((f) => f.property).sort()).toEqual(["desc", "name"]);
    expect(failures.find((f) => f.property === "desc")?.reason).toBe(
      "desc: unknown argument; allowed: name, description, adopt",
    );
  });

  test.each<[HandlerKind, Record<string, unknown>, string, string]>([
    ["groupMember", { groupId: GROUP_ID, namespace: "SYS.ECS", dimension: [] }, "dimension", "dimensions"],
    ["tagRule", { groupId: GROUP_ID, key: "k", Value: "v" }, "Value", "value"],
    [
      "cloudflareResourceGroup",
      { accountId: ACCOUNT, name: "edge", zones: [ZONE], zone: ZONE },
      "zone",
      "zones",
    ],
    [
      "cloudflareGroupMember",
      { accountId: ACCOUNT, groupId: ACCOUNT, zoneId: ZONE, zoneid: ZONE },
      "zoneid",
      "zoneId",
    ],
    [
      "stronglyGroupMember",
      { groupId: `rg_${"a".repeat(16)}`, type: "app", resourceId: "r", name: "n", resourceID: "r" },
      "resourceID",
      "resourceId",
    ],
    ["zopnightResourceGroup", { name: "orders", descripton: "x" }, "descripton", "description"],
    [
      "zopnightGroupMember",
      { groupId: `grp_${"a".repeat(12)}`, resource: "res_1", executionOrdr: 2 },
      "executionOrdr",
      "executionOrder",
    ],
  ])("%s: '%s' is refused, suggesting '%s'", async (kind, news, wrong, meant) => {
    const failures = await failuresOf(kind, news);
    const failure = failures.find((f) => f.property === wrong);
    expect(failure?.reason).toMatch(
      new RegExp(`^${wrong}: unknown argument \\(did you mean '${meant}'\\?\\); allowed: .*\\b${meant}\\b`),
    );
  });

  test("a name far from every allowed one gets no guess", () => {
    const [failure] = unknownArguments(resourceGroupArgs, { name: "web", colour: "blue" });
    expect(failure?.reason).toMatch(/^colour: unknown argument; allowed: name, /);
  });
});

describe("what is not an unknown argument", () => {
  test("the engine's __provider key", async () => {
    expect(await failuresOf("resourceGroup", { __provider: PROVIDER, name: "web" })).toEqual([]);
  });

  test("output placeholders the resource classes pass as undefined, or a preview's unknowns", async () => {
    const placeholders = {
      createTime: undefined,
      meta: undefined,
      resourceId: undefined,
      whatever: undefined,
    };
    expect(await failuresOf("resourceGroup", { name: "web", ...placeholders })).toEqual([]);
    expect(await failuresOf("tagRule", { groupId: UNKNOWN, key: "k", value: "v" })).toEqual([]);
  });

  test.each<[HandlerKind, Record<string, unknown>]>([
    ["resourceGroup", { name: "web", groupId: GROUP_ID, createTime: 1763700000000 }],
    [
      "cloudflareResourceGroup",
      {
        accountId: ACCOUNT,
        name: "edge",
        zones: [ZONE],
        groupId: ACCOUNT,
        meta: { key: "editable", value: "true" },
      },
    ],
    [
      "stronglyResourceGroup",
      {
        name: "costs",
        groupId: "rg_x",
        status: "active",
        ownerId: "u",
        organizationId: "o",
        createdAt: "t",
        updatedAt: "t",
      },
    ],
    [
      "zopnightResourceGroup",
      { name: "orders", groupId: "grp_x", createdBy: "e", createdAt: "t", updatedAt: "t", schedules: [] },
    ],
    [
      "zopnightGroupMember",
      {
        groupId: `grp_${"a".repeat(12)}`,
        resource: "res_1",
        resourceId: "res_1",
        memberId: "m",
        resourceUID: "u",
        resourceName: "n",
        resourceType: "t",
        cloudProvider: "aws",
        cloudAccountID: "1",
        region: "r",
      },
    ],
  ])("%s: the resource's own outputs, as a refreshed state may hold them", async (kind, news) => {
    expect(await failuresOf(kind, news)).toEqual([]);
  });

  test.each<[HandlerKind, Record<string, unknown>]>([
    ["resourceGroup", { __provider: PROVIDER, name: "upgrade-manual", type: "Manual" }],
    [
      "resourceGroup",
      { __provider: PROVIDER, name: "upgrade-tagged", type: "TAG", tags: [{ key: "env", value: "prod" }] },
    ],
    [
      "resourceGroup",
      {
        __provider: PROVIDER,
        name: "upgrade-eps",
        type: "EPS",
        associationEpIds: ["0d2a4a4e-7d3c-4c4b-9c2e-1a2b3c4d5e6f"],
      },
    ],
    [
      "groupMember",
      {
        __provider: PROVIDER,
        groupId: GROUP_ID,
        namespace: "SYS.ECS",
        dimensions: [{ name: "instance_id", value: "i-1" }],
      },
    ],
    ["tagRule", { __provider: PROVIDER, groupId: GROUP_ID, key: "owner", value: "platform" }],
  ])("%s: the inputs release 0.1.0 sent", async (kind, news) => {
    expect(await failuresOf(kind, news)).toEqual([]);
  });

  test("the state 0.1.0 recorded checks clean as the next run's inputs", async () => {
    // What check() returns is what the state keeps; checking it again must change nothing.
    const first = await handlers.resourceGroup.check(
      {},
      { __provider: PROVIDER, name: "web", type: "Manual" },
    );
    const again = await handlers.resourceGroup.check({}, { ...first.inputs, __provider: PROVIDER });
    expect(again.failures ?? []).toEqual([]);
    expect(again.inputs).toEqual(first.inputs);
  });
});

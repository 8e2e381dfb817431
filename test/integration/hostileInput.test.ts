/**
 * Careless and hostile arguments, at least 40 per vendor, are refused by check() with a failure
 * naming the field, before any API call: the emulator's counters stay at zero writes. Each input goes
 * through what the engine does, check() and, only if that passes, create().
 */
import { resetSettings } from "../../provider/core/settings";
import { handlers, type HandlerKind } from "../../provider/runtime";
import { CLOUDFLARE_ACCOUNT, useEmulatorForProvider } from "../support/emulator";

/** [what, resource kind, arguments, the field the failure must name] */
type Case = [string, HandlerKind, Record<string, unknown>, string];

const env = useEmulatorForProvider(resetSettings);

const long = (n: number, char = "a") => char.repeat(n);
const hex = (i: number) => i.toString(16).padStart(32, "0");

const CES_GROUP = { name: "web" };
const CES_TAG_GROUP = { name: "tagged", type: "TAG", tags: [{ key: "env", value: "prod" }] };
const CES_EPS_GROUP = {
  name: "eps",
  type: "EPS",
  associationEpIds: ["0d2a4a4e-7d3c-4c4b-9c2e-1a2b3c4d5e6f"],
};
const CES_GROUP_ID = `rg${long(22, "A")}`;
const CES_MEMBER = {
  groupId: CES_GROUP_ID,
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: "i-1" }],
};
const CES_RULE = { groupId: CES_GROUP_ID, key: "owner", value: "platform" };
const dims = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `d${i}`, value: "v" }));

const ces: Case[] = [
  ["no name", "resourceGroup", { type: "Manual" }, "name"],
  ["an empty name", "resourceGroup", { name: "" }, "name"],
  ["a 129-character name", "resourceGroup", { name: long(129) }, "name"],
  ["a name with a space", "resourceGroup", { name: "web app" }, "name"],
  ["a name with a dot", "resourceGroup", { name: "web.app" }, "name"],
  ["a name with an emoji", "resourceGroup", { name: "web😀" }, "name"],
  ["a numeric name", "resourceGroup", { name: 42 }, "name"],
  ["a null name", "resourceGroup", { name: null }, "name"],
  ["a lowercase type", "resourceGroup", { ...CES_GROUP, type: "tag" }, "type"],
  ["an empty type", "resourceGroup", { ...CES_GROUP, type: "" }, "type"],
  ["a numeric type", "resourceGroup", { ...CES_GROUP, type: 1 }, "type"],
  ["a TAG group without tags", "resourceGroup", { name: "t", type: "TAG" }, "tags"],
  [
    "a TAG group with 11 tags",
    "resourceGroup",
    { ...CES_TAG_GROUP, tags: Array.from({ length: 11 }, (_, i) => ({ key: `k${i}` })) },
    "tags",
  ],
  ["an empty tag key", "resourceGroup", { ...CES_TAG_GROUP, tags: [{ key: "" }] }, "tags[0].key"],
  ["a 37-character tag key", "resourceGroup", { ...CES_TAG_GROUP, tags: [{ key: long(37) }] }, "tags[0].key"],
  [
    "a 44-character tag value",
    "resourceGroup",
    { ...CES_TAG_GROUP, tags: [{ key: "k", value: long(44) }] },
    "tags[0].value",
  ],
  ["a tag key with a space", "resourceGroup", { ...CES_TAG_GROUP, tags: [{ key: "my key" }] }, "tags[0].key"],
  [
    "a tag value with a dot",
    "resourceGroup",
    { ...CES_TAG_GROUP, tags: [{ key: "k", value: "a.b" }] },
    "tags[0].value",
  ],
  [
    "a tag with an unknown field",
    "resourceGroup",
    { ...CES_TAG_GROUP, tags: [{ key: "k", val: "v" }] },
    "tags[0]",
  ],
  ["tags that are not a list", "resourceGroup", { ...CES_TAG_GROUP, tags: "env=prod" }, "tags"],
  [
    "a repeated tag",
    "resourceGroup",
    {
      ...CES_TAG_GROUP,
      tags: [
        { key: "k", value: "v" },
        { key: "k", value: "v" },
      ],
    },
    "tags[1]",
  ],
  ["tags on a Manual group", "resourceGroup", { ...CES_GROUP, tags: [{ key: "k" }] }, "tags"],
  ["an EPS group without ids", "resourceGroup", { name: "e", type: "EPS" }, "associationEpIds"],
  [
    "an EPS group with 11 ids",
    "resourceGroup",
    { ...CES_EPS_GROUP, associationEpIds: Array(11).fill("0") },
    "associationEpIds",
  ],
  [
    "an uppercase EP id",
    "resourceGroup",
    { ...CES_EPS_GROUP, associationEpIds: ["0D2A4A4E-7D3C-4C4B-9C2E-1A2B3C4D5E6F"] },
    "associationEpIds[0]",
  ],
  [
    "EP ids on a Manual group",
    "resourceGroup",
    { ...CES_GROUP, associationEpIds: ["0"] },
    "associationEpIds",
  ],
  [
    "an enterprise project id that is no UUID",
    "resourceGroup",
    { ...CES_GROUP, enterpriseProjectId: "abc" },
    "enterpriseProjectId",
  ],
  [
    "a numeric enterprise project id",
    "resourceGroup",
    { ...CES_GROUP, enterpriseProjectId: 0 },
    "enterpriseProjectId",
  ],
  ["adopt as text", "resourceGroup", { ...CES_GROUP, adopt: "yes" }, "adopt"],
  ["a project id with a slash", "resourceGroup", { ...CES_GROUP, projectId: "a/b" }, "projectId"],
  ["a 65-character project id", "resourceGroup", { ...CES_GROUP, projectId: long(65) }, "projectId"],
  ["'tag' for 'tags'", "resourceGroup", { ...CES_TAG_GROUP, tag: [{ key: "k" }] }, "tag"],
  ["'Name' beside 'name'", "resourceGroup", { ...CES_GROUP, Name: "web" }, "Name"],
  ["'group_name' from the wire", "resourceGroup", { ...CES_GROUP, group_name: "web" }, "group_name"],
  ["a malformed group id", "groupMember", { ...CES_MEMBER, groupId: "rg123" }, "groupId"],
  ["no group id", "groupMember", { namespace: "SYS.ECS", dimensions: dims(1) }, "groupId"],
  ["a namespace without a dot", "groupMember", { ...CES_MEMBER, namespace: "SYS" }, "namespace"],
  [
    "a 33-character namespace",
    "groupMember",
    { ...CES_MEMBER, namespace: `SYS.${long(29, "E")}` },
    "namespace",
  ],
  ["a namespace starting with a digit", "groupMember", { ...CES_MEMBER, namespace: "1SYS.ECS" }, "namespace"],
  ["no dimensions", "groupMember", { ...CES_MEMBER, dimensions: [] }, "dimensions"],
  ["5 dimensions", "groupMember", { ...CES_MEMBER, dimensions: dims(5) }, "dimensions"],
  [
    "a dimension name starting with a digit",
    "groupMember",
    { ...CES_MEMBER, dimensions: [{ name: "1d", value: "v" }] },
    "dimensions[0].name",
  ],
  [
    "an empty dimension value",
    "groupMember",
    { ...CES_MEMBER, dimensions: [{ name: "d", value: "" }] },
    "dimensions[0].value",
  ],
  [
    "a 257-character dimension value",
    "groupMember",
    { ...CES_MEMBER, dimensions: [{ name: "d", value: long(257) }] },
    "dimensions[0].value",
  ],
  [
    "a repeated dimension name",
    "groupMember",
    {
      ...CES_MEMBER,
      dimensions: [
        { name: "d", value: "1" },
        { name: "d", value: "2" },
      ],
    },
    "dimensions[1].name",
  ],
  [
    "a dimension with an unknown field",
    "groupMember",
    { ...CES_MEMBER, dimensions: [{ name: "d", value: "v", unit: "x" }] },
    "dimensions[0]",
  ],
  [
    "'dimension' for 'dimensions'",
    "groupMember",
    { ...CES_MEMBER, dimension: { name: "d", value: "v" } },
    "dimension",
  ],
  ["an empty tag rule key", "tagRule", { ...CES_RULE, key: "" }, "key"],
  ["a 37-character tag rule key", "tagRule", { ...CES_RULE, key: long(37) }, "key"],
  ["a 44-character tag rule value", "tagRule", { ...CES_RULE, value: long(44) }, "value"],
  ["a tag rule without a group", "tagRule", { key: "k", value: "v" }, "groupId"],
  ["'val' for 'value'", "tagRule", { ...CES_RULE, val: "v" }, "val"],
];

const ACCOUNT = CLOUDFLARE_ACCOUNT;
const CF_GROUP = { accountId: ACCOUNT, name: "edge", zones: [hex(1)] };
const CF_MEMBER = { accountId: ACCOUNT, groupId: hex(9), zoneId: hex(2) };

const cloudflare: Case[] = [
  ["no name", "cloudflareResourceGroup", { accountId: ACCOUNT, zones: [hex(1)] }, "name"],
  ["an empty name", "cloudflareResourceGroup", { ...CF_GROUP, name: "" }, "name"],
  ["a 256-character name", "cloudflareResourceGroup", { ...CF_GROUP, name: long(256) }, "name"],
  ["256 emoji", "cloudflareResourceGroup", { ...CF_GROUP, name: "😀".repeat(256) }, "name"],
  ["a leading space", "cloudflareResourceGroup", { ...CF_GROUP, name: " edge" }, "name"],
  ["a trailing space", "cloudflareResourceGroup", { ...CF_GROUP, name: "edge " }, "name"],
  ["a NUL", "cloudflareResourceGroup", { ...CF_GROUP, name: "ed\u0000ge" }, "name"],
  ["a newline", "cloudflareResourceGroup", { ...CF_GROUP, name: "ed\nge" }, "name"],
  ["a tab", "cloudflareResourceGroup", { ...CF_GROUP, name: "ed\tge" }, "name"],
  ["a DEL", "cloudflareResourceGroup", { ...CF_GROUP, name: "edge\u007f" }, "name"],
  ["a numeric name", "cloudflareResourceGroup", { ...CF_GROUP, name: 42 }, "name"],
  [
    "the built-in group's name",
    "cloudflareResourceGroup",
    { ...CF_GROUP, name: `com.cloudflare.api.account.${ACCOUNT}` },
    "name",
  ],
  ["no zones", "cloudflareResourceGroup", { accountId: ACCOUNT, name: "edge" }, "zones"],
  ["empty zones", "cloudflareResourceGroup", { ...CF_GROUP, zones: [] }, "zones"],
  [
    "101 zones",
    "cloudflareResourceGroup",
    { ...CF_GROUP, zones: Array.from({ length: 101 }, (_, i) => hex(i)) },
    "zones",
  ],
  ["a short zone id", "cloudflareResourceGroup", { ...CF_GROUP, zones: ["abc"] }, "zones[0]"],
  [
    "an uppercase zone id",
    "cloudflareResourceGroup",
    { ...CF_GROUP, zones: [hex(10).toUpperCase().replace("0", "A")] },
    "zones[0]",
  ],
  ["a 33-character zone id", "cloudflareResourceGroup", { ...CF_GROUP, zones: [`${hex(1)}0`] }, "zones[0]"],
  ["a null zone", "cloudflareResourceGroup", { ...CF_GROUP, zones: [null] }, "zones[0]"],
  ["a repeated zone", "cloudflareResourceGroup", { ...CF_GROUP, zones: [hex(1), hex(1)] }, "zones[1]"],
  ["zones beside the whole account", "cloudflareResourceGroup", { ...CF_GROUP, wholeAccount: true }, "zones"],
  ["zones as text", "cloudflareResourceGroup", { ...CF_GROUP, zones: hex(1) }, "zones"],
  [
    "wholeAccount as text",
    "cloudflareResourceGroup",
    { ...CF_GROUP, zones: [], wholeAccount: "yes" },
    "wholeAccount",
  ],
  ["exclusive as a number", "cloudflareResourceGroup", { ...CF_GROUP, exclusive: 1 }, "exclusive"],
  ["adopt as text", "cloudflareResourceGroup", { ...CF_GROUP, adopt: "true" }, "adopt"],
  ["a short account id", "cloudflareResourceGroup", { ...CF_GROUP, accountId: "abc" }, "accountId"],
  [
    "an uppercase account id",
    "cloudflareResourceGroup",
    { ...CF_GROUP, accountId: ACCOUNT.toUpperCase() },
    "accountId",
  ],
  ["'zone' for 'zones'", "cloudflareResourceGroup", { ...CF_GROUP, zone: hex(1) }, "zone"],
  ["'scope' from the wire", "cloudflareResourceGroup", { ...CF_GROUP, scope: { key: "x" } }, "scope"],
  [
    "'account_id' for 'accountId'",
    "cloudflareResourceGroup",
    { ...CF_GROUP, account_id: ACCOUNT },
    "account_id",
  ],
  ["a short group id", "cloudflareGroupMember", { ...CF_MEMBER, groupId: "x" }, "groupId"],
  ["no group id", "cloudflareGroupMember", { accountId: ACCOUNT, zoneId: hex(2) }, "groupId"],
  ["an uppercase group id", "cloudflareGroupMember", { ...CF_MEMBER, groupId: "A".repeat(32) }, "groupId"],
  ["a null group id", "cloudflareGroupMember", { ...CF_MEMBER, groupId: null }, "groupId"],
  ["no zone id", "cloudflareGroupMember", { accountId: ACCOUNT, groupId: hex(9) }, "zoneId"],
  ["a 31-character zone id", "cloudflareGroupMember", { ...CF_MEMBER, zoneId: hex(2).slice(1) }, "zoneId"],
  ["'*' as a zone id", "cloudflareGroupMember", { ...CF_MEMBER, zoneId: "*" }, "zoneId"],
  [
    "a zone key for a zone id",
    "cloudflareGroupMember",
    { ...CF_MEMBER, zoneId: `com.cloudflare.api.account.zone.${hex(2)}` },
    "zoneId",
  ],
  ["a numeric zone id", "cloudflareGroupMember", { ...CF_MEMBER, zoneId: 2 }, "zoneId"],
  ["a malformed member account id", "cloudflareGroupMember", { ...CF_MEMBER, accountId: "x" }, "accountId"],
  ["'zone' for 'zoneId'", "cloudflareGroupMember", { ...CF_MEMBER, zone: hex(2) }, "zone"],
];

const ST_GROUP = { name: "costs" };
const ST_MEMBER = { groupId: `rg_${long(16, "a")}`, type: "app", resourceId: "r1", name: "R" };

const strongly: Case[] = [
  ["no name", "stronglyResourceGroup", {}, "name"],
  ["an empty name", "stronglyResourceGroup", { name: "" }, "name"],
  ["a blank name", "stronglyResourceGroup", { name: "   " }, "name"],
  ["a 101-character name", "stronglyResourceGroup", { name: long(101) }, "name"],
  ["101 CJK characters", "stronglyResourceGroup", { name: long(101, "中") }, "name"],
  ["a numeric name", "stronglyResourceGroup", { name: 42 }, "name"],
  ["a null name", "stronglyResourceGroup", { name: null }, "name"],
  [
    "a 501-character description",
    "stronglyResourceGroup",
    { ...ST_GROUP, description: long(501) },
    "description",
  ],
  ["a numeric description", "stronglyResourceGroup", { ...ST_GROUP, description: 5 }, "description"],
  ["a list description", "stronglyResourceGroup", { ...ST_GROUP, description: [] }, "description"],
  ["a null description", "stronglyResourceGroup", { ...ST_GROUP, description: null }, "description"],
  ["adopt as text", "stronglyResourceGroup", { ...ST_GROUP, adopt: "no" }, "adopt"],
  ["'desc' for 'description'", "stronglyResourceGroup", { ...ST_GROUP, desc: "x" }, "desc"],
  ["'tags', which Strongly has not", "stronglyResourceGroup", { ...ST_GROUP, tags: ["x"] }, "tags"],
  ["'Name' beside 'name'", "stronglyResourceGroup", { ...ST_GROUP, Name: "x" }, "Name"],
  ["no group id", "stronglyGroupMember", { type: "app", resourceId: "r1", name: "R" }, "groupId"],
  ["a short group id", "stronglyGroupMember", { ...ST_MEMBER, groupId: "rg_short" }, "groupId"],
  [
    "an uppercase group id",
    "stronglyGroupMember",
    { ...ST_MEMBER, groupId: `rg_${long(16, "A")}` },
    "groupId",
  ],
  ["a dashed group id", "stronglyGroupMember", { ...ST_MEMBER, groupId: `rg-${long(16, "a")}` }, "groupId"],
  ["a numeric group id", "stronglyGroupMember", { ...ST_MEMBER, groupId: 42 }, "groupId"],
  ["no type", "stronglyGroupMember", { groupId: ST_MEMBER.groupId, resourceId: "r1", name: "R" }, "type"],
  ["a capitalised type", "stronglyGroupMember", { ...ST_MEMBER, type: "App" }, "type"],
  ["an unknown type", "stronglyGroupMember", { ...ST_MEMBER, type: "model" }, "type"],
  ["an empty type", "stronglyGroupMember", { ...ST_MEMBER, type: "" }, "type"],
  ["a numeric type", "stronglyGroupMember", { ...ST_MEMBER, type: 3 }, "type"],
  ["a null type", "stronglyGroupMember", { ...ST_MEMBER, type: null }, "type"],
  [
    "no resource id",
    "stronglyGroupMember",
    { groupId: ST_MEMBER.groupId, type: "app", name: "R" },
    "resourceId",
  ],
  ["an empty resource id", "stronglyGroupMember", { ...ST_MEMBER, resourceId: "" }, "resourceId"],
  [
    "a 129-character resource id",
    "stronglyGroupMember",
    { ...ST_MEMBER, resourceId: long(129) },
    "resourceId",
  ],
  ["a resource id with a space", "stronglyGroupMember", { ...ST_MEMBER, resourceId: "a b" }, "resourceId"],
  ["a resource id with a slash", "stronglyGroupMember", { ...ST_MEMBER, resourceId: "a/b" }, "resourceId"],
  ["a resource id with a dot", "stronglyGroupMember", { ...ST_MEMBER, resourceId: "a.b" }, "resourceId"],
  ["a resource id with an accent", "stronglyGroupMember", { ...ST_MEMBER, resourceId: "é" }, "resourceId"],
  ["a null resource id", "stronglyGroupMember", { ...ST_MEMBER, resourceId: null }, "resourceId"],
  [
    "no member name",
    "stronglyGroupMember",
    { groupId: ST_MEMBER.groupId, type: "app", resourceId: "r1" },
    "name",
  ],
  ["an empty member name", "stronglyGroupMember", { ...ST_MEMBER, name: "" }, "name"],
  ["a 201-character member name", "stronglyGroupMember", { ...ST_MEMBER, name: long(201) }, "name"],
  ["a numeric member name", "stronglyGroupMember", { ...ST_MEMBER, name: 7 }, "name"],
  ["an object member name", "stronglyGroupMember", { ...ST_MEMBER, name: {} }, "name"],
  ["'resourceID' for 'resourceId'", "stronglyGroupMember", { ...ST_MEMBER, resourceID: "r1" }, "resourceID"],
  ["'resource_id' from the wire", "stronglyGroupMember", { ...ST_MEMBER, resource_id: "r1" }, "resource_id"],
  ["'kind' for 'type'", "stronglyGroupMember", { ...ST_MEMBER, kind: "app" }, "kind"],
];

const ZN_GROUP = { name: "orders" };
const ZN_MEMBER = { groupId: `grp_${long(12, "a")}`, resource: "res_web1" };

const zopnight: Case[] = [
  ["no name", "zopnightResourceGroup", {}, "name"],
  ["an empty name", "zopnightResourceGroup", { name: "" }, "name"],
  ["a blank name", "zopnightResourceGroup", { name: " \t " }, "name"],
  ["a 101-character name", "zopnightResourceGroup", { name: long(101) }, "name"],
  ["101 CJK characters", "zopnightResourceGroup", { name: long(101, "中") }, "name"],
  ["a numeric name", "zopnightResourceGroup", { name: 42 }, "name"],
  ["a null name", "zopnightResourceGroup", { name: null }, "name"],
  [
    "a 501-character description",
    "zopnightResourceGroup",
    { ...ZN_GROUP, description: long(501) },
    "description",
  ],
  ["a numeric description", "zopnightResourceGroup", { ...ZN_GROUP, description: 1 }, "description"],
  ["a boolean description", "zopnightResourceGroup", { ...ZN_GROUP, description: true }, "description"],
  ["adopt as text", "zopnightResourceGroup", { ...ZN_GROUP, adopt: "true" }, "adopt"],
  ["'desc' for 'description'", "zopnightResourceGroup", { ...ZN_GROUP, desc: "x" }, "desc"],
  ["'title' for 'name'", "zopnightResourceGroup", { ...ZN_GROUP, title: "x" }, "title"],
  [
    "'schedule', which is no argument",
    "zopnightResourceGroup",
    { ...ZN_GROUP, schedule: "night" },
    "schedule",
  ],
  ["no group id", "zopnightGroupMember", { resource: "res_web1" }, "groupId"],
  ["a short group id", "zopnightGroupMember", { ...ZN_MEMBER, groupId: "grp_short" }, "groupId"],
  [
    "an uppercase group id",
    "zopnightGroupMember",
    { ...ZN_MEMBER, groupId: `grp_${long(12, "A")}` },
    "groupId",
  ],
  [
    "a group id with another prefix",
    "zopnightGroupMember",
    { ...ZN_MEMBER, groupId: `group_${long(12, "a")}` },
    "groupId",
  ],
  ["a null group id", "zopnightGroupMember", { ...ZN_MEMBER, groupId: null }, "groupId"],
  ["no resource", "zopnightGroupMember", { groupId: ZN_MEMBER.groupId }, "resource"],
  ["an empty resource", "zopnightGroupMember", { ...ZN_MEMBER, resource: "" }, "resource"],
  ["a blank resource", "zopnightGroupMember", { ...ZN_MEMBER, resource: "   " }, "resource"],
  [
    "a resource with a leading space",
    "zopnightGroupMember",
    { ...ZN_MEMBER, resource: " res_web1" },
    "resource",
  ],
  [
    "a resource with a trailing space",
    "zopnightGroupMember",
    { ...ZN_MEMBER, resource: "res_web1 " },
    "resource",
  ],
  ["a numeric resource", "zopnightGroupMember", { ...ZN_MEMBER, resource: 5 }, "resource"],
  ["tier-0", "zopnightGroupMember", { ...ZN_MEMBER, executionTier: "tier-0" }, "executionTier"],
  ["tier-11", "zopnightGroupMember", { ...ZN_MEMBER, executionTier: "tier-11" }, "executionTier"],
  ["Tier-1", "zopnightGroupMember", { ...ZN_MEMBER, executionTier: "Tier-1" }, "executionTier"],
  ["tier-01", "zopnightGroupMember", { ...ZN_MEMBER, executionTier: "tier-01" }, "executionTier"],
  ["an empty tier", "zopnightGroupMember", { ...ZN_MEMBER, executionTier: "" }, "executionTier"],
  ["a numeric tier", "zopnightGroupMember", { ...ZN_MEMBER, executionTier: 1 }, "executionTier"],
  ["order 0", "zopnightGroupMember", { ...ZN_MEMBER, executionOrder: 0 }, "executionOrder"],
  ["order 1001", "zopnightGroupMember", { ...ZN_MEMBER, executionOrder: 1001 }, "executionOrder"],
  ["order 1.5", "zopnightGroupMember", { ...ZN_MEMBER, executionOrder: 1.5 }, "executionOrder"],
  ["order -1", "zopnightGroupMember", { ...ZN_MEMBER, executionOrder: -1 }, "executionOrder"],
  ["order as text", "zopnightGroupMember", { ...ZN_MEMBER, executionOrder: "1" }, "executionOrder"],
  ["order as a boolean", "zopnightGroupMember", { ...ZN_MEMBER, executionOrder: true }, "executionOrder"],
  ["'tier' for 'executionTier'", "zopnightGroupMember", { ...ZN_MEMBER, tier: "tier-2" }, "tier"],
  ["'order' for 'executionOrder'", "zopnightGroupMember", { ...ZN_MEMBER, order: 2 }, "order"],
  [
    "'executionorder' in the wrong case",
    "zopnightGroupMember",
    { ...ZN_MEMBER, executionorder: 2 },
    "executionorder",
  ],
  [
    "'resourceID' from the wire",
    "zopnightGroupMember",
    { ...ZN_MEMBER, resourceID: "res_web1" },
    "resourceID",
  ],
];

/** What the engine does with one resource: check(), then create() only if check() passed. */
/**
 * The field a failure names: its property, or, for an entry of a list or object argument (reported under
 * the argument, so the CLI finds its value), the path its reason starts with.
 */
function namedField(failure: { property: string; reason: string }): string {
  const path = /^([\w.[\]]+)[ :]/.exec(failure.reason)?.[1];
  return path !== undefined && path.startsWith(`${failure.property}[`) ? path : failure.property;
}

async function engineStep(kind: HandlerKind, args: Record<string, unknown>) {
  const checked = await handlers[kind].check({}, args);
  const failures = checked.failures ?? [];
  if (failures.length === 0) await handlers[kind].create(checked.inputs);
  return failures;
}

describe.each([
  ["CES", ces],
  ["Cloudflare", cloudflare],
  ["Strongly", strongly],
  ["ZopNight", zopnight],
])("%s: careless and hostile arguments", (_vendor, cases) => {
  beforeAll(() => env().emulator.resetStats());

  test("are at least 40", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  test.each(cases)("%s is refused naming %s", async (_what, kind, args, field) => {
    const failures = await engineStep(kind, args);
    expect(failures.map(namedField)).toContain(field);
    for (const failure of failures) expect(failure.reason.length).toBeGreaterThan(10);
  });

  test("and none of them reached the API", () => {
    expect(env().emulator.stats()).toMatchObject({ total: 0, writes: 0 });
  });
});

test("a valid input does reach the API, so the counters above can see a call", async () => {
  env().emulator.resetStats();
  expect(await engineStep("resourceGroup", { name: "counted" })).toEqual([]);
  expect(env().emulator.stats().writes).toBeGreaterThan(0);
});

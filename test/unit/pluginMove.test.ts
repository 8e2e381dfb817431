import { MoveRefused, planMove, type StateResource } from "../../plugin/move/importFile";

const STACK = "urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev";
const DEFAULT_PROVIDER = "urn:pulumi:dev::app::pulumi:providers:pulumi-nodejs::default";
const resource = (type: string, name: string, extra: Partial<StateResource> = {}): StateResource => ({
  urn: `urn:pulumi:dev::app::${type}::${name}`,
  type,
  id: `${name}-id`,
  parent: STACK,
  provider: `${DEFAULT_PROVIDER}::abc`,
  ...extra,
});
const stack: StateResource = { urn: STACK, type: "pulumi:pulumi:Stack" };
const provider: StateResource = { urn: DEFAULT_PROVIDER, type: "pulumi:providers:pulumi-nodejs", id: "abc" };
const group = resource("pulumi-nodejs:dynamic/resourcegroups:ResourceGroup", "web");
const member = resource("pulumi-nodejs:dynamic/resourcegroups/strongly:GroupMember", "trainer", {
  dependencies: [group.urn],
});

test("writes one import entry per resource of the package, and the state without them or their provider", () => {
  const bucket = resource("aws:s3/bucket:Bucket", "logs", {
    provider: "urn:pulumi:dev::app::pulumi:providers:aws::default::1",
  });
  const move = planMove({ resources: [stack, provider, group, member, bucket] });
  expect(move.importFile.resources).toEqual([
    { type: "resourcegroups:ces:ResourceGroup", name: "web", id: "web-id" },
    { type: "resourcegroups:strongly:GroupMember", name: "trainer", id: "trainer-id" },
  ]);
  expect(move.remaining.resources?.map((r) => r.urn)).toEqual([STACK, bucket.urn]);
});

test("keeps the dynamic provider while another dynamic resource uses it", () => {
  const other = resource("pulumi-nodejs:dynamic:Resource", "custom");
  const move = planMove({ resources: [stack, provider, group, other] });
  expect(move.remaining.resources?.map((r) => r.urn)).toEqual([STACK, DEFAULT_PROVIDER, other.urn]);
});

test.each([
  [
    { resources: [stack, group], pending_operations: [{}] },
    "the stack has pending operations (an interrupted run): settle them first with resource-groups-recover",
  ],
  [
    {
      resources: [
        stack,
        resource("pulumi-nodejs:dynamic/resourcegroups/zopnight:GroupMember", "db", {
          parent: "urn:pulumi:dev::app::resourcegroups:zopnight:StartupSequence::orders",
        }),
      ],
    },
    "its parent is a component (orders); move it by hand",
  ],
  [
    { resources: [stack, group, resource("aws:s3/bucket:Bucket", "logs", { dependencies: [group.urn] })] },
    "aws:s3/bucket:Bucket::logs depends on web: move it with them or remove the dependency",
  ],
])("refuses a stack that cannot move unchanged: %#", (deployment, message) => {
  expect(() => planMove(deployment)).toThrow(MoveRefused);
  expect(() => planMove(deployment)).toThrow(message);
});

test("reads a ZopNight member by the spelling its program gives the resource, and others by their id", () => {
  const zopnight = "pulumi-nodejs:dynamic/resourcegroups/zopnight:GroupMember";
  const byUid = resource(zopnight, "db", {
    id: "grp_000000000001/res_001",
    inputs: { groupId: "grp_000000000001", resource: "arn:aws:rds:us-east-1:1:db:orders" },
  });
  const byId = resource(zopnight, "cache", {
    id: "grp_000000000001/res_002",
    inputs: { groupId: "grp_000000000001", resource: "res_002" },
  });
  const strongly = resource("pulumi-nodejs:dynamic/resourcegroups/strongly:GroupMember", "app", {
    id: "grp-1/app/app_1",
    inputs: { groupId: "grp-1", resourceId: "app_1" },
  });
  expect(
    planMove({ resources: [stack, byUid, byId, strongly] }).importFile.resources.map((e) => e.id),
  ).toEqual([
    "grp_000000000001/arn:aws:rds:us-east-1:1:db:orders",
    "grp_000000000001/res_002",
    "grp-1/app/app_1",
  ]);
});

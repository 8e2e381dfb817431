import type { PolicyResource } from "@pulumi/policy";
import { UNKNOWN, runStackValidation, targeting, testResource } from "../testing";
import type { TestResource, TestResourceOptions } from "../testing";
import { asString, readField } from "./known";
import { StackGroups } from "./targets";
import type { GroupKind, Target } from "./targets";

/** A vendor of this test's own, so the lookup is tested apart from any real vendor's shapes. */
const GROUP_TYPE = "test:index:Group";
const MEMBER_TYPE = "test:index:Member";
const group = (name: string, props: Record<string, unknown>) => testResource(GROUP_TYPE, name, props);
const member = (name: string, props: Record<string, unknown>, options?: TestResourceOptions) =>
  testResource(MEMBER_TYPE, name, props, options);

const KIND: GroupKind<{ groupId: unknown }> = {
  isGroup: (resource) => resource.type === GROUP_TYPE,
  readGroup: (props) => ({ groupId: asString(readField(props, "groupId")) }),
  groupIdOf: (view) => view.groupId as string | undefined,
  targetIdOf: (resource) =>
    resource.type === MEMBER_TYPE ? asString(readField(resource.props, "groupId")) : undefined,
};

/** Resolves every member of `resources` through a real stack-policy run. */
async function targets(resources: TestResource[]): Promise<Record<string, Target<unknown>>> {
  const found: Record<string, Target<unknown>> = {};
  await runStackValidation(
    {
      name: "probe",
      description: "records targets",
      validateStack: (args) => {
        const stack = new StackGroups(args.resources, KIND);
        for (const resource of args.resources.filter((r: PolicyResource) => r.name.startsWith("m-"))) {
          found[resource.name] = stack.targetOf(resource);
        }
      },
    },
    resources,
  );
  return found;
}

const GROUP_ID = "g-aaaa";
const OTHER_ID = "g-bbbb";

describe("StackGroups.targetOf", () => {
  const known = group("known", { groupId: GROUP_ID });
  const fresh = group("fresh", {}); // preview: no groupId yet

  it("follows propertyDependencies when groupId is unknown (preview)", async () => {
    const { groupId, ...options } = targeting(fresh);
    const result = await targets([known, fresh, member("m-1", { groupId }, options)]);
    expect(result["m-1"]).toMatchObject({ kind: "group", group: { resource: { name: "fresh" } } });
  });

  it("matches a known groupId against the groups' outputs", async () => {
    const result = await targets([known, fresh, member("m-2", { groupId: GROUP_ID })]);
    expect(result["m-2"]).toMatchObject({ kind: "group", group: { resource: { name: "known" } } });
  });

  it("prefers an exact groupId match, then dependencies", async () => {
    const { groupId: _ignored, ...options } = targeting(fresh);
    const result = await targets([known, fresh, member("m-3", { groupId: GROUP_ID }, options)]);
    expect(result["m-3"]).toMatchObject({ kind: "group", group: { resource: { name: "known" } } });
    const fallback = await targets([known, fresh, member("m-4", { groupId: OTHER_ID }, options)]);
    expect(fallback["m-4"]).toMatchObject({ kind: "group", group: { resource: { name: "fresh" } } });
  });

  it("reports several candidate groups as ambiguous", async () => {
    const result = await targets([
      known,
      fresh,
      member("m-5", { groupId: UNKNOWN }, { dependsOn: { groupId: [known, fresh] } }),
    ]);
    expect(result["m-5"]).toMatchObject({ kind: "ambiguous" });
    expect((result["m-5"] as { groups: unknown[] }).groups).toHaveLength(2);
  });

  it("ignores dependencies that are not groups of this kind or not in the stack", async () => {
    const random = testResource("random:index/randomString:RandomString", "suffix", {});
    const ghost = group("ghost", {}); // not part of the stack below
    const result = await targets([
      known,
      random,
      member("m-6", { groupId: UNKNOWN }, { dependsOn: { groupId: [random, ghost] } }),
      member("m-7", { groupId: OTHER_ID }),
      member("m-8", {}),
    ]);
    expect(result["m-6"]).toEqual({ kind: "unresolved" });
    expect(result["m-7"]).toEqual({ kind: "external", groupId: OTHER_ID });
    expect(result["m-8"]).toEqual({ kind: "unresolved" });
  });
});

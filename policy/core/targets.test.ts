import type { PolicyResource } from "@pulumi/policy";
import { UNKNOWN, group, member, runStackValidation, tagRule, targeting, testResource } from "../testing";
import type { TestResource } from "../testing";
import { StackGroups } from "./targets";
import type { Target } from "./targets";

/** Resolves every GroupMember/TagRule of `resources` through a real stack-policy run. */
async function targets(resources: TestResource[]): Promise<Record<string, Target>> {
  const found: Record<string, Target> = {};
  await runStackValidation(
    {
      name: "probe",
      description: "records targets",
      validateStack: (args) => {
        const stack = new StackGroups(args.resources);
        for (const resource of args.resources.filter((r: PolicyResource) => r.name.startsWith("m-"))) {
          found[resource.name] = stack.targetOf(resource);
        }
      },
    },
    resources,
  );
  return found;
}

const GROUP_ID = "rg" + "a".repeat(22);
const OTHER_ID = "rg" + "b".repeat(22);

describe("StackGroups.targetOf", () => {
  const manual = group("manual", { name: "manual", type: "Manual", groupId: GROUP_ID });
  const fresh = group("fresh", { name: "fresh", type: "TAG" }); // preview: no groupId yet

  it("follows propertyDependencies when groupId is unknown (preview)", async () => {
    const { groupId, ...options } = targeting(fresh);
    const result = await targets([manual, fresh, member("m-1", { groupId }, options)]);
    expect(result["m-1"]).toMatchObject({ kind: "group", group: { resource: { name: "fresh" } } });
  });

  it("matches a known groupId against the groups' outputs", async () => {
    const result = await targets([
      manual,
      fresh,
      tagRule("m-2", { groupId: GROUP_ID, key: "k", value: "v" }),
    ]);
    expect(result["m-2"]).toMatchObject({ kind: "group", group: { resource: { name: "manual" } } });
  });

  it("prefers an exact groupId match, then dependencies", async () => {
    const { groupId: _ignored, ...options } = targeting(fresh);
    const result = await targets([manual, fresh, member("m-3", { groupId: GROUP_ID }, options)]);
    expect(result["m-3"]).toMatchObject({ kind: "group", group: { resource: { name: "manual" } } });
    const fallback = await targets([manual, fresh, member("m-4", { groupId: OTHER_ID }, options)]);
    expect(fallback["m-4"]).toMatchObject({ kind: "group", group: { resource: { name: "fresh" } } });
  });

  it("reports several candidate groups as ambiguous", async () => {
    const result = await targets([
      manual,
      fresh,
      member("m-5", { groupId: UNKNOWN }, { dependsOn: { groupId: [manual, fresh] } }),
    ]);
    expect(result["m-5"]).toMatchObject({ kind: "ambiguous" });
    expect((result["m-5"] as { groups: unknown[] }).groups).toHaveLength(2);
  });

  it("ignores dependencies that are not ResourceGroups or not in the stack", async () => {
    const random = testResource("random:index/randomString:RandomString", "suffix", {});
    const ghost = group("ghost", { name: "ghost" }); // not part of the stack below
    const result = await targets([
      manual,
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

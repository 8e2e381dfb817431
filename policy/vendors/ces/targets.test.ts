import type { PolicyResource } from "@pulumi/policy";
import { StackGroups } from "../../core/targets";
import { UNKNOWN, cloudflare, group, member, runStackValidation, tagRule, targeting } from "../../testing";
import { CES_VENDOR } from "./resource-types";

describe("CES_VENDOR.groups", () => {
  it("finds the CES group of GroupMembers and TagRules, and never another vendor's group", async () => {
    const groupId = "rg" + "a".repeat(22);
    const manual = group("manual", { name: "manual", groupId });
    const edge = cloudflare.group("edge", { name: "edge", groupId });
    const { groupId: fromManual, ...dependsOnManual } = targeting(manual);
    const found: Record<string, string> = {};
    await runStackValidation(
      {
        name: "probe",
        description: "records targets",
        validateStack: (args) => {
          const stack = new StackGroups(args.resources, CES_VENDOR.groups);
          expect(stack.groups.map((ref) => ref.resource.name)).toEqual(["manual"]);
          for (const resource of args.resources.filter((r: PolicyResource) => r.name.startsWith("m-"))) {
            found[resource.name] = stack.targetOf(resource).kind;
          }
        },
      },
      [
        manual,
        edge,
        member("m-member", { groupId }),
        tagRule("m-rule", { groupId: fromManual, key: "env", value: "dev" }, dependsOnManual),
        member("m-cloudflare", { groupId: UNKNOWN }, { dependsOn: { groupId: [edge] } }),
      ],
    );
    expect(found).toEqual({ "m-member": "group", "m-rule": "group", "m-cloudflare": "unresolved" });
  });
});

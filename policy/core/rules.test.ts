import { ces, strongly } from "pulumi-resource-groups-contracts";
import { ruleErrors } from "./rules";

describe("ruleErrors", () => {
  it("gives the contract's messages, every broken rule at once", () => {
    expect(ruleErrors(ces.groupName, "web")).toEqual([]);
    expect(ruleErrors(ces.groupName, "web prod!" + "x".repeat(128))).toEqual([
      "group name must have at most 128 characters (got 137)",
      "group name may contain only CJK characters, letters, digits, '_' and '-'",
    ]);
    expect(ruleErrors(ces.groupName, "")).toEqual(["group name must not be empty"]);
  });

  it("judges the value as the vendor stores it (Strongly trims names)", () => {
    expect(ruleErrors(strongly.groupName, "  web  ")).toEqual([]);
    expect(ruleErrors(strongly.groupName, "   ")).toEqual(["name must not be empty after trimming"]);
    expect(ruleErrors(strongly.memberType, "vm")).toEqual([
      "type must be one of app, addon, workflow, workspace, ml_model, self_hosted_model, automl, fine_tuning",
    ]);
  });
});

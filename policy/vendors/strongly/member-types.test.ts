import { UNKNOWN, member, runResourceValidation, strongly, zopnight } from "../../testing";
import { parseStronglyMemberTypesConfig, stronglyMemberTypes } from "./member-types";

const ALL_TYPES = [
  "app",
  "addon",
  "workflow",
  "workspace",
  "ml_model",
  "self_hosted_model",
  "automl",
  "fine_tuning",
];
const ofType = (type: unknown) =>
  strongly.member("model", { groupId: "rg_0123456789abcdef", type, resourceId: "m-1", name: "churn model" });
const appsOnly = { allowed: ["app", "addon"] };

describe("resource-groups-strongly-member-types", () => {
  it("is mandatory, and restricts nothing until a list is configured", async () => {
    expect(stronglyMemberTypes.name).toBe("resource-groups-strongly-member-types");
    expect(stronglyMemberTypes.enforcementLevel).toBe("mandatory");
    expect(stronglyMemberTypes.configSchema?.properties["allowed"]?.default).toEqual(ALL_TYPES);
    expect(parseStronglyMemberTypesConfig({})).toEqual({ allowed: ALL_TYPES });
    const outcome = await runResourceValidation(stronglyMemberTypes, ofType("ml_model"));
    expect(outcome).toMatchObject({ violations: [], notApplicable: "every member type is allowed" });
  });

  it("reports a member type outside the configured list", async () => {
    expect((await runResourceValidation(stronglyMemberTypes, ofType("app"), appsOnly)).violations).toEqual(
      [],
    );
    const outcome = await runResourceValidation(stronglyMemberTypes, ofType("ml_model"), appsOnly);
    expect(outcome.messages).toEqual([
      "Strongly GroupMember 'model' field type is 'ml_model', which is not an allowed member type (config allowed: app, addon).",
    ]);
  });

  it("says so when the value is no member type at all", async () => {
    const outcome = await runResourceValidation(stronglyMemberTypes, ofType("vm"), appsOnly);
    expect(outcome.messages).toEqual([
      "Strongly GroupMember 'model' field type is 'vm', which is not a member type at all (config allowed: app, addon).",
    ]);
  });

  it("leaves an unknown type for the update, and a missing one to the provider", async () => {
    expect(await runResourceValidation(stronglyMemberTypes, ofType(UNKNOWN), appsOnly)).toEqual({
      violations: [],
      messages: [],
    });
    expect(
      (await runResourceValidation(stronglyMemberTypes, ofType(undefined), appsOnly)).violations,
    ).toEqual([]);
  });

  it("refuses every member when the list is empty", async () => {
    const outcome = await runResourceValidation(stronglyMemberTypes, ofType("app"), { allowed: [] });
    expect(outcome.messages).toEqual([expect.stringContaining("(config allowed: (none))")]);
  });

  it("does not apply to groups or to other vendors' members", async () => {
    for (const resource of [
      strongly.group("st", { name: "st", type: "ml_model" }),
      member("ces", { groupId: "rg1", type: "ml_model" }),
      zopnight.member("zn", { groupId: "grp_1", resource: "res_1", type: "ml_model" }),
      zopnight.groupMembers("zn-all", {
        groupId: "grp_1",
        members: [{ resource: "res_1", type: "ml_model" }],
      }),
    ]) {
      const outcome = await runResourceValidation(stronglyMemberTypes, resource, appsOnly);
      expect(outcome.notApplicable).toBe("applies to Strongly GroupMember and GroupMembers resources only");
    }
  });

  describe("GroupMembers", () => {
    const listing = (members: unknown) =>
      strongly.groupMembers("team", { groupId: "rg_0123456789abcdef", members });
    const entry = (type: unknown, resourceId: string) => ({ type, resourceId, name: resourceId });

    it("reports every listed member of a type outside the list, naming its position", async () => {
      const outcome = await runResourceValidation(
        stronglyMemberTypes,
        listing([entry("app", "web"), entry("ml_model", "churn"), entry("addon", "db"), entry("vm", "box")]),
        appsOnly,
      );
      expect(outcome.messages).toEqual([
        "Strongly GroupMembers 'team' field members[1].type is 'ml_model', which is not an allowed member type (config allowed: app, addon).",
        "Strongly GroupMembers 'team' field members[3].type is 'vm', which is not a member type at all (config allowed: app, addon).",
      ]);
    });

    it("passes a list of allowed types, an empty list, and restricts nothing by default", async () => {
      const allowed = await runResourceValidation(
        stronglyMemberTypes,
        listing([entry("app", "web"), entry("addon", "db")]),
        appsOnly,
      );
      expect(allowed).toEqual({ violations: [], messages: [] });
      expect((await runResourceValidation(stronglyMemberTypes, listing([]), appsOnly)).violations).toEqual(
        [],
      );
      const byDefault = await runResourceValidation(
        stronglyMemberTypes,
        listing([entry("ml_model", "churn")]),
      );
      expect(byDefault).toMatchObject({ violations: [], notApplicable: "every member type is allowed" });
    });

    it("leaves a list, a member or a type not known yet for the update", async () => {
      for (const members of [UNKNOWN, [UNKNOWN, entry(UNKNOWN, "churn"), entry("app", "web")]]) {
        const outcome = await runResourceValidation(stronglyMemberTypes, listing(members), appsOnly);
        expect(outcome).toEqual({ violations: [], messages: [] });
      }
      const mixed = await runResourceValidation(
        stronglyMemberTypes,
        listing([UNKNOWN, entry("automl", "auto")]),
        appsOnly,
      );
      expect(mixed.messages).toEqual([expect.stringContaining("field members[1].type is 'automl'")]);
    });
  });

  it("validates its config against the contracts' member types", () => {
    expect(() => parseStronglyMemberTypesConfig({ allowed: ["app", "vm"] })).toThrow(
      "invalid config for policy 'resource-groups-strongly-member-types': 'allowed' has unknown member type(s) vm " +
        "(member types: app, addon, workflow, workspace, ml_model, self_hosted_model, automl, fine_tuning)",
    );
    expect(parseStronglyMemberTypesConfig({ allowed: ["app", "app"] })).toEqual({ allowed: ["app"] });
  });
});

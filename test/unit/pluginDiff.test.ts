/**
 * What the provider plugin tells the engine beside a handler's decision: the type token and name of a
 * URN, and the property-level diff (lists compared as sets, replacements marked).
 */
import { detailedDiff, PROPERTY_DIFF } from "../../plugin/server/detailedDiff";
import { nameOfUrn, typeOfUrn } from "../../plugin/server/urn";

describe("URNs", () => {
  it("give the type token of a resource, with or without a parent type", () => {
    expect(typeOfUrn("urn:pulumi:dev::groups::resourcegroups:ces:ResourceGroup::web")).toBe(
      "resourcegroups:ces:ResourceGroup",
    );
    expect(
      typeOfUrn("urn:pulumi:dev::groups::my:component:Tier$resourcegroups:cloudflare:GroupMember::shop"),
    ).toBe("resourcegroups:cloudflare:GroupMember");
  });

  it("give the resource's name, even one holding ::", () => {
    expect(nameOfUrn("urn:pulumi:dev::groups::resourcegroups:ces:ResourceGroup::web::blue")).toBe(
      "web::blue",
    );
  });
});

describe("the detailed diff", () => {
  const args = ["name", "zones", "accountId", "description"];

  it("names each changed argument, replacements marked", () => {
    const olds = { name: "edge", zones: ["a", "b"], accountId: "acc-1", groupId: "g1" };
    const news = { name: "edge 2", zones: ["a", "b"], accountId: "acc-2", description: "new" };
    expect(detailedDiff(args, olds, news, ["accountId"])).toEqual({
      name: PROPERTY_DIFF.UPDATE,
      accountId: PROPERTY_DIFF.UPDATE_REPLACE,
      description: PROPERTY_DIFF.ADD,
    });
  });

  it("compares lists as sets and leaves outputs out", () => {
    const olds = { name: "edge", zones: ["b", "a"], groupId: "g1" };
    const news = { name: "edge", zones: ["a", "b"] };
    expect(detailedDiff(args, olds, news, [])).toEqual({});
  });

  it("marks a removed argument, and a replaced one the comparison finds equal", () => {
    const olds = { name: "edge", description: "old", accountId: "acc-1" };
    const news = { name: "edge", accountId: "acc-1" };
    expect(detailedDiff(args, olds, news, ["accountId"])).toEqual({
      description: PROPERTY_DIFF.DELETE,
      accountId: PROPERTY_DIFF.UPDATE_REPLACE,
    });
  });
});

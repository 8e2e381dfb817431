import { resourceProps } from "../../provider/core/resourceProps";

interface Args {
  groupId: string;
  description?: string;
}

describe("resourceProps", () => {
  it("keeps every argument given, those the kind does not take too, for check() to refuse", () => {
    const args = { groupId: "g", desc: "typo" } as Args;
    expect(resourceProps(args, ["groupId", "description"])).toEqual({
      groupId: "g",
      desc: "typo",
      description: undefined,
    });
  });

  it("has a property for each input not given and each output, unknown until the provider answers", () => {
    const props = resourceProps<Args>({ groupId: "g" }, ["groupId", "description"], ["createdAt"]);
    expect(Object.keys(props).sort()).toEqual(["createdAt", "description", "groupId"]);
    expect(props.createdAt).toBeUndefined();
  });

  it("leaves no value in an output, even one passed as an argument", () => {
    const args = { groupId: "g", createdAt: "yesterday" } as Args;
    expect(resourceProps(args, ["groupId"], ["createdAt"]).createdAt).toBeUndefined();
  });
});

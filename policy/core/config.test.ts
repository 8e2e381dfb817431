import { stringArray, stringListField } from "./config";

describe("stringListField", () => {
  it("declares distinct strings, each held to the extra rule, defaulting to the fallback", () => {
    const fallback = ["env", "owner"];
    const schema = stringListField("Tag keys.", fallback, { minLength: 1 });
    expect(schema).toEqual({
      description: "Tag keys.",
      type: "array",
      items: { type: "string", minLength: 1 },
      uniqueItems: true,
      default: ["env", "owner"],
    });
    expect(schema.default).not.toBe(fallback);
  });

  it("defaults to what stringArray falls back to when the field is not set", () => {
    const schema = stringListField("Names.", ["a"]);
    expect(stringArray("p", "names", undefined, ["a"])).toEqual(schema.default);
  });
});

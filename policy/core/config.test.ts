import { choiceListField, chosenFrom, stringArray, stringListConfig, stringListField } from "./config";

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

describe("choiceListField", () => {
  it("declares a list of the known values only, all of them by default", () => {
    expect(choiceListField("Types.", ["a", "b"])).toMatchObject({
      items: { type: "string", enum: ["a", "b"] },
      uniqueItems: true,
      default: ["a", "b"],
    });
  });
});

describe("chosenFrom", () => {
  const known = ["app", "addon", "workflow"] as const;

  it("takes every known value when not set, and the distinct chosen ones otherwise", () => {
    expect(chosenFrom("p", "allowed", undefined, known, "member type")).toEqual(["app", "addon", "workflow"]);
    expect(chosenFrom("p", "allowed", ["app", "app"], known, "member type")).toEqual(["app"]);
  });

  it("refuses a value that is not known, naming it and the known ones", () => {
    expect(() => chosenFrom("p", "allowed", ["app", "model"], known, "member type")).toThrow(
      "invalid config for policy 'p': 'allowed' has unknown member type(s) model (member types: app, addon, workflow)",
    );
  });
});

describe("stringListConfig", () => {
  const config = stringListConfig("p", "keys", "Keys.", ["env"]);

  it("declares the one field, and parses an empty config to the default it declares", () => {
    expect(Object.keys(config.schema.properties)).toEqual(["keys"]);
    expect(config.parse({})).toEqual({ keys: config.schema.properties.keys?.default });
    expect(config.parse({ keys: ["owner", "owner"] })).toEqual({ keys: ["owner"] });
  });

  it("refuses a field that is not a list of strings, naming the policy", () => {
    expect(() => config.parse({ keys: "env" })).toThrow(
      "invalid config for policy 'p': 'keys' must be an array",
    );
  });
});

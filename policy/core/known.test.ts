import * as policySdk from "@pulumi/policy";
import { Secret } from "@pulumi/policy";
import { ENGINE_UNKNOWN, testResource, runResourceValidation } from "../testing";
import {
  UNKNOWN,
  UNKNOWN_SENTINELS,
  asString,
  isUnknownValueError,
  readField,
  readListed,
  readStrings,
  toPlain,
} from "./known";
import type { Plain } from "./known";

/** @pulumi/policy's own proxy, as the analyzer wraps props. */
function proxied(value: object): object {
  const sdk = policySdk as unknown as Record<string, unknown>;
  const make = sdk["unknownCheckingProxy"] as (target: object) => object;
  return make(value);
}

describe("readField", () => {
  it("turns a value the proxy reports as unknown into UNKNOWN instead of throwing", () => {
    const props = proxied({ groupId: ENGINE_UNKNOWN, name: "web" });
    expect(() => (props as Record<string, unknown>)["groupId"]).toThrow(/can't be known during preview/);
    expect(readField(props, "groupId")).toBe(UNKNOWN);
    expect(readField(props, "name")).toBe("web");
    expect(readField(props, "absent")).toBeUndefined();
  });

  it("copies nested values, marking only the unknown parts", () => {
    const props = proxied({
      tags: [{ key: "env", value: ENGINE_UNKNOWN }, ENGINE_UNKNOWN, { key: "owner" }],
    });
    expect(readField(props, "tags")).toEqual([{ key: "env", value: UNKNOWN }, UNKNOWN, { key: "owner" }]);
  });

  it("recognizes every engine sentinel, also without the proxy", () => {
    expect(UNKNOWN_SENTINELS.size).toBe(7);
    for (const sentinel of UNKNOWN_SENTINELS) {
      expect(toPlain(sentinel)).toBe(UNKNOWN);
    }
  });

  it("unwraps secrets", () => {
    expect(toPlain({ value: new Secret("s3cr3t") })).toEqual({ value: "s3cr3t" });
  });
});

describe("readListed", () => {
  const read = (item: { [key: string]: Plain }) => ({ key: asString(item["key"]) });

  it("reads each object of a list with its position, leaving out items that are not objects", () => {
    expect(readListed([{ key: "a" }, "junk", null, { key: 3 }], read, { key: UNKNOWN })).toEqual([
      { key: "a", index: 0 },
      { key: undefined, index: 3 },
    ]);
    expect(readListed([], read, { key: UNKNOWN })).toEqual([]);
  });

  it("keeps a list or an item not known yet, and tells an absent list apart", () => {
    expect(readListed(UNKNOWN, read, { key: UNKNOWN })).toBe(UNKNOWN);
    expect(readListed([UNKNOWN, { key: "b" }], read, { key: UNKNOWN })).toEqual([
      { key: UNKNOWN, index: 0 },
      { key: "b", index: 1 },
    ]);
    expect(readListed(undefined, read, { key: UNKNOWN })).toBeUndefined();
    expect(readListed({ key: "a" }, read, { key: UNKNOWN })).toBeUndefined();
  });
});

describe("readStrings", () => {
  it("reads each field as a string, UNKNOWN, or undefined when absent or not a string", () => {
    const props = proxied({ name: "web", groupId: ENGINE_UNKNOWN, count: 3 });
    expect(readStrings(props, ["name", "groupId", "count", "absent"])).toEqual({
      name: "web",
      groupId: UNKNOWN,
      count: undefined,
      absent: undefined,
    });
  });
});

describe("isUnknownValueError", () => {
  it("matches the proxy's error only", () => {
    let caught: unknown;
    try {
      void (proxied({ a: ENGINE_UNKNOWN }) as Record<string, unknown>)["a"];
    } catch (error) {
      caught = error;
    }
    expect(isUnknownValueError(caught)).toBe(true);
    expect(isUnknownValueError(new Error("boom"))).toBe(false);
    expect(isUnknownValueError("boom")).toBe(false);
  });
});

describe("the test helper", () => {
  it("lets an unknown escape like the engine would (so policies are really tested against preview data)", async () => {
    const careless = {
      name: "careless",
      description: "reads props directly",
      validateResource: (args: { props: Record<string, unknown> }) => {
        void String(args.props["groupId"]);
      },
    };
    const outcome = await runResourceValidation(careless, testResource("t", "x", { groupId: UNKNOWN }));
    expect(outcome.skippedInPreview).toMatch(/\.groupId can't be known during preview/);
  });
});

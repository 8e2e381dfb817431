/** The Cloudflare field rules of provider/vendors/cloudflare/contracts.ts, on both sides of every limit. */
import type { z } from "zod";
import {
  ACCOUNT_KEY_PREFIX,
  ALL_OBJECTS,
  CLOUDFLARE_LIMITS,
  HEX32,
  ZONE_KEY_PREFIX,
  accountId,
  accountKey,
  builtInGroupName,
  groupId,
  groupName,
  scopeKey,
  scopeObjectKey,
  scopeObjectKeys,
  zoneId,
  zoneIdOfKey,
  zoneKey,
} from "pulumi-resource-groups-contracts/cloudflare";

const ACCOUNT = "0123456789abcdef0123456789abcdef";

/** A distinct zone id per number. */
function zone(n: number): string {
  return n.toString(16).padStart(32, "0");
}

function issues(schema: z.ZodType, value: unknown): { path: PropertyKey[]; message: string }[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

function messages(schema: z.ZodType, value: unknown): string[] {
  return issues(schema, value).map((i) => i.message);
}

test("constants and key helpers", () => {
  expect(CLOUDFLARE_LIMITS).toEqual({ nameMax: 255, scopeObjectsMin: 1, scopeObjectsMax: 100 });
  expect(ALL_OBJECTS).toBe("*");
  expect(accountKey(ACCOUNT)).toBe(`com.cloudflare.api.account.${ACCOUNT}`);
  expect(accountKey(ACCOUNT).startsWith(ACCOUNT_KEY_PREFIX)).toBe(true);
  expect(zoneKey(zone(1))).toBe(`com.cloudflare.api.account.zone.${zone(1)}`);
  expect(zoneKey(zone(1)).startsWith(ZONE_KEY_PREFIX)).toBe(true);
  expect(builtInGroupName(ACCOUNT)).toBe(accountKey(ACCOUNT));
});

test("zoneIdOfKey answers the zone id of well-formed zone keys only", () => {
  expect(zoneIdOfKey(zoneKey(zone(7)))).toBe(zone(7));
  expect(zoneIdOfKey(ALL_OBJECTS)).toBeUndefined();
  expect(zoneIdOfKey(accountKey(ACCOUNT))).toBeUndefined();
  expect(zoneIdOfKey(ZONE_KEY_PREFIX + zone(7).toUpperCase().replace(/0/g, "A"))).toBeUndefined();
  expect(zoneIdOfKey(ZONE_KEY_PREFIX + zone(7).slice(1))).toBeUndefined();
  expect(zoneIdOfKey(`${zoneKey(zone(7))}0`)).toBeUndefined();
});

describe.each([
  ["account id", accountId],
  ["resource group id", groupId],
  ["zone id", zoneId],
])("%s", (what, schema) => {
  test("32 lowercase hex characters pass", () => {
    expect(HEX32.test(ACCOUNT)).toBe(true);
    expect(schema.parse(ACCOUNT)).toBe(ACCOUNT);
    expect(schema.parse("f".repeat(32))).toBe("f".repeat(32));
  });

  test.each([
    ["31 characters", "a".repeat(31)],
    ["33 characters", "a".repeat(33)],
    ["uppercase", "A".repeat(32)],
    ["a non-hex letter", `${"a".repeat(31)}g`],
    ["empty", ""],
  ])("%s fail, naming the rule", (_label, value) => {
    expect(messages(schema, value)).toEqual([`${what} must be 32 lowercase hexadecimal characters`]);
  });

  test("missing and mistyped values have their own messages", () => {
    expect(messages(schema, undefined)).toEqual([`${what} is required`]);
    expect(messages(schema, 12)).toEqual([`${what} must be a string`]);
  });
});

describe("groupName", () => {
  test.each([
    ["1 character", "a"],
    ["255 characters", "n".repeat(255)],
    ["255 code points of 2 UTF-16 units each", "😀".repeat(255)],
    ["inner spaces", "web servers, prod"],
    ["U+0080 and other non-ASCII", "caf\u00e9 \u0080 \u4e2d"],
    ["a name like the built-in's", accountKey(ACCOUNT)],
  ])("%s passes", (_label, name) => {
    expect(groupName.parse(name)).toBe(name);
  });

  test("256 characters fail, counted in code points", () => {
    expect(messages(groupName, "n".repeat(256))).toEqual(["name must have at most 255 characters (got 256)"]);
    expect(messages(groupName, "😀".repeat(256))).toEqual([
      "name must have at most 255 characters (got 256)",
    ]);
  });

  test("empty, missing and non-string names fail", () => {
    expect(messages(groupName, "")).toEqual(["name must not be empty"]);
    expect(messages(groupName, undefined)).toEqual(["name is required"]);
    expect(messages(groupName, null)).toEqual(["name must be a string"]);
  });

  test.each([
    ["U+0000", "a\u0000b"],
    ["U+001F", "a\u001fb"],
    ["a tab", "a\tb"],
    ["a newline", "a\nb"],
    ["U+007F", "a\u007fb"],
  ])("a control character (%s) fails", (_label, name) => {
    expect(messages(groupName, name)).toEqual([
      "name must not contain control characters (U+0000-U+001F, U+007F)",
    ]);
  });

  test.each([
    ["a leading space", " web"],
    ["a trailing space", "web "],
    ["only a space", " "],
  ])("%s fails", (_label, name) => {
    expect(messages(groupName, name)).toEqual(["name must not start or end with a space"]);
  });
});

describe("scopeKey", () => {
  test("is the account's own key and nothing else", () => {
    expect(scopeKey(ACCOUNT).parse(accountKey(ACCOUNT))).toBe(accountKey(ACCOUNT));
    const rule = `scope key must be '${accountKey(ACCOUNT)}' (the account's own key)`;
    expect(messages(scopeKey(ACCOUNT), accountKey("f".repeat(32)))).toEqual([rule]);
    expect(messages(scopeKey(ACCOUNT), `${accountKey(ACCOUNT)} `)).toEqual([rule]);
    expect(messages(scopeKey(ACCOUNT), undefined)).toEqual(["scope key is required"]);
  });
});

describe("scopeObjectKey", () => {
  test.each([["*"], [zoneKey(zone(1))], [zoneKey("f".repeat(32))]])("%s passes", (key) => {
    expect(scopeObjectKey.parse(key)).toBe(key);
  });

  test.each([
    ["a zone id of 31 characters", ZONE_KEY_PREFIX + "a".repeat(31)],
    ["a zone id of 33 characters", ZONE_KEY_PREFIX + "a".repeat(33)],
    ["an uppercase zone id", ZONE_KEY_PREFIX + "A".repeat(32)],
    ["the account key", accountKey(ACCOUNT)],
    ["a bare zone id", zone(1)],
    ["two stars", "**"],
    ["empty", ""],
  ])("%s fails, naming the rule and the key", (_label, key) => {
    expect(messages(scopeObjectKey, key)).toEqual([
      `scope object key must be '*' or '${ZONE_KEY_PREFIX}<zone id>' with a zone id of 32 lowercase ` +
        `hexadecimal characters (got '${key}')`,
    ]);
  });

  test("missing and mistyped keys", () => {
    expect(messages(scopeObjectKey, undefined)).toEqual(["scope object key is required"]);
    expect(messages(scopeObjectKey, 1)).toEqual(["scope object key must be a string"]);
  });
});

describe("scopeObjectKeys", () => {
  const zones = (n: number): string[] => Array.from({ length: n }, (_, i) => zoneKey(zone(i + 1)));

  test("1 and 100 keys pass, and '*' alone", () => {
    expect(scopeObjectKeys.parse(zones(1))).toEqual(zones(1));
    expect(scopeObjectKeys.parse(zones(100))).toHaveLength(100);
    expect(scopeObjectKeys.parse(["*"])).toEqual(["*"]);
  });

  test("0 and 101 keys fail, on the list itself", () => {
    expect(issues(scopeObjectKeys, [])).toEqual([
      { path: [], message: "scope objects must have at least 1 key" },
    ]);
    expect(issues(scopeObjectKeys, zones(101))).toEqual([
      { path: [], message: "scope objects must have at most 100 keys (got 101)" },
    ]);
  });

  test("a repeated key fails, on the list itself", () => {
    const key = zoneKey(zone(3));
    expect(issues(scopeObjectKeys, [key, zoneKey(zone(4)), key])).toEqual([
      { path: [], message: `scope objects must be distinct ('${key}' appears more than once)` },
    ]);
    expect(issues(scopeObjectKeys, ["*", "*"])).toEqual([
      { path: [], message: "scope objects must be distinct ('*' appears more than once)" },
    ]);
  });

  test("'*' beside other keys fails, on the list itself, wherever it stands", () => {
    const rule = {
      path: [],
      message: "scope object '*' (the whole account) must stand alone, not beside other keys",
    };
    expect(issues(scopeObjectKeys, ["*", zoneKey(zone(1))])).toEqual([rule]);
    expect(issues(scopeObjectKeys, [zoneKey(zone(1)), "*"])).toEqual([rule]);
  });

  test("a bad key fails on its index", () => {
    const found = issues(scopeObjectKeys, [zoneKey(zone(1)), "zone-2"]);
    expect(found.map((i) => i.path)).toEqual([[1]]);
    expect(found[0]?.message).toMatch(/^scope object key must be .*\(got 'zone-2'\)$/);
  });

  test("anything but a list fails", () => {
    expect(messages(scopeObjectKeys, "*")).toEqual(["scope objects must be a list"]);
  });
});

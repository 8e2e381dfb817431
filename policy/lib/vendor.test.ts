/**
 * The pack carries its own copy of the vendor rules (it must load without the rest of the repository);
 * these tests fail as soon as the copy and the provider's schemas disagree.
 */
import * as fields from "../../provider/vendors/ces/contracts";
import { GROUP_TYPES } from "../resource-types";
import {
  NAME_CHARSET,
  NAME_CHARSET_RULE,
  VENDOR_LIMITS,
  charLength,
  groupNameErrors,
  tagKeyErrors,
  tagValueErrors,
} from "./vendor";

function zodMessages(
  schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: string,
): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : (result.error?.issues ?? []).map((issue) => issue.message);
}

describe("vendor rules copied from provider/schemas/ces/fields.ts", () => {
  it("has the same limits, charset, wording and group types", () => {
    expect(VENDOR_LIMITS.groupNameMax).toBe(fields.CES_LIMITS.groupNameMax);
    expect(VENDOR_LIMITS.tagsMax).toBe(fields.CES_LIMITS.tagsMax);
    expect(VENDOR_LIMITS.tagKeyMax).toBe(fields.CES_LIMITS.tagKeyMax);
    expect(VENDOR_LIMITS.tagValueMax).toBe(fields.CES_LIMITS.tagValueMax);
    expect(NAME_CHARSET.source).toBe(fields.NAME_CHARSET.source);
    expect(NAME_CHARSET_RULE).toBe(fields.NAME_CHARSET_RULE);
    expect([...GROUP_TYPES]).toEqual([...fields.GROUP_TYPES]);
  });

  const samples = [
    "web",
    "",
    "资源组-一",
    "a".repeat(128),
    "a".repeat(129),
    "组".repeat(129),
    "web prod",
    "web.prod!",
    "x".repeat(37),
    "x".repeat(44),
  ];

  it.each(samples)("gives the provider's messages for %j", (sample) => {
    expect(groupNameErrors(sample)).toEqual(zodMessages(fields.groupName, sample));
    expect(tagKeyErrors(sample)).toEqual(zodMessages(fields.tagKey, sample));
    expect(tagValueErrors(sample)).toEqual(zodMessages(fields.tagValue, sample));
  });

  it("counts code points", () => {
    expect(charLength("组".repeat(3))).toBe(fields.charLength("组".repeat(3)));
    expect(groupNameErrors("组".repeat(128))).toEqual([]);
  });
});

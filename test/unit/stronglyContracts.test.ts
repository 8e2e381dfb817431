import type { z } from "zod";
import {
  MEMBER_TYPES,
  createGroupBody,
  description,
  groupId,
  groupName,
  listLimit,
  listOffset,
  memberBody,
  memberName,
  memberType,
  resourceId,
  sort,
  updateGroupBody,
} from "pulumi-resource-groups-contracts/strongly";

function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

function expectValid(schema: z.ZodType, value: unknown): void {
  expect(messages(schema, value)).toEqual([]);
}

function expectInvalid(schema: z.ZodType, value: unknown, message: RegExp): void {
  expect(messages(schema, value)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
}

describe("group name", () => {
  it("accepts 1 and 100 characters, refuses 101 and an empty name", () => {
    expectValid(groupName, "a");
    expectValid(groupName, "a".repeat(100));
    expectInvalid(
      groupName,
      "a".repeat(101),
      /^name must have at most 100 characters after trimming \(got 101\)$/,
    );
    expectInvalid(groupName, "", /^name must not be empty after trimming$/);
  });

  it("measures and returns the trimmed name", () => {
    expect(groupName.parse("  Production  ")).toBe("Production");
    expectValid(groupName, `  ${"a".repeat(100)}\t`);
    expectInvalid(groupName, "   ", /must not be empty after trimming/);
  });

  it("counts characters, not UTF-16 units", () => {
    expectValid(groupName, "😀".repeat(100));
    expectInvalid(groupName, "😀".repeat(101), /\(got 101\)/);
  });

  it("refuses a non-string", () => {
    expectInvalid(groupName, 42, /^name must be a string$/);
  });
});

describe("description", () => {
  it("accepts 0 and 500 characters, refuses 501", () => {
    expectValid(description, "");
    expectValid(description, "d".repeat(500));
    expectInvalid(description, "d".repeat(501), /^description must have at most 500 characters \(got 501\)$/);
    expectInvalid(description, null, /^description must be a string$/);
  });
});

describe("member fields", () => {
  it("accepts each of the eight types and nothing else", () => {
    expect(MEMBER_TYPES).toHaveLength(8);
    for (const type of MEMBER_TYPES) expectValid(memberType, type);
    expectInvalid(memberType, "database", /^type must be one of app, addon, workflow, workspace, ml_model/);
    expectInvalid(memberType, "App", /^type must be one of/);
  });

  it("accepts resource ids of 1 and 128 allowed characters, refuses 0, 129 and others", () => {
    expectValid(resourceId, "a");
    expectValid(resourceId, "wf_001-A".padEnd(128, "x"));
    expectInvalid(resourceId, "", /^resourceId must not be empty$/);
    expectInvalid(resourceId, "x".repeat(129), /^resourceId must have at most 128 characters \(got 129\)$/);
    expectInvalid(resourceId, "wf.001", /may contain only letters, digits, '_' and '-'/);
    expectInvalid(resourceId, "wf 001", /may contain only/);
  });

  it("accepts member names of 1 and 200 characters, refuses 0 and 201", () => {
    expectValid(memberName, "n");
    expectValid(memberName, "n".repeat(200));
    expectInvalid(memberName, "", /^name must not be empty$/);
    expectInvalid(memberName, "n".repeat(201), /^name must have at most 200 characters \(got 201\)$/);
  });

  it("sets the field path of a member body and refuses unknown fields", () => {
    const result = memberBody.safeParse({ type: "app", resourceId: "", name: "x", extra: 1 });
    expect(result.success).toBe(false);
    const issues = result.error?.issues ?? [];
    expect(issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["resourceId", ""]));
    expect(issues.find((i) => i.code === "unrecognized_keys")).toBeDefined();
  });
});

describe("group id", () => {
  it("is rg_ and 16 lowercase letters or digits", () => {
    expectValid(groupId, "rg_abcdefgh01234567");
    expectInvalid(groupId, "rg_abcdefgh0123456", /^groupId must be 'rg_' followed by 16 lowercase/);
    expectInvalid(groupId, "rg_abcdefgh012345678", /'rg_' followed by 16/);
    expectInvalid(groupId, "rg_ABCDEFGH01234567", /'rg_' followed by 16/);
    expectInvalid(groupId, "rgXabcdefgh01234567", /'rg_' followed by 16/);
  });
});

describe("write bodies", () => {
  it("create needs a name; description is optional", () => {
    expect(createGroupBody.parse({ name: " x " })).toEqual({ name: "x" });
    expect(messages(createGroupBody, {})).toEqual(["name must be a string"]);
  });

  it("update needs at least one of name and description", () => {
    expect(updateGroupBody.parse({ description: "" })).toEqual({ description: "" });
    expect(updateGroupBody.parse({ name: "n" })).toEqual({ name: "n" });
    expectInvalid(updateGroupBody, {}, /at least one of name and description/);
  });
});

describe("list query", () => {
  it("limit is 1-100", () => {
    expect(listLimit.parse("1")).toBe(1);
    expect(listLimit.parse("100")).toBe(100);
    expectInvalid(listLimit, "0", /^limit must be an integer from 1 to 100 \(got '0'\)$/);
    expectInvalid(listLimit, "101", /from 1 to 100/);
    expectInvalid(listLimit, "1.5", /from 1 to 100/);
    expectInvalid(listLimit, "", /from 1 to 100/);
  });

  it("offset is at least 0", () => {
    expect(listOffset.parse("0")).toBe(0);
    expect(listOffset.parse("12345")).toBe(12345);
    expectInvalid(listOffset, "-1", /^offset must be an integer at least 0 \(got '-1'\)$/);
    expectInvalid(listOffset, "x", /at least 0/);
  });

  it("sort is a field with an optional leading minus", () => {
    expect(sort.parse("name")).toEqual({ field: "name", descending: false });
    expect(sort.parse("-updatedAt")).toEqual({ field: "updatedAt", descending: true });
    expect(sort.parse("createdAt")).toEqual({ field: "createdAt", descending: false });
    expectInvalid(sort, "status", /^sort must be one of name, createdAt, updatedAt/);
    expectInvalid(sort, "+name", /sort must be one of/);
    expectInvalid(sort, "--name", /sort must be one of/);
    expectInvalid(sort, "name:asc", /sort must be one of/);
  });
});

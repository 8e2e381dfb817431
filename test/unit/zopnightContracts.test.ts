import type { z } from "zod";
import {
  TIERS,
  createGroupBody,
  executionOrder,
  executionTier,
  groupDescription,
  groupId,
  groupName,
  inventoryResource,
  isResourceId,
  parsePaging,
  resourceId,
  sequenceBody,
  tierNumber,
  updateGroupBody,
} from "pulumi-resource-groups-contracts/zopnight";

function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

function expectValid(schema: z.ZodType, value: unknown): void {
  expect(messages(schema, value)).toEqual([]);
}

function expectRule(schema: z.ZodType, value: unknown, rule: RegExp): void {
  expect(messages(schema, value)).toEqual(expect.arrayContaining([expect.stringMatching(rule)]));
}

describe("ZopNight group name", () => {
  it("accepts 1 and 100 characters and refuses 101", () => {
    expectValid(groupName, "a");
    expectValid(groupName, "a".repeat(100));
    expectRule(
      groupName,
      "a".repeat(101),
      /name must have at most 100 characters after trimming \(got 101\)/,
    );
  });

  it("trims before counting and stores the trimmed name", () => {
    expect(groupName.parse(`  ${"a".repeat(100)}\t`)).toBe("a".repeat(100));
    expectRule(groupName, ` ${"a".repeat(101)} `, /\(got 101\)/);
  });

  it("refuses an empty or blank name", () => {
    expectRule(groupName, "", /name must not be empty/);
    expectRule(groupName, "   ", /name must not be empty \(after trimming\)/);
  });

  it("counts characters, not UTF-16 units", () => {
    expectValid(groupName, "🚀".repeat(100));
    expectRule(groupName, "🚀".repeat(101), /\(got 101\)/);
  });

  it("names a missing or mistyped name", () => {
    expectRule(groupName, undefined, /^: name is required$/);
    expectRule(groupName, 5, /name must be a string \(got number\)/);
  });
});

describe("ZopNight group description", () => {
  it("accepts empty and 500 characters and refuses 501", () => {
    expectValid(groupDescription, "");
    expectValid(groupDescription, "d".repeat(500));
    expectRule(groupDescription, "d".repeat(501), /description must have at most 500 characters \(got 501\)/);
  });

  it("refuses a non-string", () => {
    expectRule(groupDescription, null, /description must be a string \(got null\)/);
  });
});

describe("ZopNight ids", () => {
  it("takes group ids of grp_ and 12 lowercase letters or digits", () => {
    expectValid(groupId, "grp_abc123def456");
    expectRule(groupId, "grp_abc123def45", /groupId must be 'grp_' followed by 12 lowercase/);
    expectRule(groupId, "grp_abc123def4567", /groupId must be/);
    expectRule(groupId, "grp_ABC123DEF456", /groupId must be/);
    expectRule(groupId, "rg_abc123def456", /groupId must be/);
  });

  it("takes resource ids of res_ and letters or digits", () => {
    expectValid(resourceId, "res_001");
    expectValid(resourceId, "res_AbC9");
    expectRule(resourceId, "res_", /resourceID must be 'res_' followed by letters or digits/);
    expectRule(resourceId, "res_a-b", /resourceID must be/);
    expectRule(resourceId, "i-0abc123def456", /resourceID must be/);
    expect(isResourceId("res_001")).toBe(true);
    expect(isResourceId("i-0abc123def456")).toBe(false);
  });
});

describe("ZopNight execution tier", () => {
  it("accepts tier-1 to tier-10 only", () => {
    for (const tier of TIERS) expectValid(executionTier, tier);
    expect(TIERS).toHaveLength(10);
    for (const tier of ["tier-0", "tier-11", "tier-01", "Tier-1", "tier1", ""]) {
      expectRule(executionTier, tier, /executionTier must be one of tier-1 to tier-10/);
    }
  });

  it("orders tiers by number", () => {
    expect(tierNumber("tier-1")).toBe(1);
    expect(tierNumber("tier-10")).toBe(10);
    expect(tierNumber("tier-11")).toBeNaN();
  });
});

describe("ZopNight execution order", () => {
  it("accepts 1 and 1000 and refuses 0 and 1001", () => {
    expectValid(executionOrder, 1);
    expectValid(executionOrder, 1000);
    expectRule(executionOrder, 0, /executionOrder must be at least 1 \(got 0\)/);
    expectRule(executionOrder, 1001, /executionOrder must be at most 1000 \(got 1001\)/);
  });

  it("refuses fractions and strings", () => {
    expectRule(executionOrder, 1.5, /executionOrder must be an integer \(got 1.5\)/);
    expectRule(executionOrder, "1", /executionOrder must be a JSON integer \(got string\)/);
  });
});

describe("ZopNight bodies", () => {
  it("creates with a trimmed name and an empty default description", () => {
    expect(createGroupBody.parse({ name: " web " })).toEqual({ name: "web", description: "" });
    expectRule(createGroupBody, {}, /^name: name is required$/);
  });

  it("updates with at least one field", () => {
    expectValid(updateGroupBody, { description: "x" });
    expectValid(updateGroupBody, { name: "x" });
    expectRule(updateGroupBody, {}, /at least one of name or description is required/);
  });

  it("sequences with both fields required", () => {
    expectValid(sequenceBody, { executionTier: "tier-2", executionOrder: 3 });
    expectRule(sequenceBody, { executionTier: "tier-2" }, /^executionOrder: executionOrder is required$/);
    expectRule(sequenceBody, { executionOrder: 3 }, /^executionTier: executionTier is required$/);
  });

  it("takes inventory resources with a known provider and every field", () => {
    const ok = {
      uid: "i-1",
      name: "web",
      type: "aws-ec2",
      provider: "aws",
      cloudAccountID: "123",
      region: "us-east-1",
    };
    expectValid(inventoryResource, ok);
    expectRule(
      inventoryResource,
      { ...ok, provider: "oci" },
      /provider must be one of aws, gcp, azure \(got "oci"\)/,
    );
    expectRule(inventoryResource, { ...ok, uid: " " }, /^uid: uid must not be empty$/);
    expectRule(inventoryResource, { ...ok, id: "x1" }, /^id: resourceID must be/);
  });
});

/** A typed stand-in for any string the pattern matches. */
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

describe("ZopNight list paging", () => {
  const paging = (q: string) => parsePaging(new URLSearchParams(q));

  it("defaults to page 1 of 20", () => {
    expect(paging("")).toEqual({ page: 1, limit: 20 });
  });

  it("accepts page 1 and limits 1 and 100", () => {
    expect(paging("page=1&limit=1")).toEqual({ page: 1, limit: 1 });
    expect(paging("page=7&limit=100")).toEqual({ page: 7, limit: 100 });
  });

  it("refuses page 0, limit 0, limit 101 and non-numbers, naming the parameter", () => {
    expect(paging("page=0")).toEqual({
      error: matching(/^page must be an integer of at least 1/),
    });
    expect(paging("page=x")).toEqual({ error: matching(/^page must/) });
    expect(paging("limit=0")).toEqual({
      error: matching(/^limit must be an integer from 1 to 100/),
    });
    expect(paging("limit=101")).toEqual({ error: matching(/\(got '101'\)/) });
    expect(paging("limit=2.5")).toEqual({ error: matching(/^limit must/) });
  });
});

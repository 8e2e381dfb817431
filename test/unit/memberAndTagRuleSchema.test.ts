import { handlers } from "../../provider/runtime";
import { useOfflineSettings } from "../support/offlineSettings";

useOfflineSettings();

const GROUP = "rg" + "A1".repeat(11);

async function failures(kind: "groupMember" | "tagRule", news: Record<string, unknown>) {
  return (await handlers[kind].check({}, news)).failures ?? [];
}

const member = (overrides: Record<string, unknown> = {}) => ({
  groupId: GROUP,
  namespace: "SYS.ECS",
  dimensions: [{ name: "instance_id", value: "i-1" }],
  ...overrides,
});

const dims = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `d${i}`, value: `v${i}` }));

describe("GroupMember check", () => {
  it("accepts a well-formed member", async () => {
    expect(await failures("groupMember", member())).toEqual([]);
  });

  it("checks the group id format", async () => {
    expect(await failures("groupMember", member({ groupId: "rg123" }))).toEqual([
      { property: "groupId", reason: "groupId must be 'rg' followed by 22 letters or digits" },
    ]);
  });

  it("checks the namespace at 3 and 32 characters and its shape", async () => {
    expect(await failures("groupMember", member({ namespace: "A.B" }))).toEqual([]);
    expect(await failures("groupMember", member({ namespace: "A" + ".B".padEnd(31, "x") }))).toEqual([]);
    const long = await failures("groupMember", member({ namespace: "A" + ".B".padEnd(32, "x") }));
    expect(long[0]).toEqual({ property: "namespace", reason: "namespace must have at most 32 characters" });
    const shapes = ["SYS", "1SYS.ECS", "SYS.ECS.X", "SYS.E-CS", "SYS."];
    for (const namespace of shapes) {
      const found = await failures("groupMember", member({ namespace }));
      expect(found.map((f) => f.property)).toContain("namespace");
    }
  });

  it("requires 1 to 4 dimensions", async () => {
    expect(await failures("groupMember", member({ dimensions: [] }))).toEqual([
      { property: "dimensions", reason: "dimensions must have at least 1 item" },
    ]);
    expect(await failures("groupMember", member({ dimensions: dims(4) }))).toEqual([]);
    expect(await failures("groupMember", member({ dimensions: dims(5) }))).toEqual([
      { property: "dimensions", reason: "dimensions must have at most 4 items" },
    ]);
  });

  it("checks dimension names and values at their limits", async () => {
    const ok = [{ name: "a".repeat(32), value: "v".repeat(256) }];
    expect(await failures("groupMember", member({ dimensions: ok }))).toEqual([]);
    const bad = [
      { name: "a".repeat(33), value: "v" },
      { name: "1abc", value: "v" },
      { name: "ok", value: "v".repeat(257) },
      { name: "ok2", value: "" },
    ];
    const found = await failures("groupMember", member({ dimensions: bad }));
    expect(found).toEqual([
      {
        property: "dimensions",
        reason: "dimensions[0].name: dimension name must have at most 32 characters",
      },
      {
        property: "dimensions",
        reason:
          "dimensions[1].name: dimension name must start with a letter, then letters, digits, '_' or '-'",
      },
      {
        property: "dimensions",
        reason: "dimensions[2].value: dimension value must have at most 256 characters",
      },
      { property: "dimensions", reason: "dimensions[3].value: dimension value must not be empty" },
    ]);
  });

  it("refuses a dimension name given twice", async () => {
    const found = await failures("groupMember", member({ dimensions: [dims(1)[0], dims(1)[0]] }));
    expect(found).toEqual([
      {
        property: "dimensions",
        reason: "dimensions[1].name: dimension names must be unique within a member ('d0' repeats)",
      },
    ]);
  });
});

describe("TagRule check", () => {
  it("defaults the value to empty", async () => {
    const result = await handlers.tagRule.check({}, { groupId: GROUP, key: "env" });
    expect(result.inputs).toEqual({ groupId: GROUP, key: "env", value: "" });
  });

  it("checks key 36/37 and value 43/44", async () => {
    expect(await failures("tagRule", { groupId: GROUP, key: "k".repeat(36), value: "v".repeat(43) })).toEqual(
      [],
    );
    expect(await failures("tagRule", { groupId: GROUP, key: "k".repeat(37), value: "v".repeat(44) })).toEqual(
      [
        { property: "key", reason: "tag key must have at most 36 characters (got 37)" },
        { property: "value", reason: "tag value must have at most 43 characters (got 44)" },
      ],
    );
  });
});

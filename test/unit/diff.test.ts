import { changedFields } from "../../provider/core/diff";
import { handlers } from "../../provider/runtime";

const EP = "d61d4705-5658-42f5-8e0c-70eb34d17b02";
const GROUP = "rg" + "A1".repeat(11);

const group = (overrides: Record<string, unknown> = {}) => ({
  name: "web",
  type: "TAG",
  tags: [{ key: "env", value: "prod" }],
  associationEpIds: [],
  enterpriseProjectId: "0",
  adopt: false,
  ...overrides,
});

const diffGroup = (olds: Record<string, unknown>, news: Record<string, unknown>) =>
  handlers.resourceGroup.diff(GROUP, { ...olds, groupId: GROUP, createTime: 1 }, news);

describe("ResourceGroup diff", () => {
  it("reports no change for the same declaration, whatever the tag order", async () => {
    const tags = [
      { key: "a", value: "1" },
      { key: "b", value: "2" },
    ];
    expect(await diffGroup(group({ tags }), group({ tags: [...tags].reverse() }))).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it("updates name and tags in place", async () => {
    expect(await diffGroup(group(), group({ name: "web2" }))).toEqual({ changes: true, replaces: [] });
    expect(await diffGroup(group(), group({ tags: [{ key: "env", value: "dev" }] }))).toEqual({
      changes: true,
      replaces: [],
    });
  });

  it("replaces, deleting first, on type, EPS ids and enterprise project", async () => {
    expect(await diffGroup(group(), group({ type: "Manual", tags: [] }))).toEqual({
      changes: true,
      replaces: ["type"],
      deleteBeforeReplace: true,
    });
    const eps = group({ type: "EPS", tags: [], associationEpIds: [EP] });
    expect(await diffGroup(eps, { ...eps, associationEpIds: [EP, "0"] })).toEqual({
      changes: true,
      replaces: ["associationEpIds"],
      deleteBeforeReplace: true,
    });
    expect(await diffGroup(group(), group({ enterpriseProjectId: EP }))).toEqual({
      changes: true,
      replaces: ["enterpriseProjectId"],
      deleteBeforeReplace: true,
    });
  });

  it("ignores the adopt flag", async () => {
    expect(await diffGroup(group(), group({ adopt: true }))).toEqual({ changes: false, replaces: [] });
  });

  it("treats a missing enterprise project in old state as the default", async () => {
    const { enterpriseProjectId: _omit, ...old } = group();
    expect(await diffGroup(old, group())).toEqual({ changes: false, replaces: [] });
  });
});

describe("GroupMember diff", () => {
  const member = { groupId: GROUP, namespace: "SYS.ECS", dimensions: [{ name: "a", value: "1" }] };

  it("replaces on any change and ignores dimension order", async () => {
    const two = { ...member, dimensions: [...member.dimensions, { name: "b", value: "2" }] };
    expect(
      await handlers.groupMember.diff("id", two, { ...two, dimensions: [...two.dimensions].reverse() }),
    ).toEqual({ changes: false, replaces: [] });
    expect(await handlers.groupMember.diff("id", member, { ...member, namespace: "SYS.RDS" })).toEqual({
      changes: true,
      replaces: ["namespace"],
    });
    expect(await handlers.groupMember.diff("id", member, two)).toEqual({
      changes: true,
      replaces: ["dimensions"],
    });
  });
});

describe("TagRule diff", () => {
  const rule = { groupId: GROUP, key: "env", value: "prod" };

  it("updates key and value in place and replaces on another group", async () => {
    expect(await handlers.tagRule.diff("id", rule, { ...rule, value: "dev" })).toEqual({
      changes: true,
      replaces: [],
    });
    expect(await handlers.tagRule.diff("id", rule, { ...rule, groupId: "rg" + "B2".repeat(11) })).toEqual({
      changes: true,
      replaces: ["groupId"],
    });
    expect(await handlers.tagRule.diff("id", rule, rule)).toEqual({ changes: false, replaces: [] });
  });
});

describe("changedFields", () => {
  it("tells each named field that differs, and no other", () => {
    const olds = { groupId: "g", key: "env", value: "prod", note: "a" };
    const news = { groupId: "g", key: "env", value: "dev", note: "b" };
    expect(changedFields(olds, news, ["groupId", "key", "value"])).toEqual({
      groupId: false,
      key: false,
      value: true,
    });
  });
});

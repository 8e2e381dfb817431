import { replaceOwnedTags } from "../../provider/vendors/ces/tags";

const t = (key: string, value = "") => ({ key, value });

describe("replaceOwnedTags", () => {
  it("removes only what the owner gave up and keeps other owners' tags", () => {
    const current = [t("env", "prod"), t("team", "a"), t("rule", "x")];
    expect(replaceOwnedTags(current, [t("env", "prod"), t("team", "a")], [t("env", "dev")])).toEqual([
      t("rule", "x"),
      t("env", "dev"),
    ]);
  });

  it("adds without duplicating a tag already there", () => {
    expect(replaceOwnedTags([t("a", "1")], [], [t("a", "1"), t("b")])).toEqual([t("a", "1"), t("b")]);
  });

  it("keeps a tag the owner still declares", () => {
    expect(replaceOwnedTags([t("a", "1"), t("b")], [t("a", "1")], [t("a", "1")])).toEqual([
      t("a", "1"),
      t("b"),
    ]);
  });
});

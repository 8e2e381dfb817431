import { handlers } from "../../provider/runtime";
import { UNKNOWN } from "../../provider/core/validate";
import { useOfflineSettings } from "../support/offlineSettings";

useOfflineSettings();

const check = (news: Record<string, unknown>) => handlers.resourceGroup.check({}, news);

async function failures(news: Record<string, unknown>) {
  return (await check(news)).failures ?? [];
}

async function expectOk(news: Record<string, unknown>) {
  expect(await failures(news)).toEqual([]);
}

async function expectFailure(news: Record<string, unknown>, property: string, reason: RegExp) {
  const found = await failures(news);
  expect(found).toEqual(
    expect.arrayContaining([{ property, reason: expect.stringMatching(reason) as string }]),
  );
}

const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));
const EP = "d61d4705-5658-42f5-8e0c-70eb34d17b02";

describe("ResourceGroup check: name", () => {
  it("accepts 128 characters and refuses 129", async () => {
    await expectOk({ name: "a".repeat(128) });
    await expectFailure({ name: "a".repeat(129) }, "name", /at most 128 characters \(got 129\)/);
  });

  it("counts CJK names in characters, not bytes", async () => {
    await expectOk({ name: "资源组".repeat(42) + "组a" });
    await expectOk({ name: "中".repeat(128) });
    await expectFailure({ name: "中".repeat(129) }, "name", /at most 128 characters \(got 129\)/);
  });

  it("refuses an empty name and characters outside the charset", async () => {
    await expectFailure({ name: "" }, "name", /must not be empty/);
    await expectFailure({ name: "web servers" }, "name", /only CJK characters, letters, digits, '_' and '-'/);
    await expectFailure({ name: "web.servers" }, "name", /only CJK/);
    await expectFailure({ name: "ｗｅｂ" }, "name", /only CJK/);
  });

  it("requires a name", async () => {
    await expectFailure({}, "name", /group name must be a string/);
  });
});

describe("ResourceGroup check: type and its conditional fields", () => {
  it("defaults the type to Manual and fills defaults", async () => {
    const result = await check({ name: "web" });
    expect(result.inputs).toEqual({
      name: "web",
      type: "Manual",
      tags: [],
      associationEpIds: [],
      enterpriseProjectId: "0",
      adopt: false,
    });
  });

  it("refuses an unknown type", async () => {
    await expectFailure({ name: "web", type: "NAME" }, "type", /one of Manual, TAG, EPS/);
  });

  it("requires 1 to 10 tags for TAG groups", async () => {
    await expectFailure({ name: "web", type: "TAG" }, "tags", /1 to 10 items when type is TAG \(got 0\)/);
    await expectOk({ name: "web", type: "TAG", tags: tags(1) });
    await expectOk({ name: "web", type: "TAG", tags: tags(10) });
    await expectFailure({ name: "web", type: "TAG", tags: tags(11) }, "tags", /1 to 10 items.*got 11/);
  });

  it("refuses tags on groups that are not TAG", async () => {
    await expectFailure(
      { name: "web", type: "Manual", tags: tags(1) },
      "tags",
      /only allowed when type is TAG/,
    );
  });

  it("refuses a repeated tag", async () => {
    const tag = { key: "env", value: "prod" };
    await expectFailure({ name: "web", type: "TAG", tags: [tag, tag] }, "tags", /must not repeat env=prod/);
  });

  it("checks tag keys at 36 and 37 characters", async () => {
    await expectOk({ name: "web", type: "TAG", tags: [{ key: "k".repeat(36) }] });
    await expectFailure(
      { name: "web", type: "TAG", tags: [{ key: "k".repeat(37) }] },
      "tags",
      /tag key must have at most 36 characters \(got 37\)/,
    );
  });

  it("checks tag values at 43 and 44 characters, and allows an empty value", async () => {
    await expectOk({ name: "web", type: "TAG", tags: [{ key: "env", value: "v".repeat(43) }] });
    await expectOk({ name: "web", type: "TAG", tags: [{ key: "env", value: "" }] });
    await expectFailure(
      { name: "web", type: "TAG", tags: [{ key: "env", value: "v".repeat(44) }] },
      "tags",
      /tag value must have at most 43 characters \(got 44\)/,
    );
    await expectFailure(
      { name: "web", type: "TAG", tags: [{ key: "env", value: "a b" }] },
      "tags",
      /only CJK/,
    );
  });

  it("requires 1 to 10 enterprise projects for EPS groups", async () => {
    await expectFailure({ name: "web", type: "EPS" }, "associationEpIds", /1 to 10 items when type is EPS/);
    await expectOk({ name: "web", type: "EPS", associationEpIds: Array(10).fill(EP) });
    await expectFailure(
      { name: "web", type: "EPS", associationEpIds: Array(11).fill(EP) },
      "associationEpIds",
      /got 11/,
    );
    await expectFailure(
      { name: "web", associationEpIds: [EP] },
      "associationEpIds",
      /only allowed when type is EPS/,
    );
  });
});

describe("ResourceGroup check: enterprise project id", () => {
  it("accepts a lowercase UUID and 0", async () => {
    await expectOk({ name: "web", enterpriseProjectId: EP });
    await expectOk({ name: "web", enterpriseProjectId: "0" });
  });

  it.each([
    ["uppercase", EP.toUpperCase()],
    ["short", "d61d4705-5658-42f5-8e0c-70eb34d17b0"],
    ["no dashes", EP.replace(/-/g, "")],
    ["other number", "1"],
  ])("refuses a malformed id (%s)", async (_what, id) => {
    await expectFailure(
      { name: "web", enterpriseProjectId: id },
      "enterpriseProjectId",
      /lowercase UUID .* or "0"/,
    );
  });

  it("checks each associated enterprise project id", async () => {
    await expectFailure(
      { name: "web", type: "EPS", associationEpIds: [EP, "NOPE"] },
      "associationEpIds",
      /lowercase UUID/,
    );
  });
});

describe("ResourceGroup check: values unknown during preview", () => {
  it("skips rules on values that are not known yet", async () => {
    await expectOk({ name: UNKNOWN });
    await expectOk({ name: "web", type: "TAG", tags: [{ key: UNKNOWN, value: "prod" }] });
  });

  it("still reports rules broken by known values", async () => {
    await expectFailure({ name: UNKNOWN, enterpriseProjectId: "X" }, "enterpriseProjectId", /lowercase UUID/);
  });
});

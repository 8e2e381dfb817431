/** Cloudflare IAM resource groups over HTTP: create, list, show, update, delete, the rules and the built-in group. */
import type { WireGroupAnswer } from "pulumi-resource-groups-contracts/cloudflare";
import type { RunningEmulator } from "../../emulator";
import {
  ACCOUNT,
  CloudflareClient,
  OTHER_ACCOUNT,
  accountKey,
  expectCloudflareError,
  expectOk,
  hexId,
  scope,
  zoneKey,
} from "./cloudflareClient";
import { startTestEmulator } from "./helpers";

let emulator: RunningEmulator;
let stop: () => Promise<void>;
let api: CloudflareClient;

beforeAll(async () => {
  ({ emulator, stop } = await startTestEmulator("cloudflare-groups"));
  api = new CloudflareClient(emulator);
});
afterAll(() => stop());
beforeEach(async () => {
  expect((await fetch(`${emulator.url}/_emulator/cloudflare/reset`, { method: "POST" })).status).toBe(200);
});

const zones = (n: number, from = 1): string[] => Array.from({ length: n }, (_, i) => zoneKey(from + i));

/** The body expected for a group made through the API. */
function made(id: string, name: string, keys: readonly string[], account = ACCOUNT): WireGroupAnswer {
  return {
    id,
    name,
    scope: [{ key: accountKey(account), objects: keys.map((key) => ({ key })) }],
    meta: { key: "editable", value: "true" },
  };
}

async function names(client = api): Promise<string[]> {
  return expectOk(await client.list()).map((g) => g.name);
}

describe("create", () => {
  test("answers 200 with the group: a 32-hex id, scope as a list of one element, editable meta", async () => {
    const reply = await api.create({ name: "web", scope: scope([zoneKey(2), zoneKey(1)]) });
    const group = expectOk(reply);
    expect(group.id).toMatch(/^[0-9a-f]{32}$/);
    expect(group).toEqual(made(group.id, "web", [zoneKey(2), zoneKey(1)]));
    expect(expectOk(await api.show(group.id))).toEqual(group);
  });

  test("every group gets its own id", async () => {
    const a = await api.createOk("a");
    const b = await api.createOk("b");
    expect(a.id).not.toBe(b.id);
  });

  test("1 and 100 scope objects pass; 0 and 101 fail on /scope/objects", async () => {
    expect((await api.createOk("one", zones(1))).scope[0]?.objects).toHaveLength(1);
    expect((await api.createOk("hundred", zones(100))).scope[0]?.objects).toHaveLength(100);
    expectCloudflareError(await api.create({ name: "none", scope: scope([]) }), 400, [
      { code: 1001, pointer: "/scope/objects", message: "scope objects must have at least 1 key" },
    ]);
    expectCloudflareError(await api.create({ name: "too-many", scope: scope(zones(101)) }), 400, [
      {
        code: 1001,
        pointer: "/scope/objects",
        message: "scope objects must have at most 100 keys (got 101)",
      },
    ]);
  });

  test("names of 1 and 255 characters pass, 256 fail; characters are code points", async () => {
    await api.createOk("x");
    await api.createOk("n".repeat(255));
    await api.createOk("😀".repeat(255));
    for (const name of ["n".repeat(256), "😀".repeat(256)]) {
      expectCloudflareError(await api.create({ name, scope: scope() }), 400, [
        { code: 1001, pointer: "/name", message: "name must have at most 255 characters (got 256)" },
      ]);
    }
  });

  test.each([
    ["an empty name", "", "name must not be empty"],
    ["a leading space", " web", "name must not start or end with a space"],
    ["a trailing space", "web ", "name must not start or end with a space"],
    ["U+0000", "a\u0000b", "name must not contain control characters (U+0000-U+001F, U+007F)"],
    ["U+001F", "a\u001fb", "name must not contain control characters (U+0000-U+001F, U+007F)"],
    ["U+007F", "a\u007fb", "name must not contain control characters (U+0000-U+001F, U+007F)"],
    ["a number", 42, "name must be a string"],
    ["a missing name", undefined, "name is required"],
  ])("%s -> 400 1001 on /name", async (_label, name, message) => {
    expectCloudflareError(await api.create({ name, scope: scope() }), 400, [
      { code: 1001, pointer: "/name", message },
    ]);
  });

  test("inner spaces and characters from U+0080 up are fine", async () => {
    await api.createOk("web servers \u0080 caf\u00e9 \u4e2d");
  });

  test.each([
    ["a missing scope", { name: "g" }, "/scope", "scope is required"],
    [
      "a scope sent as a list",
      { name: "g", scope: [scope()] },
      "/scope",
      "scope must be an object {key, objects}",
    ],
    [
      "a missing scope key",
      { name: "g", scope: { objects: [{ key: "*" }] } },
      "/scope/key",
      "scope key is required",
    ],
    [
      "another account's scope key",
      { name: "g", scope: scope(["*"], OTHER_ACCOUNT) },
      "/scope/key",
      `scope key must be '${accountKey()}' (the account's own key)`,
    ],
    [
      "a zone key as scope key",
      { name: "g", scope: { key: zoneKey(1), objects: [{ key: "*" }] } },
      "/scope/key",
      /^scope key must be/,
    ],
    [
      "missing scope objects",
      { name: "g", scope: { key: accountKey() } },
      "/scope/objects",
      "scope objects are required",
    ],
    [
      "scope objects that are not a list",
      { name: "g", scope: { key: accountKey(), objects: { key: "*" } } },
      "/scope/objects",
      "scope objects must be a list of {key}",
    ],
    [
      "a repeated object key",
      { name: "g", scope: scope([zoneKey(1), zoneKey(2), zoneKey(1)]) },
      "/scope/objects",
      `scope objects must be distinct ('${zoneKey(1)}' appears more than once)`,
    ],
    [
      "'*' beside a zone",
      { name: "g", scope: scope([zoneKey(1), "*"]) },
      "/scope/objects",
      "scope object '*' (the whole account) must stand alone, not beside other keys",
    ],
    [
      "a malformed zone key",
      { name: "g", scope: scope([zoneKey(1), "com.cloudflare.api.account.zone.ABC"]) },
      "/scope/objects/1/key",
      /^scope object key must be '\*' or 'com\.cloudflare\.api\.account\.zone\.<zone id>'.*\(got 'com\.cloudflare\.api\.account\.zone\.ABC'\)$/,
    ],
    [
      "an uppercase zone id",
      { name: "g", scope: scope([`com.cloudflare.api.account.zone.${hexId(1).replace(/0/g, "A")}`]) },
      "/scope/objects/0/key",
      /^scope object key must be/,
    ],
    [
      "the account key as an object",
      { name: "g", scope: scope([accountKey()]) },
      "/scope/objects/0/key",
      /^scope object key must be/,
    ],
    [
      "an object without a key",
      { name: "g", scope: { key: accountKey(), objects: [{ key: "*" }, {}] } },
      "/scope/objects/1/key",
      "scope object key is required",
    ],
    [
      "an object that is not an object",
      { name: "g", scope: { key: accountKey(), objects: ["*"] } },
      "/scope/objects/0/key",
      "each scope object must be an object {key}",
    ],
  ])("%s -> 400 1001 on its pointer", async (_label, body, pointer, message) => {
    expectCloudflareError(await api.create(body), 400, [{ code: 1001, pointer, message }]);
  });

  test("every broken rule is reported, each with its pointer", async () => {
    const reply = await api.create({
      name: " ",
      scope: {
        key: accountKey(OTHER_ACCOUNT),
        objects: [{ key: "bad" }, { key: zoneKey(1) }, { key: zoneKey(1) }],
      },
    });
    expectCloudflareError(reply, 400, [
      { code: 1001, pointer: "/name" },
      { code: 1001, pointer: "/scope/key" },
      { code: 1001, pointer: "/scope/objects/0/key" },
      { code: 1001, pointer: "/scope/objects" },
    ]);
  });

  test.each([
    ["an empty body", ""],
    ["a blank body", "  \n"],
    ["a body that is not JSON", "{name:"],
    ["a JSON list", "[]"],
    ["a JSON string", '"web"'],
    ["JSON null", "null"],
  ])("%s -> 400 1001 without a pointer", async (_label, raw) => {
    expectCloudflareError(await api.call("POST", "", { raw }), 400, [{ code: 1001 }]);
  });

  test("unknown fields are ignored", async () => {
    const group = expectOk(
      await api.create({
        name: "extra",
        scope: scope(),
        meta: { key: "editable", value: "false" },
        id: hexId(9),
      }),
    );
    expect(group).toEqual(made(group.id, "extra", ["*"]));
    expect(group.id).not.toBe(hexId(9));
  });

  test("a refused create stores nothing", async () => {
    await api.create({ name: "refused", scope: scope([]) });
    await api.create({ name: "refused-2", scope: scope(["*"], OTHER_ACCOUNT) });
    expect(await names()).toEqual([accountKey()]);
  });
});

describe("names are unique within an account", () => {
  test("a second group of the same name -> 409 1004, and nothing is stored", async () => {
    await api.createOk("web");
    expectCloudflareError(await api.create({ name: "web", scope: scope(zones(1)) }), 409, [
      { code: 1004, message: "A resource group named 'web' already exists in this account" },
    ]);
    expect(await names()).toEqual([accountKey(), "web"]);
  });

  test("the built-in group's name is taken", async () => {
    expectCloudflareError(await api.create({ name: accountKey(), scope: scope() }), 409, 1004);
  });

  test("names compare exactly: another case or another account is a different name", async () => {
    await api.createOk("web");
    await api.createOk("Web");
    await new CloudflareClient(emulator, OTHER_ACCOUNT).createOk("web", ["*"]);
  });

  test("the name is free again once its group is deleted", async () => {
    const group = await api.createOk("web");
    expectOk(await api.remove(group.id));
    await api.createOk("web");
  });
});

describe("list", () => {
  test("answers every group of the account in one page: the built-in first, then in creation order", async () => {
    const b = await api.createOk("b", zones(1));
    const a = await api.createOk("a");
    const reply = await api.list();
    expect(Object.keys(reply.json).sort()).toEqual(["errors", "messages", "result", "success"]);
    const result = expectOk(reply);
    expect(result.map((g) => g.id).slice(1)).toEqual([b.id, a.id]);
    expect(result[0]?.name).toBe(accountKey());
    expect(result[1]).toEqual(b);
  });

  test("name filters by exact match", async () => {
    const web = await api.createOk("web");
    await api.createOk("web-2");
    await api.createOk("my web");
    expect(expectOk(await api.list("name=web"))).toEqual([web]);
    expect(expectOk(await api.list("name=we"))).toEqual([]);
    expect(expectOk(await api.list("name=WEB"))).toEqual([]);
    expect(expectOk(await api.list(`name=${encodeURIComponent("my web")}`)).map((g) => g.name)).toEqual([
      "my web",
    ]);
    expect(expectOk(await api.list("name="))).toEqual([]);
  });

  test("id filters by exact match; a malformed or unknown id gives an empty list", async () => {
    const web = await api.createOk("web");
    await api.createOk("db");
    expect(expectOk(await api.list(`id=${web.id}`))).toEqual([web]);
    expect(expectOk(await api.list(`id=${hexId(1)}`))).toEqual([]);
    expect(expectOk(await api.list(`id=${web.id.toUpperCase()}`))).toEqual([]);
    expect(expectOk(await api.list(`id=${web.id.slice(1)}`))).toEqual([]);
    expect(expectOk(await api.list("id=not-an-id"))).toEqual([]);
  });

  test("id and name together must both match", async () => {
    const web = await api.createOk("web");
    expect(expectOk(await api.list(`id=${web.id}&name=web`))).toEqual([web]);
    expect(expectOk(await api.list(`id=${web.id}&name=db`))).toEqual([]);
  });

  test("paging parameters are ignored: there is only one page", async () => {
    await api.createOk("a");
    await api.createOk("b");
    expect(expectOk(await api.list("page=2&per_page=1"))).toHaveLength(3);
  });
});

describe("show", () => {
  test("an unknown id -> 404 1003", async () => {
    expectCloudflareError(await api.show(hexId(5)), 404, [
      { code: 1003, message: `Resource group ${hexId(5)} not found` },
    ]);
  });

  test("another account's group is not found", async () => {
    const theirs = await new CloudflareClient(emulator, OTHER_ACCOUNT).createOk("theirs", ["*"]);
    expectCloudflareError(await api.show(theirs.id), 404, 1003);
  });
});

describe("update", () => {
  test("name only keeps the scope; scope only keeps the name; both change both", async () => {
    const group = await api.createOk("web", zones(2));
    expect(expectOk(await api.update(group.id, { name: "web-2" }))).toEqual(
      made(group.id, "web-2", zones(2)),
    );
    expect(expectOk(await api.update(group.id, { scope: scope(["*"]) }))).toEqual(
      made(group.id, "web-2", ["*"]),
    );
    expect(expectOk(await api.update(group.id, { name: "web-3", scope: scope(zones(3, 5)) }))).toEqual(
      made(group.id, "web-3", zones(3, 5)),
    );
    expect(expectOk(await api.show(group.id))).toEqual(made(group.id, "web-3", zones(3, 5)));
  });

  test("keeping its own name is no clash", async () => {
    const group = await api.createOk("web");
    expect(expectOk(await api.update(group.id, { name: "web", scope: scope(zones(1)) })).name).toBe("web");
  });

  test("another group's name, or the built-in's, -> 409 1004, and nothing changes", async () => {
    await api.createOk("db");
    const web = await api.createOk("web");
    expectCloudflareError(await api.update(web.id, { name: "db", scope: scope(zones(1)) }), 409, 1004);
    expectCloudflareError(await api.update(web.id, { name: accountKey() }), 409, 1004);
    expect(expectOk(await api.show(web.id))).toEqual(web);
  });

  test("the same rules as create, with the same pointers", async () => {
    const group = await api.createOk("web");
    expectCloudflareError(await api.update(group.id, { name: "n".repeat(256) }), 400, [
      { code: 1001, pointer: "/name", message: "name must have at most 255 characters (got 256)" },
    ]);
    expectCloudflareError(await api.update(group.id, { name: "ok", scope: scope(zones(101)) }), 400, [
      { code: 1001, pointer: "/scope/objects" },
    ]);
    expectCloudflareError(
      await api.update(group.id, { scope: { key: accountKey(), objects: [{ key: 1 }] } }),
      400,
      [{ code: 1001, pointer: "/scope/objects/0/key", message: "scope object key must be a string" }],
    );
    expectCloudflareError(await api.update(group.id, { scope: { objects: [{ key: "*" }] } }), 400, [
      { code: 1001, pointer: "/scope/key" },
    ]);
    expectCloudflareError(await api.update(group.id, { scope: "all" }), 400, [
      { code: 1001, pointer: "/scope" },
    ]);
    expectCloudflareError(await api.update(group.id, { name: null }), 400, [
      { code: 1001, pointer: "/name" },
    ]);
    expect(expectOk(await api.show(group.id))).toEqual(group);
  });

  test("a body with neither name nor scope -> 400 1001 without a pointer", async () => {
    const group = await api.createOk("web");
    expectCloudflareError(await api.update(group.id, {}), 400, [
      { code: 1001, message: "The update must change name, scope or both" },
    ]);
    expectCloudflareError(await api.update(group.id, { meta: { value: "false" } }), 400, [{ code: 1001 }]);
    expectCloudflareError(await api.call("PUT", `/${group.id}`, { raw: "" }), 400, [{ code: 1001 }]);
    expectCloudflareError(await api.call("PUT", `/${group.id}`, { raw: "nope" }), 400, [{ code: 1001 }]);
  });

  test("an unknown id -> 404 1003", async () => {
    expectCloudflareError(await api.update(hexId(5), { name: "x" }), 404, 1003);
  });
});

describe("delete", () => {
  test("answers 200 {id}; the group is gone", async () => {
    const group = await api.createOk("web");
    expect(expectOk(await api.remove(group.id))).toEqual({ id: group.id });
    expectCloudflareError(await api.show(group.id), 404, 1003);
    expect(await names()).toEqual([accountKey()]);
  });

  test("an unknown id, or one already deleted, -> 404 1003", async () => {
    const group = await api.createOk("web");
    expectOk(await api.remove(group.id));
    expectCloudflareError(await api.remove(group.id), 404, 1003);
    expectCloudflareError(await api.remove(hexId(5)), 404, 1003);
  });

  test("another account's group is not found and stays", async () => {
    const theirs = new CloudflareClient(emulator, OTHER_ACCOUNT);
    const group = await theirs.createOk("theirs", ["*"]);
    expectCloudflareError(await api.remove(group.id), 404, 1003);
    expectOk(await theirs.show(group.id));
  });
});

describe("the built-in group", () => {
  test("every account has one from its first call, listed with its fixed shape", async () => {
    const fresh = new CloudflareClient(emulator, hexId(0xabc));
    const result = expectOk(await fresh.list());
    const id = result[0]?.id ?? "";
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(result).toEqual([
      {
        id,
        name: accountKey(hexId(0xabc)),
        scope: [{ key: accountKey(hexId(0xabc)), objects: [{ key: "*" }] }],
        meta: { key: "editable", value: "false" },
      },
    ]);
    expect(expectOk(await fresh.show(id))).toEqual(result[0]);
  });

  test("exists even when the first call of the account is a create or a show", async () => {
    const viaCreate = new CloudflareClient(emulator, hexId(0xc1));
    await viaCreate.createOk("first");
    expect(await names(viaCreate)).toEqual([accountKey(hexId(0xc1)), "first"]);
    const viaShow = new CloudflareClient(emulator, hexId(0xc2));
    expectCloudflareError(await viaShow.show(hexId(1)), 404, 1003);
    expect(await names(viaShow)).toEqual([accountKey(hexId(0xc2))]);
  });

  test("its id is stable for the account and differs between accounts", async () => {
    const before = await api.builtIn();
    expect((await fetch(`${emulator.url}/_emulator/reset`, { method: "POST" })).status).toBe(200);
    expect((await api.builtIn()).id).toBe(before.id);
    expect((await new CloudflareClient(emulator, OTHER_ACCOUNT).builtIn()).id).not.toBe(before.id);
  });

  test("PUT and DELETE on it -> 403 1005, and it does not change", async () => {
    const builtIn = await api.builtIn();
    expectCloudflareError(await api.update(builtIn.id, { name: "mine" }), 403, [
      { code: 1005, message: /built-in group and cannot be changed or deleted/ },
    ]);
    expectCloudflareError(await api.remove(builtIn.id), 403, 1005);
    expect(expectOk(await api.show(builtIn.id))).toEqual(builtIn);
  });

  test("can be found by its name or id, like any group", async () => {
    const builtIn = await api.builtIn();
    expect(expectOk(await api.list(`id=${builtIn.id}`))).toEqual([builtIn]);
  });
});

test("every account is its own namespace", async () => {
  const theirs = new CloudflareClient(emulator, OTHER_ACCOUNT);
  const mine = await api.createOk("shared-name");
  const other = await theirs.createOk("shared-name", ["*"]);
  expect(other.scope[0]?.key).toBe(accountKey(OTHER_ACCOUNT));
  expect(await names()).toEqual([accountKey(), "shared-name"]);
  expect(await names(theirs)).toEqual([accountKey(OTHER_ACCOUNT), "shared-name"]);
  expectCloudflareError(await theirs.update(mine.id, { name: "stolen" }), 404, 1003);
  expect(expectOk(await api.show(mine.id)).name).toBe("shared-name");
});

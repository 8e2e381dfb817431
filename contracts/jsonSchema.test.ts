/**
 * The generated JSON Schemas say what check() says, as far as JSON Schema can: the same arguments,
 * the same required ones, the same limits, and nothing that check() accepts is refused by them. The
 * schemas are checked here with a small validator of exactly the keywords they use (below), which
 * fails on any other keyword rather than skipping it.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { z } from "zod";
import { argumentNames } from "./core/arguments";
import { allArgumentsJsonSchemas, argumentsJsonSchema, toJsonSchema, type JsonSchema } from "./jsonSchema";
import { KIND_ARGS } from "./kindArgs";
import { KINDS, KIND_NAMES, type KindName } from "./kinds";
import { REFINEMENTS } from "./refinementKeywords";
import { writeSchemas } from "./scripts/writeSchemas";
import * as ces from "./vendors/ces/rules";
import * as strongly from "./vendors/strongly/rules";

// ---- A validator of the keywords the generated schemas use ----

function hasType(value: unknown, type: unknown): boolean {
  switch (type) {
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    case "string":
    case "number":
    case "boolean":
      return typeof value === type;
    default:
      throw new Error(`unexpected type ${String(type)}`);
  }
}

/** What `value` breaks in `schema`, one line each; [] when it conforms. */
function violations(schema: JsonSchema, value: unknown, at = "(arguments)"): string[] {
  const out: string[] = [];
  const text = typeof value === "string" ? value : undefined;
  const list = Array.isArray(value) ? (value as unknown[]) : undefined;
  const object = hasType(value, "object") ? (value as Record<string, unknown>) : undefined;
  const number = typeof value === "number" ? value : undefined;
  for (const [keyword, rule] of Object.entries(schema)) {
    switch (keyword) {
      case "$schema":
      case "title":
      case "description":
      case "default":
        break;
      case "type":
        if (!hasType(value, rule)) out.push(`${at}: not of type ${String(rule)}`);
        break;
      case "enum":
        if (!(rule as unknown[]).includes(value)) out.push(`${at}: not one of the enum`);
        break;
      case "pattern":
        if (text !== undefined && !new RegExp(rule as string, "u").test(text)) out.push(`${at}: pattern`);
        break;
      case "minLength":
        if (text !== undefined && [...text].length < (rule as number)) out.push(`${at}: minLength`);
        break;
      case "maxLength":
        if (text !== undefined && [...text].length > (rule as number)) out.push(`${at}: maxLength`);
        break;
      case "minItems":
        if (list !== undefined && list.length < (rule as number)) out.push(`${at}: minItems`);
        break;
      case "maxItems":
        if (list !== undefined && list.length > (rule as number)) out.push(`${at}: maxItems`);
        break;
      case "minimum":
        if (number !== undefined && number < (rule as number)) out.push(`${at}: minimum`);
        break;
      case "maximum":
        if (number !== undefined && number > (rule as number)) out.push(`${at}: maximum`);
        break;
      case "items":
        list?.forEach((item, i) => out.push(...violations(rule as JsonSchema, item, `${at}[${i}]`)));
        break;
      case "properties":
        for (const [key, sub] of Object.entries(rule as Record<string, JsonSchema>)) {
          if (object !== undefined && key in object)
            out.push(...violations(sub, object[key], `${at}.${key}`));
        }
        break;
      case "required":
        for (const key of rule as string[]) {
          if (object !== undefined && !(key in object)) out.push(`${at}.${key}: required`);
        }
        break;
      case "additionalProperties": {
        if (rule !== false) throw new Error(`${at}: additionalProperties other than false`);
        const known = Object.keys(schema.properties ?? {});
        for (const key of Object.keys(object ?? {})) {
          if (!known.includes(key)) out.push(`${at}.${key}: not allowed`);
        }
        break;
      }
      default:
        throw new Error(`${at}: keyword ${keyword} is unknown to this validator`);
    }
  }
  return out;
}

/** Every object schema inside `schema`, with where it is. */
function objectSchemas(schema: JsonSchema, at = "(arguments)"): [string, JsonSchema][] {
  const here: [string, JsonSchema][] = schema.type === "object" ? [[at, schema]] : [];
  const properties = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>);
  const items = schema.items === undefined ? [] : objectSchemas(schema.items as JsonSchema, `${at}[]`);
  return [...here, ...properties.flatMap(([key, sub]) => objectSchemas(sub, `${at}.${key}`)), ...items];
}

const propertiesOf = (schema: JsonSchema) => (schema.properties ?? {}) as Record<string, JsonSchema>;

// ---- Arguments the unit tests of the provider use ----

const CES_GROUP = "rg" + "A1".repeat(11);
const EP = "d61d4705-5658-42f5-8e0c-70eb34d17b02";
const HEX = (i: number) => i.toString(16).padStart(32, "0");
const STRONGLY_GROUP = "rg_abcdefgh01234567";
const ZOPNIGHT_GROUP = "grp_abc123def456";
const dimensions = [{ name: "instance_id", value: "6ea2b9b8-1b3c-4b8e-9f36-0cbb2e8d1e11" }];

const VALID: Record<KindName, Record<string, unknown>[]> = {
  resourceGroup: [
    { name: "web" },
    { name: "资源组-web_1", type: "Manual", enterpriseProjectId: EP, adopt: true, projectId: "p-1" },
    { name: "tagged", type: "TAG", tags: [{ key: "env", value: "prod" }, { key: "owner" }] },
    { name: "projects", type: "EPS", associationEpIds: [EP, "0"] },
  ],
  groupMember: [{ groupId: CES_GROUP, namespace: "SYS.ECS", dimensions }],
  tagRule: [
    { groupId: CES_GROUP, key: "env" },
    { groupId: CES_GROUP, key: "env", value: "prod", projectId: "p-1" },
  ],
  groupMembers: [
    { groupId: CES_GROUP, members: [] },
    { groupId: CES_GROUP, members: [{ namespace: "SYS.ECS", dimensions }], projectId: "p-1" },
  ],
  cloudflareResourceGroup: [
    { name: "edge", zones: [HEX(1), HEX(2)] },
    { name: "all zones", accountId: HEX(9), wholeAccount: true, exclusive: false, adopt: true },
  ],
  cloudflareGroupMember: [{ groupId: HEX(3), zoneId: HEX(1) }],
  cloudflareGroupMembers: [{ groupId: HEX(3), zoneIds: [HEX(1)], accountId: HEX(9) }],
  stronglyResourceGroup: [{ name: "ml-platform", description: "Training and serving" }, { name: " Data " }],
  stronglyGroupMember: [
    { groupId: STRONGLY_GROUP, type: "workflow", resourceId: "wf-train", name: "Trainer" },
  ],
  stronglyGroupMembers: [
    { groupId: STRONGLY_GROUP, members: [] },
    { groupId: STRONGLY_GROUP, members: [{ type: "app", resourceId: "app_1", name: "Front end" }] },
  ],
  zopnightResourceGroup: [{ name: "orders" }, { name: "orders", description: "", adopt: false }],
  zopnightGroupMember: [
    { groupId: ZOPNIGHT_GROUP, resource: "i-0abc123def456" },
    { groupId: ZOPNIGHT_GROUP, resource: "res_abc123", executionTier: "tier-10", executionOrder: 1000 },
  ],
  zopnightGroupMembers: [
    {
      groupId: ZOPNIGHT_GROUP,
      members: [{ resource: "i-0abc123def456" }, { resource: "res_abc", executionTier: "tier-2" }],
    },
  ],
};

/** Arguments check() refuses for a rule of one field, which the JSON Schema must refuse too. */
const REFUSED: [KindName, Record<string, unknown>][] = [
  ["resourceGroup", { name: "a".repeat(129) }],
  ["resourceGroup", { name: "web servers" }],
  ["resourceGroup", { name: "web", type: "NAME" }],
  ["resourceGroup", { name: "web", tag: [{ key: "env" }] }],
  ["resourceGroup", { name: "web", type: "TAG", tags: [{ key: "k".repeat(37) }] }],
  ["groupMember", { groupId: "rg123", namespace: "SYS.ECS", dimensions }],
  ["groupMember", { groupId: CES_GROUP, namespace: "SYS.ECS", dimensions: [] }],
  [
    "groupMember",
    { groupId: CES_GROUP, namespace: "SYS.ECS", dimensions: [{ name: "x", value: "v".repeat(257) }] },
  ],
  ["tagRule", { groupId: CES_GROUP, key: "env", value: "v".repeat(44) }],
  ["groupMembers", { groupId: CES_GROUP, members: [{ namespace: "SYS.ECS", dimensions, extra: 1 }] }],
  ["cloudflareResourceGroup", { name: " edge", zones: [HEX(1)] }],
  ["cloudflareResourceGroup", { name: "e".repeat(256), zones: [HEX(1)] }],
  ["cloudflareGroupMember", { groupId: HEX(3), zoneId: "ZONE" }],
  ["cloudflareGroupMembers", { groupId: HEX(3), zoneIds: [] }],
  ["cloudflareGroupMembers", { groupId: HEX(3), zoneIds: Array.from({ length: 101 }, (_, i) => HEX(i + 1)) }],
  ["stronglyResourceGroup", { name: "   " }],
  ["stronglyResourceGroup", { name: "data", description: "d".repeat(501) }],
  ["stronglyGroupMember", { groupId: STRONGLY_GROUP, type: "vm", resourceId: "x", name: "X" }],
  ["stronglyGroupMember", { groupId: STRONGLY_GROUP, type: "app", resourceId: "a b", name: "X" }],
  [
    "stronglyGroupMembers",
    {
      groupId: STRONGLY_GROUP,
      members: Array.from({ length: 501 }, (_, i) => ({ type: "app", resourceId: `a${i}`, name: "A" })),
    },
  ],
  ["zopnightResourceGroup", { name: "orders", description: "d".repeat(501) }],
  ["zopnightGroupMember", { groupId: ZOPNIGHT_GROUP, resource: " i-1" }],
  ["zopnightGroupMember", { groupId: ZOPNIGHT_GROUP, resource: "i-1", executionTier: "tier-11" }],
  ["zopnightGroupMember", { groupId: ZOPNIGHT_GROUP, resource: "i-1", executionOrder: 1.5 }],
  ["zopnightGroupMembers", { groupId: ZOPNIGHT_GROUP, members: [{ resource: "i-1", executionOrder: 0 }] }],
];

describe("argumentsJsonSchema", () => {
  it.each(KIND_NAMES)("lists exactly the arguments of %s, and only them", (kind) => {
    const schema = argumentsJsonSchema(kind);
    expect(Object.keys(propertiesOf(schema))).toEqual(argumentNames(KIND_ARGS[kind]));
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    for (const [at, object] of objectSchemas(schema)) {
      expect({ at, additionalProperties: object.additionalProperties }).toEqual({
        at,
        additionalProperties: false,
      });
    }
  });

  it.each(KIND_NAMES)(
    "requires exactly the arguments of %s that have no default and are not optional",
    (kind) => {
      const schema = argumentsJsonSchema(kind);
      const shape = (KIND_ARGS[kind] as unknown as z.ZodObject).shape;
      const mandatory = argumentNames(KIND_ARGS[kind]).filter(
        (name) => !(shape[name] as z.ZodType).safeParse(undefined).success,
      );
      expect(schema.required ?? []).toEqual(mandatory);
    },
  );

  it.each(KIND_NAMES)("describes %s and each of its arguments", (kind) => {
    const schema = argumentsJsonSchema(kind);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.title).toBe(`${KINDS[kind].vendor}.${KINDS[kind].type}`);
    expect(schema.description).toContain(KINDS[kind].description);
    expect(schema.description).toContain("not listed here are refused");
    for (const [name, property] of Object.entries(propertiesOf(schema))) {
      expect({ name, description: property.description }).toEqual({
        name,
        description: expect.stringMatching(/^\S.{10,}\.$/) as string,
      });
    }
  });

  it("carries the enums and limits of the rules", () => {
    const cesGroup = propertiesOf(argumentsJsonSchema("resourceGroup"));
    expect(cesGroup.type).toMatchObject({ enum: ["Manual", "TAG", "EPS"], default: "Manual" });
    expect(cesGroup.name).toMatchObject({ type: "string", minLength: 1, maxLength: 128 });
    const tag = propertiesOf((cesGroup.tags as { items: JsonSchema }).items);
    expect(tag.key).toMatchObject({ minLength: 1, maxLength: 36 });
    expect(tag.value).toMatchObject({ maxLength: 43 });
    const member = propertiesOf(argumentsJsonSchema("groupMember"));
    expect(member.namespace).toMatchObject({ minLength: 3, maxLength: 32 });
    expect(member.dimensions).toMatchObject({ minItems: 1, maxItems: 4 });
    expect(propertiesOf(argumentsJsonSchema("cloudflareResourceGroup")).name).toMatchObject({
      maxLength: 255,
    });
    expect(propertiesOf(argumentsJsonSchema("cloudflareGroupMembers")).zoneIds).toMatchObject({
      minItems: 1,
      maxItems: 100,
    });
    const stronglyMembers = propertiesOf(argumentsJsonSchema("stronglyGroupMembers")).members as JsonSchema;
    expect(stronglyMembers.maxItems).toBe(500);
    expect(propertiesOf(stronglyMembers.items as JsonSchema).type).toMatchObject({
      enum: [...strongly.MEMBER_TYPES],
    });
    expect(propertiesOf(argumentsJsonSchema("zopnightGroupMember")).executionOrder).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 1000,
      default: 1,
    });
  });

  it.each(KIND_NAMES)("takes the arguments of %s that check() takes, with every required one", (kind) => {
    const schema = argumentsJsonSchema(kind);
    expect(VALID[kind].length).toBeGreaterThan(0);
    for (const args of VALID[kind]) {
      expect(KIND_ARGS[kind].safeParse(args).error?.issues).toBeUndefined();
      expect(violations(schema, args)).toEqual([]);
      for (const name of (schema.required ?? []) as string[]) expect(Object.keys(args)).toContain(name);
    }
  });

  it("refuses, as check() does, an argument that breaks the rule of its own field", () => {
    for (const [kind, args] of REFUSED) {
      const allowed = argumentNames(KIND_ARGS[kind]);
      const refusedByCheck =
        !KIND_ARGS[kind].safeParse(args).success || Object.keys(args).some((key) => !allowed.includes(key));
      const refusedBySchema = violations(argumentsJsonSchema(kind), args).length > 0;
      expect({ kind, args, refusedByCheck, refusedBySchema }).toEqual({
        kind,
        args,
        refusedByCheck: true,
        refusedBySchema: true,
      });
    }
  });

  it("keys every kind's schema by its type token", () => {
    const all = allArgumentsJsonSchemas();
    expect(Object.keys(all)).toEqual(KIND_NAMES.map((kind) => KINDS[kind].token));
    for (const kind of KIND_NAMES) expect(all[KINDS[kind].token]).toEqual(argumentsJsonSchema(kind));
  });
});

describe("the keywords that stand for refinements", () => {
  const limits = [...REFINEMENTS.values()].flatMap(({ keywords }) => [
    keywords.minLength ?? 0,
    keywords.maxLength ?? 0,
    100,
  ]);
  const lengths = [...new Set(limits.flatMap((n) => [n - 1, n, n + 1]).filter((n) => n >= 0))];
  const PROBES = [
    ...["", " ", "a", " a", "a ", "a b", "\ta", "a\nb", "a\u0000b", "a\u007f", "web.servers", "ｗｅｂ"],
    ...["中文", "资源组-web_1", "-", "_", "😀", "Ab9-_"],
    ...lengths.flatMap((n) => ["a".repeat(n), "中".repeat(n), "😀".repeat(n), ` ${"a".repeat(n)} `]),
  ];
  const cases = [...REFINEMENTS.entries()].map(
    ([schema, refinement]) => [JSON.stringify(refinement.keywords), schema, refinement.leftToCheck] as const,
  );

  it.each(cases)(
    "%s accept what their rule accepts (all of it unless some is left to check())",
    (_, schema, leftToCheck) => {
      const json = toJsonSchema(schema);
      const zodAccepts = (text: string) => schema.safeParse(text).success;
      const jsonAccepts = (text: string) => violations(json, text).length === 0;
      // Exact keywords agree both ways; partial ones never refuse what the rule accepts.
      const disagree = (text: string) =>
        leftToCheck === undefined
          ? zodAccepts(text) !== jsonAccepts(text)
          : zodAccepts(text) && !jsonAccepts(text);
      expect(PROBES.filter(disagree)).toEqual([]);
      fc.assert(
        fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => !disagree(text)),
        { numRuns: 300 },
      );
      if (typeof json.pattern === "string") {
        fc.assert(
          fc.property(fc.stringMatching(new RegExp(json.pattern, "u")), (text) => !disagree(text)),
          {
            numRuns: 300,
          },
        );
      }
      // A note of what is left to check() must still be true: some text passes the keywords, not the rule.
      if (leftToCheck !== undefined)
        expect(PROBES.some((text) => jsonAccepts(text) && !zodAccepts(text))).toBe(true);
    },
  );

  it("leave the rules zod already exports alone", () => {
    expect(toJsonSchema(ces.namespace)).toMatchObject({
      minLength: 3,
      maxLength: 32,
      pattern: ces.NAMESPACE.source,
    });
    expect(toJsonSchema(ces.groupType)).not.toHaveProperty("maxLength");
  });
});

describe("the schemas the package ships", () => {
  const CONTRACTS = __dirname;
  const manifest = JSON.parse(fs.readFileSync(path.join(CONTRACTS, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
    files: string[];
    exports: Record<string, unknown>;
  };

  it("writes one file per kind, and only those", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "contracts-schema-"));
    try {
      fs.writeFileSync(path.join(dir, "removedKind.json"), "{}");
      const written = writeSchemas(dir);
      expect(fs.readdirSync(dir).sort()).toEqual(KIND_NAMES.map((kind) => `${kind}.json`).sort());
      for (const kind of KIND_NAMES) {
        expect(written[kind]).toBe(path.join(dir, `${kind}.json`));
        expect(JSON.parse(fs.readFileSync(written[kind], "utf8"))).toEqual(argumentsJsonSchema(kind));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("generates them in the build, ships them and exports them by kind", () => {
    expect(manifest.scripts.build).toBe("tsc -p tsconfig.build.json && node dist/scripts/writeSchemas.js");
    expect(manifest.files).toEqual(expect.arrayContaining(["dist/schema/*.json", "!dist/scripts"]));
    expect(manifest.exports["./schema/*.json"]).toBe("./dist/schema/*.json");
  });
});

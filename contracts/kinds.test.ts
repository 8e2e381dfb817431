/**
 * The table of resource kinds is a public interface: every stack a release wrote stores each resource's
 * type token (in its URN) and kind name (in its serialized provider, `runtime/<kind>`). These tests pin
 * both, so a rename or a dropped kind fails here before it breaks anyone's state.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { KIND_ARGS } from "./kindArgs";
import {
  DYNAMIC_TOKEN_PREFIX,
  KINDS,
  KIND_NAMES,
  VENDORS,
  kindFor,
  kindOfToken,
  kindsOf,
  type KindName,
  type Role,
} from "./kinds";

const REPO = path.join(__dirname, "..");

/** The released tokens, written out: this file and kinds.ts are the only places that spell them. */
const RELEASED_TOKENS: Record<KindName, string> = {
  resourceGroup: "pulumi-nodejs:dynamic/resourcegroups:ResourceGroup",
  groupMember: "pulumi-nodejs:dynamic/resourcegroups:GroupMember",
  tagRule: "pulumi-nodejs:dynamic/resourcegroups:TagRule",
  groupMembers: "pulumi-nodejs:dynamic/resourcegroups:GroupMembers",
  cloudflareResourceGroup: "pulumi-nodejs:dynamic/resourcegroups/cloudflare:ResourceGroup",
  cloudflareGroupMember: "pulumi-nodejs:dynamic/resourcegroups/cloudflare:GroupMember",
  cloudflareGroupMembers: "pulumi-nodejs:dynamic/resourcegroups/cloudflare:GroupMembers",
  stronglyResourceGroup: "pulumi-nodejs:dynamic/resourcegroups/strongly:ResourceGroup",
  stronglyGroupMember: "pulumi-nodejs:dynamic/resourcegroups/strongly:GroupMember",
  stronglyGroupMembers: "pulumi-nodejs:dynamic/resourcegroups/strongly:GroupMembers",
  zopnightResourceGroup: "pulumi-nodejs:dynamic/resourcegroups/zopnight:ResourceGroup",
  zopnightGroupMember: "pulumi-nodejs:dynamic/resourcegroups/zopnight:GroupMember",
  zopnightGroupMembers: "pulumi-nodejs:dynamic/resourcegroups/zopnight:GroupMembers",
};

/** The one component resource: not a dynamic resource, so not a kind; its token is its own. */
const COMPONENT = "resourcegroups:zopnight:StartupSequence";

const ROLES: readonly Role[] = ["group", "member", "members", "tagRule"];

describe("the table of kinds", () => {
  it("holds exactly the released kinds, each with its released type token", () => {
    expect([...KIND_NAMES].sort()).toEqual(Object.keys(RELEASED_TOKENS).sort());
    for (const kind of KIND_NAMES) {
      expect({ kind, token: KINDS[kind].token }).toEqual({ kind, token: RELEASED_TOKENS[kind] });
      expect(KINDS[kind].kind).toBe(kind);
    }
  });

  it("builds each token from its module and class name, as the SDK does for a dynamic resource", () => {
    for (const kind of KIND_NAMES) {
      const { token, module, type } = KINDS[kind];
      expect(token).toBe(`${DYNAMIC_TOKEN_PREFIX}${module}:${type}`);
    }
    expect(new Set(KIND_NAMES.map((kind) => KINDS[kind].token)).size).toBe(KIND_NAMES.length);
  });

  it("keeps CES in the module of the first releases and every later vendor in a module of its own", () => {
    for (const kind of KIND_NAMES) {
      const { vendor, module } = KINDS[kind];
      expect({ kind, module }).toEqual({
        kind,
        module: vendor === "ces" ? "resourcegroups" : `resourcegroups/${vendor}`,
      });
    }
  });

  it("gives every vendor one group, one member and one whole-membership kind; tag rules only at CES", () => {
    for (const vendor of VENDORS) {
      const roles = kindsOf(vendor).map((k) => k.role);
      expect(roles.filter((r) => r === "group")).toHaveLength(1);
      expect(roles.filter((r) => r === "member")).toHaveLength(1);
      expect(roles.filter((r) => r === "members")).toHaveLength(1);
      expect(roles.filter((r) => r === "tagRule")).toHaveLength(vendor === "ces" ? 1 : 0);
    }
    expect(VENDORS.flatMap((vendor) => kindsOf(vendor)).length).toBe(KIND_NAMES.length);
  });

  it("says how every group is found by name, and only groups", () => {
    for (const kind of KIND_NAMES) {
      const spec = KINDS[kind];
      if (spec.role === "group") {
        expect({ kind, lookup: spec.lookup }).toEqual({
          kind,
          lookup: { scope: expect.any(String) as string, comparison: expect.any(String) as string },
        });
      } else {
        expect({ kind, lookup: "lookup" in spec ? spec.lookup : undefined }).toEqual({
          kind,
          lookup: undefined,
        });
      }
    }
    expect(kindFor("ces", "group").lookup).toEqual({ scope: "project", comparison: "exact" });
    expect(kindFor("cloudflare", "group").lookup).toEqual({ scope: "account", comparison: "exact" });
    expect(kindFor("strongly", "group").lookup).toEqual({
      scope: "organization",
      comparison: "trimmed, ignoring case",
    });
    expect(kindFor("zopnight", "group").lookup).toEqual({
      scope: "organization",
      comparison: "trimmed, ignoring case",
    });
  });

  it("runs a lost create again for every kind but groups, which are looked up by name instead", () => {
    for (const kind of KIND_NAMES) {
      const { role, idempotentCreate } = KINDS[kind];
      expect({ kind, idempotentCreate }).toEqual({ kind, idempotentCreate: role !== "group" });
    }
  });

  it("describes every kind in one sentence", () => {
    for (const kind of KIND_NAMES) {
      expect(KINDS[kind].description).toMatch(/^[A-Z].+\.$/);
      expect(KINDS[kind].description).not.toContain("\n");
    }
  });

  it("has an argument schema for every kind and for nothing else", () => {
    expect(Object.keys(KIND_ARGS).sort()).toEqual([...KIND_NAMES].sort());
    for (const kind of KIND_NAMES) expect(typeof KIND_ARGS[kind].safeParse).toBe("function");
  });
});

describe("kindOfToken, kindsOf and kindFor", () => {
  it("finds the kind of each released token, and none for other types", () => {
    for (const kind of KIND_NAMES) expect(kindOfToken(RELEASED_TOKENS[kind])?.kind).toBe(kind);
    expect(kindOfToken("pulumi-nodejs:dynamic:Resource")).toBeUndefined();
    expect(kindOfToken(COMPONENT)).toBeUndefined();
    expect(kindOfToken("pulumi-nodejs:dynamic/resourcegroups:resourcegroup")).toBeUndefined();
    expect(kindOfToken("")).toBeUndefined();
  });

  it("lists the kinds of a vendor, or of one role at a vendor, in table order", () => {
    expect(kindsOf("ces").map((k) => k.kind)).toEqual([
      "resourceGroup",
      "groupMember",
      "tagRule",
      "groupMembers",
    ]);
    expect(kindsOf("strongly").map((k) => k.kind)).toEqual([
      "stronglyResourceGroup",
      "stronglyGroupMember",
      "stronglyGroupMembers",
    ]);
    expect(kindsOf("zopnight", "members").map((k) => k.kind)).toEqual(["zopnightGroupMembers"]);
    expect(kindsOf("cloudflare", "tagRule")).toEqual([]);
  });

  it("gives the one kind of a vendor and role, and refuses a role the vendor lacks", () => {
    expect(kindFor("ces", "tagRule").kind).toBe("tagRule");
    expect(kindFor("cloudflare", "member").kind).toBe("cloudflareGroupMember");
    expect(kindFor("zopnight", "group").token).toBe(RELEASED_TOKENS.zopnightResourceGroup);
    for (const vendor of VENDORS) {
      for (const role of ROLES) {
        const kinds = kindsOf(vendor, role);
        if (kinds.length === 0) expect(() => kindFor(vendor, role)).toThrow(`no ${role} kind at ${vendor}`);
        else expect(kindFor(vendor, role)).toBe(kinds[0]);
      }
    }
  });
});

describe("the provider builds on the table", () => {
  const runtimeDir = path.join(REPO, "provider", "runtime", "providers");

  it("serves runtime/<kind> for every kind and for nothing else", () => {
    const files = fs.readdirSync(runtimeDir).filter((f) => !f.endsWith(".test.ts"));
    expect(files.sort()).toEqual(KIND_NAMES.map((kind) => `${kind}.ts`).sort());
  });

  it("forwards each runtime/<kind> to the handler of that same kind", () => {
    for (const kind of KIND_NAMES) {
      const source = fs.readFileSync(path.join(runtimeDir, `${kind}.ts`), "utf8");
      expect({
        kind,
        calls: [...source.matchAll(/forwardingProvider\("(\w+)"\)/g)].map((m) => m[1]),
      }).toEqual({
        kind,
        calls: [kind],
      });
    }
  });

  /** Every resource class of the provider, with its source. */
  function resourceClasses(): { file: string; source: string }[] {
    const vendorsDir = path.join(REPO, "provider", "vendors");
    return fs.readdirSync(vendorsDir).flatMap((vendor) => {
      const dir = path.join(vendorsDir, vendor, "resources");
      if (!fs.existsSync(dir)) return [];
      return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .map((f) => ({
          file: path.relative(REPO, path.join(dir, f)),
          source: fs.readFileSync(path.join(dir, f), "utf8"),
        }));
    });
  }

  it("gives each dynamic resource class the module and type of the kind whose provider it loads", () => {
    const seen: string[] = [];
    for (const { file, source } of resourceClasses()) {
      if (!/extends pulumi\.dynamic\.Resource\b/.test(source)) continue;
      const loaded = /import provider from "\.\.\/\.\.\/\.\.\/runtime\/providers\/(\w+)";/.exec(source)?.[1];
      const flat = source.replace(/\s+/g, " ");
      const registered = [
        ...flat.matchAll(
          /super\( ?provider, name, props, opts, KINDS\.(\w+)\.module, KINDS\.(\w+)\.type,? ?\)/g,
        ),
      ].map((m) => [m[1], m[2]]);
      expect({ file, loaded, registered }).toEqual({ file, loaded, registered: [[loaded, loaded]] });
      seen.push(loaded ?? "");
    }
    expect(seen.sort()).toEqual([...KIND_NAMES].sort());
  });

  it("never spells a dynamic type token or module in a resource class", () => {
    const modules = new Set<string>(KIND_NAMES.map((kind) => KINDS[kind].module));
    const tokenTails = KIND_NAMES.map((kind) => `${KINDS[kind].module}:${KINDS[kind].type}`);
    for (const { file, source } of resourceClasses()) {
      const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
      const literals = [...code.matchAll(/(["'`])((?:(?!\1).)*)\1/g)].map((m) => m[2] ?? "");
      const spelled = literals.filter(
        (text) =>
          text.includes(DYNAMIC_TOKEN_PREFIX) ||
          modules.has(text) ||
          tokenTails.some((tail) => text.includes(tail)),
      );
      expect({ file, spelled }).toEqual({ file, spelled: [] });
    }
  });
});

describe("the type tokens are spelled out only here", () => {
  /** Where a token may be written out: the table and its tests, and the tests that read real states. */
  const mayRead = (file: string) =>
    file.startsWith("contracts/") || file.startsWith("test/") || file.endsWith(".test.ts");

  it("appears in no other file of the repository, code or docs", () => {
    const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: REPO,
      encoding: "utf8",
    })
      .split("\0")
      .filter((file) => file !== "" && !mayRead(file) && fs.existsSync(path.join(REPO, file)));
    expect(files.length).toBeGreaterThan(100);
    const spelled = files.filter((file) =>
      fs.readFileSync(path.join(REPO, file), "utf8").includes(`${DYNAMIC_TOKEN_PREFIX}resourcegroups`),
    );
    expect(spelled).toEqual([]);
  });
});

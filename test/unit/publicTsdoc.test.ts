/**
 * Every argument and every output a user meets has TSDoc, and an output is as precise as its input:
 * read from the declarations of the resource classes and the look-ups with the TypeScript compiler.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";

const VENDORS = join(__dirname, "../../provider/vendors");

const publicFiles = readdirSync(VENDORS).flatMap((vendor) => [
  ...readdirSync(join(VENDORS, vendor, "resources")).map((f) => join(VENDORS, vendor, "resources", f)),
  join(VENDORS, vendor, "lookup.ts"),
]);

const parse = (file: string) =>
  ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

const hasDoc = (node: ts.Node): boolean => ts.getJSDocCommentsAndTags(node).length > 0;

const memberName = (member: ts.ClassElement | ts.TypeElement): string =>
  member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))
    ? member.name.text
    : "(unnamed)";

/** `<file>: <Type>.<member>` for every public member without TSDoc: class fields, getters, statics, interface fields. */
function undocumented(source: ts.SourceFile): string[] {
  const where = `${source.fileName.slice(VENDORS.length + 1)}:`;
  const missing: string[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isClassDeclaration(statement)) {
      for (const member of statement.members) {
        const isPublicMember =
          ts.isPropertyDeclaration(member) ||
          ts.isGetAccessorDeclaration(member) ||
          ts.isMethodDeclaration(member);
        if (isPublicMember && !hasDoc(member))
          missing.push(`${where} ${statement.name?.text}.${memberName(member)}`);
      }
    }
    if (ts.isInterfaceDeclaration(statement)) {
      for (const member of statement.members) {
        if (!hasDoc(member)) missing.push(`${where} ${statement.name.text}.${memberName(member)}`);
      }
    }
  }
  return missing;
}

/** Names of types an input is declared with beyond the primitives and the Args shapes (`ExecutionTier`, `ces.GroupType`). */
function namedTypes(type: ts.TypeNode | undefined, source: ts.SourceFile): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(source);
      if (!/^pulumi\.(Input|Output)$/.test(name) && !/Args$/.test(name)) names.push(name);
    }
    ts.forEachChild(node, visit);
  };
  if (type) visit(type);
  return names;
}

/** `<Class>.<output>` where the input of that name has a named type the output does not use. */
function looserOutputs(source: ts.SourceFile): string[] {
  const interfaces = new Map(
    source.statements.filter(ts.isInterfaceDeclaration).map((i) => [i.name.text, i] as const),
  );
  const loose: string[] = [];
  for (const cls of source.statements.filter(ts.isClassDeclaration)) {
    const args = interfaces.get(`${cls.name?.text}Args`);
    if (!args) continue;
    for (const input of args.members.filter(ts.isPropertySignature)) {
      const output = cls.members
        .filter(ts.isPropertyDeclaration)
        .find((m) => memberName(m) === memberName(input));
      if (!output) continue;
      const outputText = output.type?.getText(source) ?? "";
      for (const name of namedTypes(input.type, source)) {
        if (!outputText.includes(name))
          loose.push(`${cls.name?.text}.${memberName(input)}: ${outputText} (input: ${name})`);
      }
    }
  }
  return loose;
}

describe("the public declarations", () => {
  it("cover every vendor's resource classes and look-up", () => {
    expect(publicFiles.length).toBeGreaterThanOrEqual(17);
  });

  it("document every argument, output and look-up field", () => {
    expect(publicFiles.map(parse).flatMap(undocumented)).toEqual([]);
  });

  it("type each output at least as precisely as the input of the same name", () => {
    expect(publicFiles.map(parse).flatMap(looserOutputs)).toEqual([]);
  });

  it("catch an undocumented output and a loosened output type", () => {
    const text = `
      import type * as pulumi from "@pulumi/pulumi";
      type Tier = "a" | "b";
      export interface ThingArgs {
        /** Documented. */
        tier: pulumi.Input<Tier>;
      }
      export class Thing { declare readonly tier: pulumi.Output<string>; }
    `;
    const fixture = ts.createSourceFile(join(VENDORS, "fixture.ts"), text, ts.ScriptTarget.ES2022, true);
    expect(undocumented(fixture)).toEqual(["fixture.ts: Thing.tier"]);
    expect(looserOutputs(fixture)).toEqual(["Thing.tier: pulumi.Output<string> (input: Tier)"]);
  });
});

/**
 * contracts/README.md shows the table of kinds to people who look a type token up: it must say what
 * kinds.ts says, row for row, or it would send them to a token no release writes.
 */
import * as fs from "fs";
import * as path from "path";
import { KINDS, KIND_NAMES, type KindName } from "./kinds";

const README = fs.readFileSync(path.join(__dirname, "README.md"), "utf8");

const HEADER = ["kind", "vendor", "class", "type token", "role", "create idempotent", "found by name"];

/** The README row of a kind, cell by cell. */
function expectedRow(kind: KindName): string[] {
  const spec = KINDS[kind];
  const lookup = "lookup" in spec ? spec.lookup : undefined;
  return [
    `\`${kind}\``,
    spec.vendor,
    `\`${spec.vendor}.${spec.type}\``,
    `\`${spec.token}\``,
    spec.role,
    spec.idempotentCreate ? "yes" : "no",
    lookup === undefined ? "-" : `per ${lookup.scope}, ${lookup.comparison}`,
  ];
}

/** The rows of the first table under a `## <title>` heading, cell by cell, header first. */
function tableUnder(title: string, markdown: string): string[][] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith(`${title}\n`)) ?? "";
  const lines = section.split("\n");
  const start = lines.findIndex((line) => line.startsWith("|"));
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && !line.startsWith("|"));
  return lines
    .slice(start, end < 0 ? undefined : end)
    .filter((line) => !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim()),
    );
}

describe("contracts/README.md", () => {
  const [header, ...rows] = tableUnder("Kinds", README);

  it("lists every kind of kinds.ts, in its order, as kinds.ts has it", () => {
    expect(header).toEqual(HEADER);
    expect(rows).toEqual(KIND_NAMES.map(expectedRow));
  });

  it("names only entry points the package exports", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "package.json"), "utf8")) as {
      exports: Record<string, unknown>;
    };
    expect(Object.keys(manifest.exports)).toEqual(
      expect.arrayContaining([".", "./kinds", "./constants", "./schema/*.json", "./*"]),
    );
    expect(README).toContain("pulumi-resource-groups-contracts/schema/<kind>.json");
  });
});

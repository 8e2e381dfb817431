/**
 * The Python examples of the README and docs/ fit the generated Python SDK: every
 * `resourcegroups.<module>.<Name>(...)` they call exists in sdk/python, with the keywords they pass.
 * They cannot run here (no Python language host, no `pulumi` package from PyPI), so
 * pythonExamples.py reads their syntax trees and the SDK's instead.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO, SDK } from "./generatedFiles";

const CHECKER = join(__dirname, "pythonExamples.py");
const PACKAGE = join(SDK, "python", "pulumi_resource_groups");

const check = (examples: string[]): string =>
  execFileSync("python3", [CHECKER, PACKAGE], { input: examples.join("\n#---\n"), encoding: "utf8" });

function pythonExamples(): { file: string; source: string }[] {
  const files = ["README.md", ...readdirSync(join(REPO, "docs")).map((f) => join("docs", f))];
  return files
    .filter((file) => file.endsWith(".md"))
    .flatMap((file) =>
      [...readFileSync(join(REPO, file), "utf8").matchAll(/```python\n([\s\S]*?)```/g)].map((m) => ({
        file,
        source: m[1] ?? "",
      })),
    );
}

describe("Python examples in the docs", () => {
  const examples = pythonExamples();

  it("include the README's", () => {
    expect(examples.map((e) => e.file)).toContain("README.md");
  });

  it.each(examples.map((e, i) => [`${e.file} #${i + 1}`, e.source]))(
    "%s calls only what the SDK has, with its keywords",
    (_, source) => {
      expect(check([source])).toBe("");
    },
  );

  it("are checked for real: a wrong keyword and an unknown class are reported", () => {
    const wrong = 'resourcegroups.ces.ResourceGroup("web", nam="web-tier")\nresourcegroups.ces.Nope("x")\n';
    expect(check([wrong]).trim().split("\n")).toEqual([
      "example 1: resourcegroups.ces.ResourceGroup takes no argument 'nam'",
      "example 1: resourcegroups.ces.Nope is not in the SDK",
    ]);
  });
});

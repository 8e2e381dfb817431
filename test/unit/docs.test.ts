/**
 * The docs stay true to the repository. In every Markdown file of it (tracked, or new and not ignored):
 * a relative link reaches a file or folder of the repository (and a heading of it, when it names one); a
 * backticked repository path, in prose or in a shell block, exists; every `npm run <script>` is a script
 * of the root package.json or of the workspace it names; every flag of `resource-groups-emulator` and
 * every `RESOURCEGROUPS_EMULATOR_*` variable is one of the emulator's CLI, read from emulator/cli.ts's
 * flag table. Files only: one `git ls-files`, no network, no other process.
 *
 * CHANGELOG.md is checked like the rest. It names no removed path, and the ones it names (a test that
 * proves an upgrade, a heading of contracts/README.md) are there to be followed today. A note that must
 * name a file since removed can do so in plain prose, which these checks do not read as a path.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { DIALECT_NAMES } from "../../emulator";
import { readMarkdown, type Located } from "../support/markdownRefs";

const REPO = join(__dirname, "..", "..");

interface Problem {
  where: string;
  problem: string;
}

/** Files of the repository as git sees them: tracked, plus new files that are not ignored. */
function repositoryFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: REPO,
    encoding: "utf8",
  });
  return [...new Set(listed.split("\0").filter((f) => f !== "" && existsSync(join(REPO, f))))].sort();
}

const FILES = repositoryFiles();
const MARKDOWN = FILES.filter((f) => f.endsWith(".md"));
/** The first segment of every repository file: `README.md`, `docs`, `provider`, `.ci`, ... */
const TOP_LEVEL = new Set(FILES.map((f) => f.split("/")[0] ?? ""));

interface PackageJson {
  name: string;
  workspaces?: string[];
  scripts?: Record<string, string>;
}

function packageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(REPO, dir, "package.json"), "utf8")) as PackageJson;
}

const ROOT_PACKAGE = packageJson(".");
/** Each workspace under its folder and under its package name, as `--workspace` takes either. */
const WORKSPACES = new Map<string, { dir: string; pkg: PackageJson }>(
  (ROOT_PACKAGE.workspaces ?? []).flatMap((dir) => {
    const pkg = packageJson(dir);
    return [
      [dir, { dir, pkg }],
      [pkg.name, { dir, pkg }],
    ];
  }),
);

/** `<vendor>` and `<dialect>` in a documented path or flag stand for every vendor. */
function expandVendors(text: string): string[] {
  if (!/<(vendor|dialect)>/i.test(text)) return [text];
  return DIALECT_NAMES.map((name) =>
    text.replace(/<(?:vendor|dialect)>/g, name).replace(/<(?:VENDOR|DIALECT)>/g, name.toUpperCase()),
  );
}

// ---- links

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let anchors = anchorCache.get(file);
  if (!anchors) {
    anchors = readMarkdown(readFileSync(join(REPO, file), "utf8")).anchors;
    anchorCache.set(file, anchors);
  }
  return anchors;
}

function linkProblem(file: string, target: string, ownAnchors: Set<string>): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto:, ...
  const [rawPath = "", anchor] = target.split("#", 2);
  const path = decodeURIComponent(rawPath.split("?")[0] ?? "");
  if (path === "") {
    return anchor === undefined || ownAnchors.has(anchor) ? undefined : `no heading #${anchor} here`;
  }
  const resolved = path.startsWith("/") ? posix.normalize(path.slice(1)) : posix.join(dirname(file), path);
  if (resolved === ".." || resolved.startsWith("../")) return `${target} is outside the repository`;
  if (!existsSync(join(REPO, resolved))) return `${target} does not exist (${resolved})`;
  if (anchor !== undefined && resolved.endsWith(".md") && !anchorsOf(resolved).has(anchor)) {
    return `${resolved} has no heading #${anchor}`;
  }
  return undefined;
}

// ---- repository paths in code

/** A folder paths may be relative to: the root, or a workspace for the Markdown files inside it. */
interface PathBase {
  dir: string;
  /** The first segment of every file under it. */
  entries: Set<string>;
}

const ROOT_BASE: PathBase = { dir: "", entries: TOP_LEVEL };

function basesOf(file: string): PathBase[] {
  const workspace = WORKSPACES.get(file.split("/")[0] ?? "");
  if (!workspace || workspace.dir !== file.split("/")[0]) return [ROOT_BASE];
  const prefix = `${workspace.dir}/`;
  const entries = new Set(
    FILES.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split("/")[0] ?? ""),
  );
  return [ROOT_BASE, { dir: workspace.dir, entries }];
}

/** A word that can only be a path: no spaces, no `$`, no `{`, no `*`, at least one `/`. */
const PATH_WORD = /^[\w.@-]+(?:\/[\w.@<>-]+)*\/?$/;

/** Why `word` is not a path of the repository under `base`, or undefined when it is. */
function missingUnder(base: PathBase, word: string): string | undefined {
  for (const path of expandVendors(word)) {
    const segments = path.split("/");
    const dist = segments.indexOf("dist");
    if (dist >= 0) {
      // Build output exists only after a build: its folder must be a workspace's.
      const built = posix.join(base.dir, ...segments.slice(0, dist));
      if (built === "." || built === "")
        return `${path}: there is no dist/ at the root; builds go to <workspace>/dist/`;
      if (!WORKSPACES.has(built)) return `${path}: ${built} is not a workspace that builds to dist/`;
      continue;
    }
    const full = join(REPO, base.dir, path);
    if (!existsSync(full)) return `${posix.join(base.dir, path)} does not exist`;
    if (path.endsWith("/") && !isDirectory(full)) return `${posix.join(base.dir, path)} is not a folder`;
  }
  return undefined;
}

/**
 * Why a `./` or `../` path is a path of the repository neither from the Markdown file's folder nor from
 * the root (where the commands of the docs run), or undefined.
 */
function relativePathProblem(file: string, word: string): string | undefined {
  const candidates = [posix.join(dirname(file), word), posix.normalize(word)];
  const inside = candidates.filter((c) => c !== ".." && !c.startsWith("../"));
  if (inside.some((c) => existsSync(join(REPO, c)))) return undefined;
  return inside.length === 0 ? `${word} is outside the repository` : `${word} does not exist`;
}

/**
 * Why a word of code that names a repository path (its first segment is a file or folder of the root,
 * or of the workspace the Markdown file is in, or `dist`, or it starts with `./` or `../`) names none,
 * or undefined.
 */
function pathProblem(file: string, word: string, bases: readonly PathBase[]): string | undefined {
  if (!word.includes("/") || word.includes("...") || !PATH_WORD.test(word)) return undefined;
  if (/<(?!vendor>|dialect>)/.test(word)) return undefined;
  if (/^\.\.?\//.test(word)) return relativePathProblem(file, word);
  const first = word.split("/")[0] ?? "";
  const relevant = bases.filter((b) => first === "dist" || b.entries.has(first));
  const problems = relevant.map((base) => missingUnder(base, word));
  return problems.includes(undefined) ? undefined : problems[0];
}

/** The words of a code span or shell line, without the quotes and punctuation around them. */
function words(text: string): string[] {
  return text
    .split(/[\s=]+/)
    .map((w) => w.replace(/^[("'[]+/, "").replace(/[)"',;:\]]+$/, ""))
    .filter((w) => w !== "");
}

// ---- npm scripts

const NPM_SCRIPT = /\bnpm\s+(test|start|run(?:-script)?)\b([^\n`#;&|]*)/g;

function scriptsOf(pkg: PackageJson | undefined): Record<string, string> {
  return pkg?.scripts ?? {};
}

/** The script an `npm run` names and the workspace it runs in, or undefined when it names none. */
function npmRun(verb: string, rest: string): { script: string; workspace?: string } | undefined {
  if (verb === "test" || verb === "start") return { script: verb };
  const tokens = rest.trim().split(/\s+/);
  let script: string | undefined;
  let workspace: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (token === "--") break;
    if (token === "-w" || token === "--workspace") workspace = tokens[++i];
    else if (token.startsWith("--workspace=")) workspace = token.slice("--workspace=".length);
    else if (!token.startsWith("-") && script === undefined) script = token;
  }
  // A script name may hold `:` (`soak:interrupted`), but not at its end, where prose puts one.
  script = script?.replace(/[:.,)]+$/, "");
  if (script === undefined || !/^[\w:.-]+$/.test(script)) return undefined;
  return { script, workspace };
}

function npmProblem(file: string, verb: string, rest: string): string | undefined {
  const run = npmRun(verb, rest);
  if (!run) return undefined;
  if (run.workspace !== undefined) {
    const workspace = WORKSPACES.get(run.workspace);
    if (!workspace) return `npm run ${run.script}: no workspace ${run.workspace}`;
    return run.script in scriptsOf(workspace.pkg)
      ? undefined
      : `npm run ${run.script}: no such script in ${workspace.dir}/package.json`;
  }
  // A package's own README may speak of its own scripts.
  const own = WORKSPACES.get(file.split("/")[0] ?? "");
  if (run.script in scriptsOf(ROOT_PACKAGE) || (own && run.script in scriptsOf(own.pkg))) return undefined;
  return `npm run ${run.script}: no such script in package.json`;
}

// ---- emulator flags

const CLI_SOURCE = "emulator/cli.ts";
const ENV_PREFIX = "RESOURCEGROUPS_EMULATOR_";

/**
 * The flags of `resource-groups-emulator`, read from the flag table of emulator/cli.ts: its literal
 * `flag: "..."` entries, its per-dialect `flag: \`${name}-...\`` entries for every dialect, and the
 * boolean options given to parseArgs (`--help`).
 */
function emulatorFlags(): Set<string> {
  const source = readFileSync(join(REPO, CLI_SOURCE), "utf8");
  const literal = [...source.matchAll(/\bflag:\s*"([a-z0-9-]+)"/g)].map((m) => m[1] ?? "");
  const perDialect = [...source.matchAll(/\bflag:\s*`\$\{name\}(-[a-z0-9-]+)`/g)].flatMap((m) =>
    DIALECT_NAMES.map((name) => `${name}${m[1] ?? ""}`),
  );
  const booleans = [...source.matchAll(/\b([a-z][a-z0-9-]*):\s*\{\s*type:\s*"boolean"/g)].map(
    (m) => m[1] ?? "",
  );
  return new Set([...literal, ...perDialect, ...booleans]);
}

const FLAGS = emulatorFlags();
const FLAG_VARIABLES = new Set([...FLAGS].map((flag) => ENV_PREFIX + flag.toUpperCase().replace(/-/g, "_")));
/** The files that document the emulator: every backticked `--flag` in them is one of its flags. */
const EMULATOR_DOCS = new Set(["docs/emulator.md", "emulator/README.md"]);
const EMULATOR_COMMAND = /(?<![\w-])(?:resource-groups-emulator|npm run emulator\s+--)([^\n`#;&|]*)/g;

function flagProblem(flag: string): string | undefined {
  const unknown = expandVendors(flag).find((f) => !FLAGS.has(f));
  return unknown === undefined ? undefined : `--${unknown} is not a flag of resource-groups-emulator`;
}

function commandFlags(text: string): string[] {
  return [...text.matchAll(EMULATOR_COMMAND)].flatMap((m) =>
    (m[1] ?? "")
      .split(/\s+/)
      .filter((w) => /^--[a-z<]/.test(w))
      .map((w) => w.slice(2).split("=")[0] ?? ""),
  );
}

// ---- one file

/** Every problem of one Markdown file, `source` being its text. */
function problemsOf(file: string, source: string): Problem[] {
  const refs = readMarkdown(source);
  const problems: Problem[] = [];
  const report = (line: number, problem: string | undefined): void => {
    if (problem !== undefined) problems.push({ where: `${file}:${line}`, problem });
  };
  for (const link of refs.links) report(link.line, linkProblem(file, link.text, refs.anchors));

  const bases = basesOf(file);
  const code: Located[] = [...refs.codeSpans, ...refs.shellLines];
  for (const { text, line } of code) {
    for (const word of words(text)) report(line, pathProblem(file, word, bases));
  }

  const lines = source.split("\n");
  const lineOf = (index: number): number => source.slice(0, index).split("\n").length;
  for (const m of source.matchAll(NPM_SCRIPT)) {
    report(lineOf(m.index), npmProblem(file, m[1] ?? "", m[2] ?? ""));
  }
  lines.forEach((text, i) => {
    for (const flag of commandFlags(text)) report(i + 1, flagProblem(flag));
    for (const m of text.matchAll(/RESOURCEGROUPS_EMULATOR_[A-Z0-9_<>]+/g)) {
      const unknown = expandVendors(m[0]).find((v) => !FLAG_VARIABLES.has(v));
      if (unknown !== undefined) report(i + 1, `${unknown} is not a variable of resource-groups-emulator`);
    }
  });
  if (EMULATOR_DOCS.has(file)) {
    for (const { text, line } of refs.codeSpans) {
      const flag = /^--([a-z<][\w<>-]*)/.exec(text)?.[1];
      if (flag !== undefined) report(line, flagProblem(flag));
    }
  }
  return problems;
}

describe("the checks themselves", () => {
  it("read the repository's Markdown files and the emulator's flags", () => {
    expect(MARKDOWN).toEqual(expect.arrayContaining(["README.md", "docs/emulator.md", "CHANGELOG.md"]));
    expect([...FLAGS]).toEqual(
      expect.arrayContaining(["port", "db", "help", "fail-next", ...DIALECT_NAMES.map((d) => `${d}-token`)]),
    );
  });

  it("report what is broken, and only that", () => {
    const doc = [
      "# Title",
      "[fine](../README.md#pulumi-resource-groups) [up](#title) [web](https://example.com/x)",
      "[gone](nowhere.md) [outside](../../shared/api-contracts.md) [no heading](#nope)",
      "[wrapped",
      "text](docs/missing.md)",
      "`provider/core/settings.ts` `provider/core/gone.ts` `docs/vendors/<vendor>.md` `a/b` `$X/c.ts`",
      "`../shared/api-contracts.md` `./vendors/ces.md` `../README.md` `./policy` `../../x/y.md`",
      "```sh",
      "node dist/emulator/cli.js --port 0",
      "npm run emulator -- --port 0 --no-such-flag",
      "npm run nothing-here && npm run build --workspace provider && npm test",
      "```",
      "`[not a link](nowhere.md)` RESOURCEGROUPS_EMULATOR_PORT RESOURCEGROUPS_EMULATOR_NOPE",
    ].join("\n");
    expect(problemsOf("docs/fixture.md", doc)).toEqual([
      { where: "docs/fixture.md:3", problem: "nowhere.md does not exist (docs/nowhere.md)" },
      { where: "docs/fixture.md:3", problem: "../../shared/api-contracts.md is outside the repository" },
      { where: "docs/fixture.md:3", problem: "no heading #nope here" },
      { where: "docs/fixture.md:4", problem: "docs/missing.md does not exist (docs/docs/missing.md)" },
      { where: "docs/fixture.md:6", problem: "provider/core/gone.ts does not exist" },
      { where: "docs/fixture.md:7", problem: "../shared/api-contracts.md does not exist" },
      { where: "docs/fixture.md:7", problem: "../../x/y.md is outside the repository" },
      {
        where: "docs/fixture.md:9",
        problem: "dist/emulator/cli.js: there is no dist/ at the root; builds go to <workspace>/dist/",
      },
      { where: "docs/fixture.md:11", problem: "npm run nothing-here: no such script in package.json" },
      { where: "docs/fixture.md:10", problem: "--no-such-flag is not a flag of resource-groups-emulator" },
      {
        where: "docs/fixture.md:13",
        problem: "RESOURCEGROUPS_EMULATOR_NOPE is not a variable of resource-groups-emulator",
      },
    ]);
  });
});

describe.each(MARKDOWN)("%s", (file) => {
  it("has no broken link, path, npm script or emulator flag", () => {
    expect(problemsOf(file, readFileSync(join(REPO, file), "utf8"))).toEqual([]);
  });
});

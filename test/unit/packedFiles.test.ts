/**
 * What each released package's tarball holds, as `npm pack --dry-run` lists it (the same list `npm
 * publish` uploads): its README, its entry point and types, and every `docs/*.md` page that its README
 * or its built code (messages, `--help`, comments) sends a reader to, so "see docs/policy.md" leads to a
 * file inside node_modules. Needs the build (`npm run build`), as `npm test` runs it first.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { RELEASED } from "../../scripts/release";

const REPO = join(__dirname, "..", "..");

interface Manifest {
  name: string;
  main: string;
  types: string;
  description?: string;
  keywords?: string[];
  license?: string;
  engines?: { node?: string };
  repository?: unknown;
  homepage?: unknown;
  bugs?: unknown;
}

interface Packed {
  name: string;
  files: { path: string }[];
}

/** The tarball's file list; npm runs the workspace's prepack, which copies its docs in. */
function pack(workspace: string): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json"], {
    cwd: join(REPO, workspace),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [packed] = JSON.parse(out) as Packed[];
  return (packed?.files ?? []).map((f) => f.path).sort();
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const DOC_PAGE = /docs\/[A-Za-z0-9_/-]+\.md/g;

/** The doc pages a reader of the package is sent to: named in its README or in its built JavaScript. */
function pagesReferredTo(workspace: string): string[] {
  const dir = join(REPO, workspace);
  const texts = [
    readFileSync(join(dir, "README.md"), "utf8"),
    ...filesUnder(join(dir, "dist"))
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(f, "utf8")),
  ];
  return [...new Set(texts.flatMap((text) => text.match(DOC_PAGE) ?? []))].sort();
}

describe.each(RELEASED)("the %s package", (workspace) => {
  const manifest = JSON.parse(readFileSync(join(REPO, workspace, "package.json"), "utf8")) as Manifest;
  let files: string[] = [];

  beforeAll(() => {
    files = pack(workspace);
  });

  it("packs with its README, its entry point and its types", () => {
    expect(files).toEqual(
      expect.arrayContaining(["README.md", "package.json", manifest.main, manifest.types]),
    );
  });

  it("ships every doc page its README and its code refer to, and each page exists in docs/", () => {
    const pages = pagesReferredTo(workspace);
    for (const page of pages) expect(existsSync(join(REPO, page))).toBe(true);
    expect(files).toEqual(expect.arrayContaining(pages));
  });

  it("describes itself: description, keywords, license, engines; no invented URL", () => {
    expect(manifest.description?.length).toBeGreaterThan(20);
    expect(manifest.keywords?.length).toBeGreaterThan(2);
    expect(manifest.license).toBe("Apache-2.0");
    expect(manifest.engines?.node).toMatch(/^>=\d+/);
    // No public address is known yet: none is made up.
    expect([manifest.repository, manifest.homepage, manifest.bugs]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

/**
 * `prepack` of each released workspace: copies the repository's docs the package's README, `--help`
 * and messages refer to (`docs/policy.md`, `docs/vendors/ces.md`, ...) into the package, at the same
 * path, so they ship in its tarball and "see docs/policy.md" leads somewhere in node_modules. The
 * package's `files` lists them, and that list is what is copied: one place says what a package ships.
 *
 * Plain Node, no dependency: npm runs it in the workspace's folder. Each file is written under a
 * temporary name outside `files` and renamed, so two packs of one workspace at once never pack a
 * half-written file.
 */
const { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } = require("node:fs");
const { dirname, join, relative } = require("node:path");

const packageDir = process.cwd();
const repo = join(__dirname, "..");
const { files = [] } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));

/** Every file under `path` (itself, when it is a file). */
function filesUnder(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((entry) => filesUnder(join(path, entry)));
}

let copied = 0;
for (const entry of files.filter((f) => f === "docs" || f.startsWith("docs/"))) {
  for (const source of filesUnder(join(repo, entry))) {
    const target = join(packageDir, relative(repo, source));
    mkdirSync(dirname(target), { recursive: true });
    const partial = join(packageDir, `.packDocs-${process.pid}-${copied++}.partial`);
    copyFileSync(source, partial);
    renameSync(partial, target);
  }
}

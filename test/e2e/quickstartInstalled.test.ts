/**
 * The quickstart as a user meets it: its files copied into a project outside the repository where npm
 * installed only the release tarballs (and their registry dependencies). It type-checks with the
 * tsconfig of `pulumi new typescript`, deploys groups at all four vendors to the installed emulator,
 * previews with no change, and destroys to nothing.
 */
import { copyFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  packedInstall,
  startInstalledEmulator,
  type InstalledEmulator,
  type PackedInstall,
} from "./support/packedInstall";
import { PulumiProject, TYPES, ofType } from "./support/project";
import { REPO } from "./support/pulumiEnv";
import { stockTypeCheck } from "./support/stockTypeCheck";
import { HOOK_TIMEOUT } from "./support/suite";

const TEST_TIMEOUT = 10 * 60 * 1000;
const QUICKSTART = join(REPO, "examples", "quickstart");
const TOKEN = "quickstart-installed-token";

let installed: PackedInstall;
let emulator: InstalledEmulator | undefined;
let project: PulumiProject;

beforeAll(async () => {
  installed = packedInstall();
  emulator = await startInstalledEmulator(installed.app, TOKEN);
  project = await PulumiProject.create("quickstart", "", emulator, {}, { parentDir: installed.app });
  for (const file of readdirSync(QUICKSTART).filter((f) => f.endsWith(".ts"))) {
    copyFileSync(join(QUICKSTART, file), join(project.dir, file));
  }
}, HOOK_TIMEOUT);

afterAll(async () => {
  await project?.dispose();
  await emulator?.stop();
}, HOOK_TIMEOUT);

test("type-checks with the tsconfig of `pulumi new typescript`", () => {
  const result = stockTypeCheck(installed.app, project.dir);
  expect(result.output).toBe("");
  expect(result.status).toBe(0);
});

test(
  "deploys groups at all four vendors, previews with no change and destroys to nothing",
  async () => {
    await project.up();
    const resources = await project.resources();
    for (const type of [TYPES.group, TYPES.cloudflareGroup, TYPES.stronglyGroup, TYPES.zopnightGroup]) {
      expect(ofType(resources, type).length).toBeGreaterThan(0);
    }
    await project.ok(["preview", "--expect-no-changes"]);
    await project.ok(["destroy", "--yes", "--skip-preview"]);
    expect((await project.resources()).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))).toEqual(
      [],
    );
  },
  TEST_TIMEOUT,
);

/**
 * scripts/pulumi-env.sh in a real bash: sourced as is, it leaves the shell exactly as it was (exported
 * variables with PATH, shell variables, functions, options, working folder) and runs no `pulumi`; asked
 * for the sandbox, it sets the repository's Pulumi environment.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const REPO = join(__dirname, "..", "..");
const SCRIPT = join(REPO, "scripts", "pulumi-env.sh");

/** Everything a sourced script could change in the calling shell; bash's own moving counters aside. */
const SNAPSHOT = `
snapshot() {
  declare -px
  echo "-- variables"
  compgen -v | grep -vxE 'BASH_.*|BASHPID|COLUMNS|EPOCHREALTIME|EPOCHSECONDS|FUNCNAME|LINENO|LINES|PIPESTATUS|RANDOM|SECONDS|SRANDOM|_'
  echo "-- functions"
  declare -F
  echo "-- options $- $(set -o | tr -s ' \\t' ' ' | tr '\\n' ';')"
  echo "-- folder $PWD"
}`;

interface Run {
  status: number | null;
  stderr: string;
  before: string;
  after: string;
  /** Each line a call of the fake `pulumi`: its arguments and the PULUMI_HOME it saw. */
  pulumiCalls: string[];
}

let dir: string;
let home: string;
let fakeBin: string;
let callLog: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "rg-pulumi-env-"));
  home = join(dir, "home");
  fakeBin = join(dir, "bin");
  callLog = join(dir, "pulumi-calls");
  mkdirSync(home);
  mkdirSync(fakeBin);
  // Behaves like the real CLI where it matters here: it creates its home (~/.pulumi by default).
  const fake = join(fakeBin, "pulumi");
  writeFileSync(
    fake,
    `#!/bin/sh
pulumi_home="\${PULUMI_HOME:-$HOME/.pulumi}"
mkdir -p "$pulumi_home"
echo "$* home=$pulumi_home" >> "${callLog}"
echo v3.248.0
`,
  );
  chmodSync(fake, 0o755);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function sourceIn(path: string, sourceLine: string): Run {
  const before = join(dir, "before");
  const after = join(dir, "after");
  const script = `${SNAPSHOT}
status=0
snapshot > "${before}"
${sourceLine}
status=$?
snapshot > "${after}"
exit $status`;
  // A login-free shell with nothing but a HOME and the given PATH.
  const result = spawnSync("/bin/bash", ["--noprofile", "--norc", "-c", script], {
    cwd: dir,
    env: { HOME: home, PATH: path },
    encoding: "utf8",
  });
  return {
    status: result.status,
    stderr: result.stderr,
    before: readFileSync(before, "utf8"),
    after: readFileSync(after, "utf8"),
    pulumiCalls: existsSync(callLog) ? readFileSync(callLog, "utf8").trim().split("\n") : [],
  };
}

/** The exported variables of a snapshot, by name. */
function exported(snapshot: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const match of snapshot.matchAll(/^declare -x ([A-Za-z_][A-Za-z0-9_]*)="(.*)"$/gm)) {
    vars.set(match[1] ?? "", match[2] ?? "");
  }
  return vars;
}

const SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin";

describe("scripts/pulumi-env.sh sourced without asking for the sandbox", () => {
  it("leaves the shell as it was when the user has a pulumi on PATH, and never runs it", () => {
    const run = sourceIn(`${fakeBin}:${SYSTEM_PATH}`, `source "${SCRIPT}"`);

    expect(run.status).toBe(0);
    expect(run.after).toBe(run.before);
    expect(exported(run.after).get("PATH")).toBe(`${fakeBin}:${SYSTEM_PATH}`);
    expect(run.pulumiCalls).toEqual([]);
    expect(existsSync(join(home, ".pulumi"))).toBe(false);
    expect(run.stderr).toContain(`using your pulumi (${join(fakeBin, "pulumi")})`);
  });

  it("without any pulumi, fails, says how to get the sandbox and still changes nothing", () => {
    // An empty PATH: the default mode needs nothing but shell builtins.
    const run = sourceIn(join(dir, "empty"), `source "${SCRIPT}"`);

    expect(run.status).toBe(1);
    expect(run.after).toBe(run.before);
    expect(run.stderr).toContain("no pulumi on PATH");
    expect(run.stderr).toContain("source scripts/pulumi-env.sh --sandbox");
  });
});

describe("scripts/pulumi-env.sh asked for the sandbox", () => {
  it.each([
    ["the --sandbox argument", `source "${SCRIPT}" --sandbox`],
    [
      "RESOURCEGROUPS_SANDBOX=1",
      `RESOURCEGROUPS_SANDBOX=1; source "${SCRIPT}"; unset RESOURCEGROUPS_SANDBOX`,
    ],
  ])("sets the repository's environment, away from ~/.pulumi (%s)", (_how, sourceLine) => {
    const run = sourceIn(`${fakeBin}:${SYSTEM_PATH}`, sourceLine);

    expect(run.status).toBe(0);
    const before = exported(run.before);
    const after = exported(run.after);
    expect(before.has("PULUMI_HOME")).toBe(false);
    expect(after.get("PULUMI_HOME")).toBe(join(REPO, ".cache", "pulumi", "home"));
    expect(after.get("PULUMI_BACKEND_URL")).toBe(`file://${join(REPO, ".data", "pulumi-state")}`);
    expect(after.get("PULUMI_CONFIG_PASSPHRASE")).toBe("resource-groups-dev");
    expect(after.get("PULUMI_SKIP_CONFIRMATIONS")).toBe("true");
    expect(after.get("PULUMI_ENV_CLI")).toBe(join(fakeBin, "pulumi"));
    expect(after.get("PATH")).toBe(`${fakeBin}:${SYSTEM_PATH}:${join(REPO, "scripts", "bin")}`);
    // The version check ran in the sandbox's home, so the user's was not created.
    expect(run.pulumiCalls).toEqual([`version home=${join(REPO, ".cache", "pulumi", "home")}`]);
    expect(existsSync(join(home, ".pulumi"))).toBe(false);
    // No helper functions or variables of the script are left behind.
    expect(run.after).not.toMatch(/_pulumi_env/);
  });
});

describe("scripts/pulumi-env.sh asked for a CLI version by RESOURCEGROUPS_PULUMI_VERSION", () => {
  /** A fake `pulumi` reporting `version`, in a folder of its own. */
  function fakePulumi(version: string): string {
    const bin = join(dir, `bin-${version}`);
    mkdirSync(bin);
    writeFileSync(
      join(bin, "pulumi"),
      `#!/bin/sh\nmkdir -p "\${PULUMI_HOME:-$HOME/.pulumi}"\necho "$* home=\${PULUMI_HOME}" >> "${callLog}"\necho v${version}\n`,
    );
    chmodSync(join(bin, "pulumi"), 0o755);
    return bin;
  }

  it("takes a pulumi on PATH of that version, with a home of that version's own", () => {
    const bin = fakePulumi("3.259.0");
    const run = sourceIn(
      `${bin}:${SYSTEM_PATH}`,
      `export RESOURCEGROUPS_PULUMI_VERSION=3.259.0; source "${SCRIPT}" --sandbox`,
    );

    expect(run.status).toBe(0);
    const after = exported(run.after);
    const versionHome = join(REPO, ".cache", "pulumi-3.259.0", "home");
    expect(after.get("PULUMI_HOME")).toBe(versionHome);
    expect(after.get("PULUMI_ENV_CLI")).toBe(join(bin, "pulumi"));
    // Asked once, and the answer serves for the final check too.
    expect(run.pulumiCalls).toEqual([`version home=${versionHome}`]);
    expect(run.stderr).not.toContain("warning");
  });

  it("passes over a pulumi on PATH of another version, and says when no module pins the one asked for", () => {
    // A `go` that must not be reached: the build script refuses an unpinned version before building.
    const goBin = join(dir, "go-bin");
    mkdirSync(goBin);
    writeFileSync(join(goBin, "go"), `#!/bin/sh\necho "go $*" >> "${callLog}"\nexit 1\n`);
    chmodSync(join(goBin, "go"), 0o755);
    const versionRoot = join(REPO, ".cache", "pulumi-0.0.1");
    try {
      const run = sourceIn(
        `${fakeBin}:${goBin}:${SYSTEM_PATH}`,
        `export RESOURCEGROUPS_PULUMI_VERSION=0.0.1; source "${SCRIPT}" --sandbox`,
      );

      expect(run.status).toBe(1);
      expect(run.pulumiCalls).toEqual([`version home=${join(versionRoot, "home")}`]);
      expect(run.stderr).toContain("no module pins pulumi v0.0.1");
      expect(run.stderr).toContain("RESOURCEGROUPS_PULUMI_VERSION must be 3.248.0");
      expect(exported(run.after).get("PULUMI_ENV_CLI")).toBeUndefined();
    } finally {
      // The fake CLI created the home it was given, as the real one would.
      rmSync(versionRoot, { recursive: true, force: true });
    }
  });
});

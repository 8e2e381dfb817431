/**
 * The command line, run from source through tsx as in development. tsx is started directly rather than via
 * `npx tsx`: npx does not pass SIGTERM on to its child, so the exit code under test would be npm's, not ours.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { removeDb, tempDbPath } from "./helpers";

const ROOT = join(__dirname, "..", "..");
const TSX_CLI = require.resolve("tsx/cli");
const START_LINE =
  /^resource-groups emulator listening on (http:\/\/127\.0\.0\.1:(\d+)) \(token: (.*), db: (.*)\)$/m;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Running {
  child: ChildProcess;
  url: string;
  token: string;
  db: string;
  exited: Promise<Exit>;
}

const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  children.clear();
});

/** Env without any RESOURCEGROUPS_EMULATOR_* the developer may have set, plus the given overrides. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("RESOURCEGROUPS_EMULATOR_")),
  );
  return { ...env, ...extra };
}

function launch(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; exited: Promise<Exit> } {
  const child = spawn(process.execPath, [TSX_CLI, "emulator/cli.ts", ...args], {
    cwd: ROOT,
    env: cleanEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited };
}

/** Starts the CLI and waits for its start line. */
async function start(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const { child, exited } = launch(args, env);
  const line = await new Promise<RegExpMatchArray>((resolve, reject) => {
    let seen = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = START_LINE.exec(seen);
      if (match) resolve(match);
    });
    void exited.then((exit) => reject(new Error(`the CLI exited before starting: ${JSON.stringify(exit)}`)));
  });
  return { child, url: line[1] ?? "", token: line[3] ?? "", db: line[4] ?? "", exited };
}

function listGroups(url: string, token: string): Promise<Response> {
  return fetch(`${url}/v2/p1/resource-groups`, { headers: { "X-Auth-Token": token } });
}

test("prints the start line with the real port, serves, and exits 0 on SIGTERM", async () => {
  const db = tempDbPath("cli");
  try {
    const cli = await start(["--port", "0", "--db", db, "--token", "cli-token"]);
    expect(Number(new URL(cli.url).port)).toBeGreaterThan(0);
    expect(cli).toMatchObject({ token: "cli-token", db });
    const health = await fetch(`${cli.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    expect((await listGroups(cli.url, "cli-token")).status).toBe(200);
    expect((await listGroups(cli.url, "dev-token-not-secret")).status).toBe(401);

    cli.child.kill("SIGTERM");
    const exit = await cli.exited;
    expect({ code: exit.code, signal: exit.signal, stderr: exit.stderr }).toEqual({
      code: 0,
      signal: null,
      stderr: "",
    });
    expect(existsSync(db)).toBe(true);
  } finally {
    removeDb(db);
  }
});

test("exits 0 on SIGINT too", async () => {
  const cli = await start(["--port", "0", "--db", ":memory:"]);
  expect(cli.token).toBe("dev-token-not-secret");
  cli.child.kill("SIGINT");
  expect((await cli.exited).code).toBe(0);
});

test("fault and read-only flags are wired through", async () => {
  const cli = await start([
    "--port=0",
    "--db=:memory:",
    "--fail-next=1",
    "--fail-next-status=429",
    "--retry-after-seconds=4",
    "--read-only-token=ro-token",
    "--latency-ms=0",
  ]);
  const faulted = await listGroups(cli.url, cli.token);
  expect(faulted.status).toBe(429);
  expect(faulted.headers.get("retry-after")).toBe("4");
  expect((await listGroups(cli.url, "ro-token")).status).toBe(200);
  const write = await fetch(`${cli.url}/v2/p1/resource-groups`, {
    method: "POST",
    headers: { "X-Auth-Token": "ro-token" },
    body: JSON.stringify({ group_name: "g" }),
  });
  expect(write.status).toBe(403);
  cli.child.kill("SIGTERM");
  expect((await cli.exited).code).toBe(0);
});

test("--<dialect>-token gives one dialect its own token, printed after the start line", async () => {
  const cli = await start(["--port=0", "--db=:memory:", "--cloudflare-token=cf-token"]);
  expect(cli.token).toBe("dev-token-not-secret");
  const groups = `${cli.url}/client/v4/accounts/${"a".repeat(32)}/iam/resource_groups`;
  const cloudflare = (token: string) => fetch(groups, { headers: { Authorization: `Bearer ${token}` } });
  expect((await cloudflare("cf-token")).status).toBe(200);
  expect((await cloudflare("dev-token-not-secret")).status).toBe(401);
  expect((await listGroups(cli.url, "dev-token-not-secret")).status).toBe(200);
  cli.child.kill("SIGTERM");
  const exit = await cli.exited;
  expect(exit.code).toBe(0);
  expect(exit.stdout).toContain(
    `(token: dev-token-not-secret, db: :memory:)\n  cloudflare token: cf-token\n`,
  );
});

test("reads RESOURCEGROUPS_EMULATOR_* variables, and flags win over them", async () => {
  const cli = await start(["--token", "flag-token"], {
    RESOURCEGROUPS_EMULATOR_PORT: "0",
    RESOURCEGROUPS_EMULATOR_DB: ":memory:",
    RESOURCEGROUPS_EMULATOR_TOKEN: "env-token",
    RESOURCEGROUPS_EMULATOR_FAIL_NEXT: "1",
    RESOURCEGROUPS_EMULATOR_FAIL_STATUSES: "500,503",
  });
  expect(cli).toMatchObject({ token: "flag-token", db: ":memory:" });
  expect((await listGroups(cli.url, "flag-token")).status).toBe(503);
  expect((await listGroups(cli.url, "flag-token")).status).toBe(200);
  expect((await listGroups(cli.url, "env-token")).status).toBe(401);
  cli.child.kill("SIGTERM");
  expect((await cli.exited).code).toBe(0);
});

test.each([
  [["--port", "abc"], "--port must be a number (got 'abc')"],
  [["--port", "70000"], "--port must be an integer from 0 to 65535"],
  [["--port"], "--port"],
  [["--fail-rate", "2"], "--fail-rate must be a number between 0 and 1"],
  [["--fail-statuses", "500,404"], "--fail-statuses must be one of 500, 503, 429"],
  [["--fail-next", "1.5"], "--fail-next must be a whole number >= 0"],
  [["--latency-ms=-5"], "--latency-ms must be a whole number >= 0"],
  [["--drop-rate", "x"], "--drop-rate must be a number"],
  [["--token", ""], "--token must not be empty"],
  [["--bogus", "1"], "--bogus"],
  [["extra"], "extra"],
])("bad flags %p exit 2 naming the flag", async (args, message) => {
  const exit = await launch(args).exited;
  expect(exit.code).toBe(2);
  expect(exit.stderr).toContain(message);
  expect(exit.stdout).toBe("");
});

test("a bad environment variable exits 2 naming the variable", async () => {
  const exit = await launch([], { RESOURCEGROUPS_EMULATOR_DROP_NEXT: "many" }).exited;
  expect(exit.code).toBe(2);
  expect(exit.stderr).toContain("RESOURCEGROUPS_EMULATOR_DROP_NEXT must be a number (got 'many')");
});

test("--help lists every flag with its variable and exits 0", async () => {
  const exit = await launch(["--help"]).exited;
  expect(exit.code).toBe(0);
  for (const flag of [
    "port",
    "host",
    "db",
    "token",
    "read-only-token",
    "cloudflare-token",
    "cloudflare-read-only-token",
    "fail-rate",
    "fail-statuses",
    "fail-next",
    "latency-ms",
    "drop-rate",
    "drop-next",
  ]) {
    expect(exit.stdout).toContain(`--${flag} `);
    expect(exit.stdout).toContain(`RESOURCEGROUPS_EMULATOR_${flag.toUpperCase().replace(/-/g, "_")}`);
  }
});

test("a port in use exits 1 with the reason", async () => {
  const first = await start(["--port", "0", "--db", ":memory:"]);
  const port = new URL(first.url).port;
  const exit = await launch(["--port", port, "--db", ":memory:"]).exited;
  expect(exit.code).toBe(1);
  expect(exit.stderr).toContain("EADDRINUSE");
  first.child.kill("SIGTERM");
  await first.exited;
});

test("--help lists each dialect's routes and the admin routes", async () => {
  const exit = await launch(["--help"]).exited;
  expect(exit.code).toBe(0);
  for (const route of [
    "/v2/",
    "/client/v4/",
    "/api/v1/finops/",
    "/api/",
    "/_emulator/stats",
    "/_emulator/<dialect>/",
  ]) {
    expect(exit.stdout).toContain(route);
  }
});

test("--version prints the emulator package's version and exits 0", async () => {
  const exit = await launch(["--version"]).exited;
  expect(exit.code).toBe(0);
  const manifest = JSON.parse(
    readFileSync(join(__dirname, "..", "..", "emulator", "package.json"), "utf8"),
  ) as {
    version: string;
  };
  expect(exit.stdout.trim()).toBe(manifest.version);
});

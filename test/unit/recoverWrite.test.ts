/**
 * How the recovery tool writes a settled state: through `pulumi stack import` when nothing stays
 * pending, by writing a file backend's checkpoint itself when something does (under the backend's lock,
 * only over the state it read, the previous checkpoint kept), and not at all on other backends.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir, hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { fileBackendRoot, writeCheckpoint } from "../../provider/tools/fileBackend";
import type { Deployment, PendingOperation } from "../../provider/tools/pendingCreates";
import { deadLocalLocks } from "../../provider/tools/pulumiCli";
import { planWrite } from "../../provider/tools/writeState";

const STACK_URN = "urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev";
const foreign: PendingOperation = {
  type: "creating",
  resource: {
    urn: "urn:pulumi:dev::app::aws:s3/bucket:Bucket::logs",
    type: "aws:s3/bucket:Bucket",
    custom: true,
    // What Go's encoder leaves as it is and what it escapes, side by side.
    inputs: { __provider: "exports.handler = () => a < b && c;", note: "line\u2028separator" },
  },
};
const ours: PendingOperation = {
  type: "creating",
  resource: {
    urn: "urn:pulumi:dev::app::pulumi-nodejs:dynamic/resourcegroups:GroupMember::m",
    type: "x",
    custom: true,
  },
};
const read: Deployment = {
  manifest: { time: "2026-01-01T00:00:00Z", magic: "m", version: "v3.248.0" },
  resources: [{ urn: STACK_URN, type: "pulumi:pulumi:Stack", custom: false }],
  pending_operations: [ours, foreign],
};
const settled: Deployment = { ...read, pending_operations: [foreign] };

describe("planWrite", () => {
  it("imports through the CLI when nothing stays pending, on any backend", () => {
    expect(planWrite("https://api.pulumi.com", "/p", [])).toEqual({ via: "import" });
    expect(planWrite("file:///state", "/p", [])).toEqual({ via: "import" });
  });

  it("writes a file backend's checkpoint itself when something stays pending", () => {
    expect(planWrite("file:///srv/state?no_tmp_dir=true", "/p", [foreign])).toEqual({
      via: "checkpoint",
      root: "/srv/state",
    });
    expect(fileBackendRoot("file://~/.pulumi-state", "/p")).toBe(join(homedir(), ".pulumi-state"));
    expect(fileBackendRoot("file://state", "/p")).toBe("/p/state");
    expect(fileBackendRoot("s3://bucket", "/p")).toBeUndefined();
  });

  it("refuses any other backend, naming what would be lost and what to do, without credentials", () => {
    const plan = planWrite("https://me:secret@pulumi.example.com", "/p", [foreign]);
    expect(plan.via).toBe("refuse");
    const reason = plan.via === "refuse" ? plan.reason : "";
    expect(reason).toMatch(/^this stack's backend \(https:\/\/pulumi\.example\.com\) can only be written/);
    expect(reason).toContain("logs (aws:s3/bucket:Bucket): pending 'creating'");
    expect(reason).toContain("drops every pending operation");
    expect(reason).toContain("then run resource-groups-recover again");
    expect(reason).not.toContain("secret");
  });
});

describe("writeCheckpoint", () => {
  let root: string;
  const stacks = () => join(root, ".pulumi", "stacks", "app");
  const locks = () => join(root, ".pulumi", "locks", "organization", "app", "dev");
  const checkpointText = (latest: Deployment) =>
    JSON.stringify({ version: 3, checkpoint: { stack: "organization/app/dev", latest } });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "recover-write-"));
    mkdirSync(stacks(), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("writes the settled state, pending operations kept byte for byte, the previous checkpoint kept", async () => {
    const file = join(stacks(), "dev.json");
    // As the backend writes it: Go's compact encoder, HTML characters raw, line separators escaped.
    const before = checkpointText(read).replace("\u2028", "\\u2028");
    writeFileSync(file, before);
    writeFileSync(`${file}.attrs`, '{"md5":"stale"}');

    const written = await writeCheckpoint(root, "app", "dev", read, settled);

    expect(written).toEqual({ file, backup: `${file}.bak` });
    const after = readFileSync(file, "utf8");
    expect(JSON.parse(after)).toEqual({
      version: 3,
      checkpoint: { stack: "organization/app/dev", latest: settled },
    });
    const foreignBytes = JSON.stringify(foreign).replace("\u2028", "\\u2028");
    expect(before).toContain(foreignBytes);
    expect(after).toContain(foreignBytes);
    expect(readFileSync(`${file}.bak`, "utf8")).toBe(before);
    // No checksum of other contents, no lock and no temporary file left behind.
    expect(readdirSync(stacks()).sort()).toEqual(["dev.json", "dev.json.bak"]);
    expect(readdirSync(locks())).toEqual([]);
  });

  it("writes a gzip checkpoint as gzip", async () => {
    const file = join(stacks(), "dev.json.gz");
    writeFileSync(file, gzipSync(checkpointText(read)));
    await writeCheckpoint(root, "app", "dev", read, settled);
    const latest = (
      JSON.parse(gunzipSync(readFileSync(file)).toString()) as { checkpoint: { latest: unknown } }
    ).checkpoint.latest;
    expect(latest).toEqual(settled);
  });

  it("writes nothing when the checkpoint no longer holds the state that was read", async () => {
    const file = join(stacks(), "dev.json");
    const meanwhile = checkpointText({ ...read, resources: [] });
    writeFileSync(file, meanwhile);
    await expect(writeCheckpoint(root, "app", "dev", read, settled)).rejects.toThrow(
      /another command wrote the stack meanwhile\. Nothing was written; run resource-groups-recover again/,
    );
    expect(readFileSync(file, "utf8")).toBe(meanwhile);
    expect(readdirSync(stacks())).toEqual(["dev.json"]);
  });

  it("writes nothing while another command holds the stack's lock, and says so as the CLI does", async () => {
    const file = join(stacks(), "dev.json");
    writeFileSync(file, checkpointText(read));
    mkdirSync(locks(), { recursive: true });
    // A lock of a process of this machine that is gone.
    const lock = {
      pid: 2 ** 22 + 1,
      username: "ci",
      hostname: hostname(),
      timestamp: "2026-01-01T00:00:00Z",
    };
    writeFileSync(join(locks(), "0000.json"), JSON.stringify(lock));

    const error = await writeCheckpoint(root, "app", "dev", read, settled).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/the stack is currently locked by 1 lock\(s\)/);
    expect(error?.message).toContain(`created by ci@${hostname()} (pid ${lock.pid})`);
    // Which recover.ts reads as a dead run's lock, to release with `pulumi cancel`.
    expect(deadLocalLocks(error?.message ?? "")).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(checkpointText(read));
    expect(readdirSync(locks())).toEqual(["0000.json"]);
  });
});

/**
 * A stack's checkpoint in a file backend (`file://`), read and written the way the CLI's own backend
 * does, for what the `pulumi` commands cannot do after a kill: read a checkpoint the kill left
 * unreadable, and write a state whose pending operations must survive (`pulumi stack import` drops
 * every pending operation, of every package).
 *
 * The layout is the CLI's: `<root>/.pulumi/stacks/<project>/<stack>.json` (or `.json.gz`, `.json.zst`;
 * the newest wins; `<root>/.pulumi/stacks/<stack>.json` in the older layout without projects), holding
 * `{version, checkpoint: {stack, latest: <the deployment>}}`, and one lock file per running command in
 * `<root>/.pulumi/locks/<fully qualified stack name>/`. A write here takes that lock, checks that the
 * checkpoint still holds the deployment the tool read (so nothing another command wrote is overwritten),
 * keeps the previous checkpoint as `<file>.bak`, and replaces the file by renaming a complete copy over it.
 */
import { randomUUID } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { homedir, hostname, userInfo } from "node:os";
import { join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import * as zlib from "node:zlib";
import type { Deployment } from "./pendingCreates";

/** The folder of a `file://` backend URL, as the CLI resolves it; undefined for any other backend. */
export function fileBackendRoot(url: string, cwd: string): string | undefined {
  if (!url.startsWith("file://")) return undefined;
  const path = url.slice("file://".length).split("?")[0] ?? "";
  return path.startsWith("~") ? join(homedir(), path.slice(1)) : resolve(cwd, path);
}

/** The project's name, from its Pulumi.yaml; undefined when there is none to read. */
export function projectName(cwd: string): string | undefined {
  for (const file of ["Pulumi.yaml", "Pulumi.yml"]) {
    if (!existsSync(join(cwd, file))) continue;
    return /^name:\s*["']?([^"'\s]+)/m.exec(readFileSync(join(cwd, file), "utf8"))?.[1];
  }
  return undefined;
}

const stacksDir = (root: string) => join(root, ".pulumi", "stacks");

/** The checkpoint file of a stack, as the backend picks it among its compressions: the newest. */
export function checkpointFile(root: string, project: string, stack: string): string | undefined {
  for (const base of [join(stacksDir(root), project, stack), join(stacksDir(root), stack)]) {
    const found = [".json", ".json.gz", ".json.zst"].map((ext) => base + ext).filter((f) => existsSync(f));
    const newest = found.reduce<string | undefined>(
      (best, f) => (best === undefined || statSync(f).mtimeMs >= statSync(best).mtimeMs ? f : best),
      undefined,
    );
    if (newest !== undefined) return newest;
  }
  return undefined;
}

interface Zstd {
  zstdCompressSync?: (data: Buffer) => Buffer;
  zstdDecompressSync?: (data: Buffer) => Buffer;
}

/** Node.js has zstd from 22.15 on; a zstd checkpoint needs it. */
function zstd(file: string): Required<Zstd> {
  const { zstdCompressSync, zstdDecompressSync } = zlib as unknown as Zstd;
  if (!zstdCompressSync || !zstdDecompressSync) {
    throw new Error(`${file} is compressed with zstd, which this Node.js ${process.version} cannot read`);
  }
  return { zstdCompressSync, zstdDecompressSync };
}

/** The checkpoint file's contents: the versioned checkpoint. */
interface Checkpoint {
  version: number;
  checkpoint: { stack?: string; latest?: Deployment; [field: string]: unknown };
  [field: string]: unknown;
}

/** A backup (`.bak`) is compressed as the file it backs up. */
function decode(file: string, bytes: Buffer): string {
  file = file.replace(/\.bak$/, "");
  if (file.endsWith(".gz")) return zlib.gunzipSync(bytes).toString("utf8");
  if (file.endsWith(".zst")) return zstd(file).zstdDecompressSync(bytes).toString("utf8");
  return bytes.toString("utf8");
}

function encode(file: string, text: string): Buffer {
  const bytes = Buffer.from(text, "utf8");
  if (file.endsWith(".gz")) return zlib.gzipSync(bytes);
  if (file.endsWith(".zst")) return zstd(file).zstdCompressSync(bytes);
  return bytes;
}

/**
 * JSON as the backend writes it (Go's encoder, compact, HTML characters as they are), so that what is
 * carried over unchanged, the pending operations kept among it, is written byte for byte as before:
 * Go escapes the two line separators JavaScript leaves raw.
 */
function asTheBackendWrites(value: unknown): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

function readCheckpoint(file: string): Checkpoint {
  const parsed = JSON.parse(decode(file, readFileSync(file))) as Checkpoint;
  if (typeof parsed?.checkpoint !== "object" || parsed.checkpoint === null) {
    throw new Error(`${file} is not a stack checkpoint`);
  }
  return parsed;
}

/**
 * Replaces `file` with `bytes` all at once: a complete copy, flushed to disk, renamed over it. The
 * file's attributes sidecar (`<file>.attrs`, the backend's record of its checksum) is removed first,
 * so it never describes other contents; the backend reads a missing one as none.
 */
function replaceFile(file: string, bytes: Buffer): void {
  const temporary = `${file}.${randomUUID()}.tmp`;
  const fd = openSync(temporary, "w");
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  rmSync(`${file}.attrs`, { force: true });
  renameSync(temporary, file);
}

/** Lock files of the backend in a folder (its attribute sidecars are not locks). */
function locksIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => join(dir, name));
}

/** The CLI's own words for a locked stack, which recover.ts knows how to read. */
function lockedError(locks: string[]): Error {
  const owners = locks.map((lock) => {
    try {
      const l = JSON.parse(readFileSync(lock, "utf8")) as Record<string, unknown>;
      return `\n  ${lock}: created by ${String(l.username)}@${String(l.hostname)} (pid ${String(l.pid)}) at ${String(l.timestamp)}`;
    } catch {
      return `\n  ${lock}`;
    }
  });
  return new Error(
    `the stack is currently locked by ${locks.length} lock(s). Either wait for the other process(es) to ` +
      `end or delete the lock file with \`pulumi cancel\`.${owners.join("")}`,
  );
}

/** Runs `work` holding the stack's lock, taken as the CLI takes it, so no other command writes meanwhile. */
async function withStackLock<T>(root: string, qualifiedStack: string, work: () => Promise<T>): Promise<T> {
  const dir = join(root, ".pulumi", "locks", ...qualifiedStack.split("/"));
  const mine = join(dir, `${randomUUID()}.json`);
  const others = () => locksIn(dir).filter((lock) => lock !== mine);
  if (others().length > 0) throw lockedError(others());
  mkdirSync(dir, { recursive: true });
  const content = {
    pid: process.pid,
    username: userInfo().username,
    hostname: hostname(),
    timestamp: new Date(),
  };
  replaceFile(mine, Buffer.from(JSON.stringify(content)));
  try {
    // Two commands may have written theirs at once: both see the other, and both give way.
    if (others().length > 0) throw lockedError(others());
    return await work();
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Where a checkpoint was written, and where the one before it was kept. */
export interface Written {
  file: string;
  backup: string;
}

/**
 * Writes `next` as the stack's deployment, pending operations and all, provided the checkpoint still
 * holds `read` (the deployment the tool exported and settled): otherwise another command wrote the
 * stack meanwhile, and nothing is written.
 */
export async function writeCheckpoint(
  root: string,
  project: string,
  stack: string,
  read: Deployment,
  next: Deployment,
): Promise<Written> {
  const file = checkpointFile(root, project, stack);
  if (file === undefined)
    throw new Error(`no checkpoint of stack ${project}/${stack} under ${stacksDir(root)}`);
  const qualified = readCheckpoint(file).checkpoint.stack ?? stack;
  return withStackLock(root, qualified, () => {
    const current = readCheckpoint(file);
    if (!isDeepStrictEqual(current.checkpoint.latest, read)) {
      throw new Error(
        `${file} no longer holds the state this tool read: another command wrote the stack meanwhile. ` +
          "Nothing was written; run resource-groups-recover again.",
      );
    }
    const backup = `${file}.bak`;
    copyFileSync(file, `${backup}.${process.pid}.tmp`);
    rmSync(`${backup}.attrs`, { force: true });
    renameSync(`${backup}.${process.pid}.tmp`, backup);
    replaceFile(
      file,
      encode(file, asTheBackendWrites({ ...current, checkpoint: { ...current.checkpoint, latest: next } })),
    );
    return Promise.resolve({ file, backup });
  });
}

const parses = (file: string): boolean => {
  try {
    JSON.parse(decode(file, readFileSync(file)));
    return true;
  } catch {
    return false;
  }
};

/**
 * A file backend writes each checkpoint to a temporary file it then renames, but writes the file's
 * attributes (`<file>.attrs`) in place: a kill during that write leaves them empty, and the CLI then
 * fails with `failed to load checkpoint: EOF`. Broken attributes are removed (the backend reads a
 * missing attributes file as none). A checkpoint that is itself cut short is put back to the one
 * before it (`<stack>.json.bak`, the broken file kept beside it): the write lost is the start or end of
 * one step, which the pending operations settled afterwards cover either way. Returns what was done.
 */
export function repairCutCheckpoint(root: string, cwd: string, stack: string | undefined): string[] {
  const project = projectName(cwd);
  // The stack's name is not asked of the CLI: with the checkpoint unreadable, that fails too.
  const name = stack?.split("/").pop();
  const files = [...(project ? [join(stacksDir(root), project)] : []), stacksDir(root)]
    .filter((folder) => existsSync(folder))
    .flatMap((folder) => readdirSync(folder).map((entry) => join(folder, entry)))
    .filter((f) => name === undefined || f.includes(`/${name}.json`));
  const done: string[] = [];
  for (const attrs of files.filter((f) => f.endsWith(".attrs") && !parses(f))) {
    rmSync(attrs);
    done.push(`removed the empty attributes file ${attrs}`);
  }
  for (const file of files.filter((f) => /\.json(\.gz|\.zst)?$/.test(f) && !parses(f))) {
    if (!existsSync(`${file}.bak`) || !parses(`${file}.bak`)) continue;
    const kept = `${file}.cut-${Date.now()}`;
    renameSync(file, kept);
    copyFileSync(`${file}.bak`, file);
    rmSync(`${file}.attrs`, { force: true });
    done.push(`restored ${file}.bak (the broken checkpoint is kept as ${kept})`);
  }
  return done;
}

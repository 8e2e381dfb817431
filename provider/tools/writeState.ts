/**
 * How the settled state reaches the stack, under one rule: no pending operation the tool keeps (another
 * package's, or one of ours that needs a person) may be lost.
 *
 * `pulumi stack import` is the CLI's way to write a whole state, with its own checks, lock and backup,
 * and it works on every backend; but it drops every pending operation of the state it imports, of every
 * package, with only a warning (Pulumi v3.248: `SaveSnapshot` in pkg/cmd/pulumi/stack/io.go clears
 * `PendingOperations` before writing; `pulumi state edit` goes through the same function), and no other
 * command writes a whole state. So:
 * - nothing kept pending: `pulumi stack import`, on any backend, loses nothing;
 * - something kept pending, file backend: the checkpoint file is written directly (fileBackend.ts),
 *   under the backend's lock, after the integrity check the import would run, and read back through
 *   `pulumi stack export` to show that what was kept is there;
 * - something kept pending, any other backend: refused before anything is written, saying why and
 *   what to do instead.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { fileBackendRoot, writeCheckpoint } from "./fileBackend";
import type { Deployment, PendingOperation } from "./pendingCreates";
import { deadLocalLocks, pulumi, type Options } from "./pulumiCli";

export type WritePlan =
  { via: "import" } | { via: "checkpoint"; root: string } | { via: "refuse"; reason: string };

/** `pulumi stack export`'s output: the deployment and its schema version. */
export interface Exported {
  deployment: Deployment;
  [field: string]: unknown;
}

const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

/** A backend URL fit for a message: no user or password. */
const shown = (url: string) => url.replace(/\/\/[^/@]*@/, "//");

/** How to write the settled state, given the backend and the operations that must stay pending. */
export function planWrite(backend: string, cwd: string, kept: readonly PendingOperation[]): WritePlan {
  if (kept.length === 0) return { via: "import" };
  const root = fileBackendRoot(backend, cwd);
  if (root !== undefined) return { via: "checkpoint", root };
  const listed = kept.map(
    (op) => `\n  ${nameOf(op.resource.urn)} (${op.resource.type}): pending '${op.type}'`,
  );
  return {
    via: "refuse",
    reason:
      `this stack's backend (${shown(backend)}) can only be written with \`pulumi stack import\`, which ` +
      "drops every pending operation, and these must stay pending:" +
      listed.join("") +
      "\nSettle them first (`pulumi refresh`, run in a terminal, asks what to do with each pending create: " +
      "skip the ones of pulumi-resource-groups), then run resource-groups-recover again.",
  };
}

/** What a dry run says it would do. */
export function describePlan(plan: WritePlan): string {
  switch (plan.via) {
    case "import":
      return "A real run writes the stack with `pulumi stack import`.";
    case "checkpoint":
      return "A real run writes the stack's checkpoint file itself, so that what is left pending stays pending.";
    case "refuse":
      return `A real run changes nothing: ${plan.reason}`;
  }
}

/** Runs `write`; a lock left by a dead run of this machine is released once, then `write` runs again. */
async function releasingDeadLocks(
  options: Options,
  log: (line: string) => void,
  write: () => Promise<void>,
): Promise<void> {
  try {
    await write();
  } catch (error) {
    // A `pulumi cancel` before an unreadable checkpoint was repaired fails too, leaving the lock.
    if (!deadLocalLocks((error as Error).message)) throw error;
    log("The stack was still locked by the interrupted run, whose process is gone: released it.");
    await pulumi(options, ["cancel", "--yes"]);
    await write();
  }
}

/** Imports a state through the CLI: for a state with no pending operation, the CLI drops nothing. */
async function importWithCli(options: Options, exported: Exported): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "resource-groups-recover-"));
  try {
    const file = join(dir, "deployment.json");
    writeFileSync(file, JSON.stringify(exported));
    await pulumi(options, ["stack", "import", "--file", file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What must read back the same: the pending operations whole, the resources by URN, id and deletion mark. */
const essentials = (d: Deployment) => ({
  pending: d.pending_operations ?? [],
  resources: (d.resources ?? []).map((r) => [r.urn, r.id ?? "", r.delete === true]),
});

/** The stack and project a state belongs to, from its URNs (`urn:pulumi:<stack>::<project>::...`). */
function stackOf(deployment: Deployment): { stack: string; project: string } {
  const urn = deployment.resources?.[0]?.urn ?? deployment.pending_operations?.[0]?.resource.urn ?? "";
  const [, stack, project] = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urn) ?? [];
  if (!stack || !project) throw new Error(`cannot tell the stack from the URN '${urn}'`);
  return { stack, project };
}

/**
 * Writes `settled` to the stack as `plan` says; `exported` is what `pulumi stack export` gave, the
 * deployment it was settled from. Returns one sentence on how it was written.
 */
export async function writeState(
  options: Options,
  plan: Exclude<WritePlan, { via: "refuse" }>,
  exported: Exported,
  settled: Deployment,
  log: (line: string) => void,
): Promise<string> {
  if (plan.via === "import") {
    await releasingDeadLocks(options, log, () =>
      importWithCli(options, { ...exported, deployment: settled }),
    );
    return "Wrote the stack with `pulumi stack import`.";
  }
  const read = exported.deployment;
  const { stack, project } = stackOf(read);
  let written = { file: "", backup: "" };
  await releasingDeadLocks(options, log, async () => {
    written = await writeCheckpoint(plan.root, project, stack, read, settled);
  });
  // Read back by the CLI: what was kept pending is there, exactly.
  const back = (JSON.parse(await pulumi(options, ["stack", "export"])) as Exported).deployment;
  if (!isDeepStrictEqual(essentials(back), essentials(settled))) {
    throw new Error(
      `the CLI reads ${written.file} back differently from what was written; the previous checkpoint ` +
        `is ${written.backup}`,
    );
  }
  return (
    `Wrote the stack's checkpoint ${written.file} itself (the previous one is kept as ${written.backup}): ` +
    "`pulumi stack import` would have dropped what is left pending."
  );
}

/**
 * Throughput, API calls and memory of the provider's handlers against the emulator (real HTTP, a
 * SQLite file in a temp folder). Run: npm run bench. Figures are written down in bench/README.md.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startEmulator, type RunningEmulator } from "../emulator";
import { handlers, resetSettings } from "../provider/runtime";
import { create, update } from "../test/support/engine";

const PROJECT = "bench";

interface Result {
  scenario: string;
  operations: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p95ms: number;
  apiCallsPerOperation: number;
}

async function runPool<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      const started = performance.now();
      await work(item);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function measure(
  emulator: RunningEmulator,
  scenario: string,
  count: number,
  concurrency: number,
  work: (i: number) => Promise<void>,
): Promise<Result> {
  emulator.resetStats();
  const started = performance.now();
  const latencies = await runPool(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    work,
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    scenario,
    operations: count,
    seconds: Number(seconds.toFixed(2)),
    perSecond: Math.round(count / seconds),
    p50ms: Number(percentile(latencies, 0.5).toFixed(1)),
    p95ms: Number(percentile(latencies, 0.95).toFixed(1)),
    apiCallsPerOperation: Number((emulator.stats().total / count).toFixed(2)),
  };
}

async function createGroup(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (await create("resourceGroup", { name, ...extra })).id;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rg-bench-"));
  const emulator = await startEmulator({ port: 0, db: join(dir, "bench.sqlite") });
  Object.assign(process.env, {
    RESOURCEGROUPS_ENDPOINT: emulator.url,
    RESOURCEGROUPS_PROJECT_ID: PROJECT,
    RESOURCEGROUPS_TOKEN: emulator.token,
    RESOURCEGROUPS_MAX_RETRIES: "8",
  });
  resetSettings();
  const rssBefore = process.memoryUsage().rss;
  const results: Result[] = [];
  try {
    results.push(
      await measure(emulator, "create Manual group", 300, 10, (i) =>
        createGroup(`bench-${i}`).then(() => undefined),
      ),
    );

    const groupIds = await Promise.all(Array.from({ length: 10 }, (_, i) => createGroup(`members-${i}`)));
    results.push(
      await measure(emulator, "add GroupMember (10 groups)", 500, 10, async (i) => {
        const news = {
          groupId: groupIds[i % groupIds.length],
          namespace: "SYS.ECS",
          dimensions: [{ name: "instance_id", value: `i-${i}` }],
        };
        await create("groupMember", news);
      }),
    );

    const tagGroups = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createGroup(`tags-${i}`, { type: "TAG", tags: [{ key: "env" }] })),
    );
    results.push(
      await measure(emulator, "add TagRule (9 per group, 20 groups)", 180, 10, async (i) => {
        const news = { groupId: tagGroups[i % tagGroups.length], key: `k${Math.floor(i / 20)}`, value: "v" };
        await create("tagRule", news);
      }),
    );

    results.push(
      await measure(emulator, "refresh (read) group", 500, 10, async (i) => {
        const id = groupIds[i % groupIds.length] as string;
        await handlers.resourceGroup.read(id, { name: `members-${i % 10}`, tags: [] });
      }),
    );

    // A group's whole membership as one resource: 10 groups of 1,000 members each.
    const fleets = await Promise.all(Array.from({ length: 10 }, (_, i) => createGroup(`fleet-${i}`)));
    const fleet = (from: number) =>
      Array.from({ length: 1000 }, (_, i) => ({
        namespace: "SYS.ECS",
        dimensions: [{ name: "instance_id", value: `i-${from + i}` }],
      }));
    const declared: Record<string, unknown>[] = [];
    results.push(
      await measure(emulator, "create GroupMembers of 1,000", 10, 10, async (i) => {
        declared[i] = (await create("groupMembers", { groupId: fleets[i], members: fleet(0) })).outs;
      }),
    );
    results.push(
      await measure(emulator, "GroupMembers: change 10 of 1,000", 10, 10, async (i) => {
        const news = {
          groupId: fleets[i],
          members: fleet(10).slice(0, 990).concat(fleet(5000).slice(0, 10)),
        };
        declared[i] = await update("groupMembers", fleets[i] as string, declared[i] ?? {}, news);
      }),
    );
    results.push(
      await measure(emulator, "refresh GroupMembers of 1,000", 10, 10, async (i) => {
        await handlers.groupMembers.read(fleets[i] as string, declared[i] ?? {});
      }),
    );

    emulator.setFaults({ failRate: 0.2, failStatuses: [500, 503], dropRate: 0.1 });
    results.push(
      await measure(emulator, "create group, 20% failures + 10% drops", 100, 10, (i) =>
        createGroup(`faulty-${i}`).then(() => undefined),
      ),
    );
    emulator.setFaults({});
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const rssAfter = process.memoryUsage().rss;
  console.table(results);
  console.log(
    `memory: rss ${(rssBefore / 2 ** 20).toFixed(0)} MiB before, ${(rssAfter / 2 ** 20).toFixed(0)} MiB after ` +
      `(emulator and provider in one process); node ${process.version}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

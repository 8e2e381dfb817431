/**
 * The API floor: the calls our handlers make for the bench's graph, from a plain script with the
 * CLI's parallelism and no engine. A member starts once its group exists, as in the engine.
 */
import { performance } from "node:perf_hooks";
import { handlers } from "../../provider/runtime";
import { GROUP_PREFIX } from "./programs";

type Task = () => Promise<Task[]>;

/** Runs tasks `parallel` at a time; a task returns the tasks it unblocks. */
async function runGraph(roots: Task[], parallel: number): Promise<void> {
  const queue = [...roots];
  let running = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      if (queue.length === 0 && running === 0) return resolve();
      while (running < parallel && queue.length > 0) {
        const task = queue.shift() as Task;
        running++;
        task().then((next) => {
          running--;
          queue.push(...next);
          pump();
        }, reject);
      }
    };
    pump();
  });
}

async function checked(kind: "resourceGroup" | "groupMember", news: Record<string, unknown>) {
  const result = await handlers[kind].check({}, news);
  if (result.failures?.length) throw new Error(JSON.stringify(result.failures));
  return result.inputs as Record<string, unknown>;
}

/** Creates then deletes the graph; seconds of each phase. */
export async function bareRun(
  groups: number,
  members: number,
  parallel: number,
): Promise<{ up: number; destroy: number }> {
  const created: { kind: "resourceGroup" | "groupMember"; id: string; outs: Record<string, unknown> }[] = [];
  const create = async (kind: "resourceGroup" | "groupMember", news: Record<string, unknown>) => {
    const result = await handlers[kind].create(await checked(kind, news));
    created.push({ kind, id: result.id, outs: result.outs as Record<string, unknown> });
    return result.id;
  };
  const memberTask =
    (groupId: string, g: number, m: number): Task =>
    async () => {
      const dimensions = [{ name: "instance_id", value: `i-${g}-${m}` }];
      await create("groupMember", { groupId, namespace: "SYS.ECS", dimensions });
      return [];
    };
  const groupTask =
    (g: number): Task =>
    async () => {
      const id = await create("resourceGroup", { name: `${GROUP_PREFIX}${g}`, type: "Manual" });
      return Array.from({ length: members }, (_, m) => memberTask(id, g, m));
    };

  let started = performance.now();
  await runGraph(
    Array.from({ length: groups }, (_, g) => groupTask(g)),
    parallel,
  );
  const up = (performance.now() - started) / 1000;

  // Members first, then their groups, as the engine orders a destroy.
  started = performance.now();
  const remove = (kind: "resourceGroup" | "groupMember"): Task[] =>
    created
      .filter((r) => r.kind === kind)
      .map((r) => async () => {
        await handlers[kind].delete(r.id, r.outs);
        return [];
      });
  await runGraph(remove("groupMember"), parallel);
  await runGraph(remove("resourceGroup"), parallel);
  const destroy = (performance.now() - started) / 1000;
  return { up, destroy };
}

/**
 * Serializes read-modify-write cycles on one group. The API has no conditional update, so two
 * TagRules of one group created in parallel would otherwise overwrite each other's tag.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withGroupLock<T>(groupId: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(groupId) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(groupId, tail);
  try {
    return await run;
  } finally {
    if (tails.get(groupId) === tail) tails.delete(groupId);
  }
}

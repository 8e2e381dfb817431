/**
 * Runs one API write per item for APIs without batch writes, a few at a time. After the first failure
 * no further item starts (the ones under way finish), and the caller learns exactly which items were
 * written, so a partial create or update can record what holds.
 */
export interface EachResult<T> {
  /** The items whose work completed, in completion order. */
  done: T[];
  /** The first failure, when there was one. */
  error?: Error;
}

export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<EachResult<T>> {
  const result: EachResult<T> = { done: [] };
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
        result.done.push(item);
      } catch (error) {
        if (!failed) result.error = error instanceof Error ? error : new Error(String(error));
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return result;
}

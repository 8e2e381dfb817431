/**
 * Serializes read-modify-write cycles on one object. The vendor APIs have no conditional update, so two
 * resources that change the same group in parallel would otherwise overwrite each other's change.
 * Keys name the vendor and location as well as the object (`ces:<endpoint>:<project>:<group>`): ids of
 * different vendors or accounts may coincide.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}

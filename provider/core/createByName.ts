/**
 * Creates a named object (a group, at vendors whose names are unique) without looking the name up
 * first: the vendor refuses a name in use, and only then is the holder looked up, to adopt it or to
 * say who holds the name. A lost answer is covered by the vendor API's create, which looks the name up
 * before it repeats the request; a group found that way that is older than this create was not made by
 * it (the first attempt failed, and the name was someone else's), so it is handled as a clash too.
 */

/** Clocks of client and vendor may differ by this much; an older group was not made by this create. */
export const CREATE_CLOCK_SKEW_MS = 60_000;

export interface CreateByName<G, R> {
  /**
   * Look the name up before creating: for an adopt, which expects the group to exist and must not
   * write to take it over.
   */
  lookFirst?: boolean;
  create: () => Promise<G>;
  /** Whether a failed create may have been refused for its name. */
  mayBeClash: (error: unknown) => boolean;
  findByName: () => Promise<G | undefined>;
  /** When the vendor made the group, in milliseconds since the epoch, if it says. */
  createdAtMs: (group: G) => number | undefined;
  /** The name is held by `group`, which this create did not make. */
  taken: (group: G) => Promise<R>;
  made: (group: G) => R | Promise<R>;
}

export async function createByName<G, R>(steps: CreateByName<G, R>): Promise<R> {
  if (steps.lookFirst) {
    const holder = await steps.findByName();
    if (holder !== undefined) return steps.taken(holder);
  }
  const started = Date.now();
  let group: G;
  try {
    group = await steps.create();
  } catch (error) {
    if (!steps.mayBeClash(error)) throw error;
    // The look-up only explains the refusal: if it fails too, the refusal is what the user sees.
    const holder = await steps.findByName().catch(() => undefined);
    if (holder === undefined) throw error;
    return steps.taken(holder);
  }
  const createdAt = steps.createdAtMs(group);
  if (createdAt !== undefined && createdAt > 0 && createdAt < started - CREATE_CLOCK_SKEW_MS) {
    return steps.taken(group);
  }
  return steps.made(group);
}

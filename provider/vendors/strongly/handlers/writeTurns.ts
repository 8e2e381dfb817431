/**
 * The order of a GroupMembers update's adds and removals in a group with a member limit. Adds go first
 * while there is room, so a group whose members all change is never emptied; in a full group, a few
 * removals at a time make room for the adds still waiting, so a swap never pushes it past its limit
 * (the API would refuse the add). Removals no add waits for come last.
 */

export interface Turn<T> {
  action: "add" | "remove";
  members: T[];
}

export interface WritePlan<T> {
  /** Run one after the other; the members of one turn may be written in parallel. */
  turns: Turn<T>[];
  /** The removals left once every add is done. */
  rest: T[];
}

/**
 * `held` is how many members the group holds before the update, `limit` its most, `step` how many
 * removals at most make room at a time (the group dips at most that far below its limit).
 */
export function writeTurns<T>(
  adds: readonly T[],
  removals: readonly T[],
  held: number,
  limit: number,
  step: number,
): WritePlan<T> {
  const waiting = [...adds];
  const removable = [...removals];
  const turns: Turn<T>[] = [];
  let room = Math.max(0, limit - held);
  while (waiting.length > 0) {
    if (room === 0 && removable.length > 0) {
      const making = removable.splice(0, Math.max(1, Math.min(step, waiting.length)));
      turns.push({ action: "remove", members: making });
      room += making.length;
    }
    // No room and nothing left to remove: the adds are tried all the same, and the API says why not.
    const now = waiting.splice(0, room > 0 ? room : waiting.length);
    turns.push({ action: "add", members: now });
    room = Math.max(0, room - now.length);
  }
  return { turns, rest: removable };
}

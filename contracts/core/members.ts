/** Positions of members that repeat an earlier one's identity: `[index, index of the first]`. */
export function repeatedMembers<T>(members: readonly T[], key: (m: T) => string): [number, number][] {
  const first = new Map<string, number>();
  const repeats: [number, number][] = [];
  members.forEach((m, i) => {
    const k = key(m);
    const seen = first.get(k);
    if (seen === undefined) first.set(k, i);
    else repeats.push([i, seen]);
  });
  return repeats;
}

/**
 * One read of a group (or of its members), shared by every resource that asks for it at about the
 * same time. A refresh reads each GroupMember separately; without sharing, a group of 500 members
 * would be fetched 500 times. A read in flight is joined; a finished one is reused for `windowMs`, and any write to the
 * group through this provider forgets it, so a change made here is never hidden. A failed read is
 * not kept.
 */
export class SharedReads<T> {
  private readonly entries = new Map<string, { value: Promise<T>; freshUntil: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const found = this.entries.get(key);
    if (found && found.freshUntil > this.now()) return found.value;
    const entry = { value: load(), freshUntil: Number.POSITIVE_INFINITY };
    this.entries.set(key, entry);
    entry.value.then(
      () => (entry.freshUntil = this.now() + this.windowMs),
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

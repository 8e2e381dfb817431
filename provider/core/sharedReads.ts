import { onSettingsReset } from "./settings";

/**
 * One read of a group (or of its members), shared by every resource that asks for it at about the
 * same time. A refresh reads each GroupMember separately; without sharing, a group of 500 members
 * would be fetched 500 times. A read in flight is joined; a finished one is reused for `windowMs`,
 * and any write to the group through this provider forgets it, so a change made here is never hidden.
 * A failed read is not kept.
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

  /**
   * Runs a write to what `key` names, forgetting its shared read before (nobody joins a read older than
   * the write) and after, whatever the outcome (nor one made while the write ran).
   */
  async writing<R>(key: string, write: () => Promise<R>): Promise<R> {
    this.forget(key);
    try {
      return await write();
    } finally {
      this.forget(key);
    }
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Reads shared by every client of the process, whatever its settings (so keys name the vendor, the
 * endpoint and the group), and forgotten when the settings are reset.
 */
export function processWideReads<T>(windowMs: number): SharedReads<T> {
  const reads = new SharedReads<T>(windowMs);
  onSettingsReset(() => reads.clear());
  return reads;
}

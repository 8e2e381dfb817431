/**
 * One read of a group shared by every caller within a short window, keyed by vendor, endpoint and
 * group. A refresh reads each member's group; without this, a group of 200 members would be read 200
 * times. Writes forget the shared read, so nobody sees a group older than their own change.
 */
import { onSettingsReset } from "../../core/settings";

/** Long enough to cover one refresh's burst of member reads, short enough never to hide drift. */
export const GROUP_READ_WINDOW_MS = 2_000;

interface SharedRead<T> {
  at: number;
  value: Promise<T>;
}

const reads = new Map<string, SharedRead<unknown>>();
onSettingsReset(() => reads.clear());

export function sharedGroupRead<T>(key: string, load: () => Promise<T>, now = Date.now): Promise<T> {
  const hit = reads.get(key) as SharedRead<T> | undefined;
  if (hit && now() - hit.at < GROUP_READ_WINDOW_MS) return hit.value;
  const entry: SharedRead<T> = { at: now(), value: load() };
  reads.set(key, entry);
  // A failed read is not shared: the next caller tries again.
  entry.value.catch(() => {
    if (reads.get(key) === entry) reads.delete(key);
  });
  return entry.value;
}

export function forgetGroupRead(key: string): void {
  reads.delete(key);
}

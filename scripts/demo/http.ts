/** Reads the emulator as an outside observer, for the demo's summary. */
import type { RunningEmulator } from "../../emulator";

export async function getJson<T>(
  emulator: RunningEmulator,
  path: string,
  headers: Record<string, string>,
): Promise<T> {
  const response = await fetch(`${emulator.url}${path}`, { headers });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const line = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

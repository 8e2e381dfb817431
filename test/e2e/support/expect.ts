/** Small assertions on what the CLI printed and what the emulator holds, shared by the e2e files. */
import type { WireGroup } from "./emulator";

/**
 * A line of a plan or progress display: `+  <type> <name> create`, `~  <type> <name> updated`...
 * `symbol` is the change column (+, ~, -, +-, --, ++), `op` the word(s) after the name.
 */
export function displayLine(symbol: string, type: string, name: string, op: string): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^\\s*${esc(symbol)}\\s+${esc(type)} ${esc(name)} ${esc(op)}(\\s.*)?$`, "m");
}

/** Where `pattern` first matches in `text`, failing if it does not. */
export function indexOf(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  if (!match) throw new Error(`${String(pattern)} not found in:\n${text}`);
  return match.index;
}

/** A group's tags as sorted `key=value` strings. */
export function tagList(group: WireGroup | undefined): string[] {
  return (group?.tags ?? []).map((t) => `${t.key}=${t.value ?? ""}`).sort();
}

/** Small formatting helpers so every message names values the same way. */

/** `a, b, c`; `(none)` for an empty list. */
export function list(items: readonly string[]): string {
  return items.length === 0 ? "(none)" : items.join(", ");
}

/** A value as it appears in messages: in single quotes, JSON-escaped if it has quotes, backslashes or controls. */
export function quote(value: string): string {
  const plain = [...value].every((char) => char !== "'" && char !== "\\" && char.charCodeAt(0) >= 0x20);
  return plain ? `'${value}'` : JSON.stringify(value);
}

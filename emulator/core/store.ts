/** What the dialects' stores have in common: new ids, and rows that must be there. */
import { randomInt } from "node:crypto";

export const LOWERCASE_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
export const ALPHANUMERIC = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${LOWERCASE_ALPHANUMERIC}`;

/** `prefix` and then `length` characters of `alphabet`, drawn from a cryptographic source. */
export function randomId(prefix: string, length: number, alphabet: string): string {
  let id = prefix;
  for (let i = 0; i < length; i++) id += alphabet[randomInt(alphabet.length)];
  return id;
}

/** A new id that no stored row has yet; call it inside the transaction that stores the row. */
export function unusedId(newId: () => string, taken: (id: string) => unknown): string {
  let id = newId();
  while (taken(id)) id = newId();
  return id;
}

/** The row a lookup found, or the dialect's "not found" error. */
export function found<T>(row: T | undefined | null, notFound: () => Error): T {
  if (row === undefined || row === null) throw notFound();
  return row;
}

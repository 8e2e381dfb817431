/** Request bodies: every dialect takes a JSON object and words its three ways of failing to be one. */

export interface JsonObjectErrors {
  /** Nothing, or only white space, was sent. */
  empty(): Error;
  /** The text is not JSON; `reason` is the parser's. */
  notJson(reason: string): Error;
  /** JSON, but not an object (an array, a string, null...). */
  notObject(): Error;
}

export function parseJsonObject(raw: string, errors: JsonObjectErrors): Record<string, unknown> {
  if (raw.trim() === "") throw errors.empty();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw errors.notJson((error as Error).message);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw errors.notObject();
  return value as Record<string, unknown>;
}

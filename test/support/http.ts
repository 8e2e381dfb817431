/** One HTTP call to the emulator as the thin vendor clients of the tests make it, and its whole answer. */

export interface Reply<T> {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; undefined when the answer has none. */
  json: T;
}

export interface BodyOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent verbatim, for malformed bodies; wins over `body`. */
  raw?: string;
}

/** Sends a JSON request (or the raw text given) and reads the answer to its end. */
export async function send<T>(
  url: string,
  method: string,
  headers: Record<string, string>,
  options: BodyOptions = {},
): Promise<Reply<T>> {
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetch(url, {
    method,
    headers: { "Content-Type": "application/json", ...headers },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: (text ? JSON.parse(text) : undefined) as T,
  };
}

/** Empties one dialect's data (`/_emulator/<dialect>/reset`), or every dialect's, and checks it worked. */
export async function resetEmulatorData(emulator: { url: string }, dialect?: string): Promise<void> {
  const response = await fetch(`${emulator.url}/_emulator/${dialect ? `${dialect}/` : ""}reset`, {
    method: "POST",
  });
  expect(response.status).toBe(200);
}

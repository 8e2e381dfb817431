/**
 * One HTTP request and its answer over Node's own `http`/`https`, which every provider process has
 * loaded already: a client library would cost a small stack tens of milliseconds of start-up on each
 * command that calls an API (bench/README.md, "Small stacks"). Redirects are not followed (a redirect
 * could carry the credential to another host) and every status comes back as an answer; only a
 * request that gets no answer rejects, with Node's error and its `code`.
 */
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";

export interface ExchangeRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** The body as sent, already serialized. */
  body?: string;
  /** The whole exchange, from connecting to the last byte of the answer. */
  timeoutMs: number;
  /** A proxy's agent; without one, Node's default agent. */
  agent?: Agent;
}

export interface ExchangeResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON; the text itself when it is not JSON; "" when there is none. */
  data: unknown;
}

/** The error of a request that outlived its timeout, with the code Node gives a socket timeout. */
export class ExchangeTimeoutError extends Error {
  readonly code = "ETIMEDOUT";
  constructor(timeoutMs: number) {
    super(`timeout of ${timeoutMs}ms exceeded`);
    this.name = "ExchangeTimeoutError";
  }
}

export function exchange(spec: ExchangeRequest): Promise<ExchangeResponse> {
  const send = spec.url.protocol === "https:" ? httpsRequest : httpRequest;
  const headers: Record<string, string | number> = { ...spec.headers };
  if (spec.body !== undefined) headers["Content-Length"] = Buffer.byteLength(spec.body);
  return new Promise((resolve, reject) => {
    const request = send(spec.url, { method: spec.method, headers, agent: spec.agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", fail);
      response.on("end", () => {
        clearTimeout(timer);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          data: parsedBody(Buffer.concat(chunks).toString("utf8")),
        });
      });
    });
    const timer = setTimeout(() => request.destroy(new ExchangeTimeoutError(spec.timeoutMs)), spec.timeoutMs);
    function fail(error: Error): void {
      clearTimeout(timer);
      reject(error);
    }
    request.on("error", fail);
    request.end(spec.body);
  });
}

/** Vendors answer JSON; an answer that is not (a proxy's error page) is kept as text for the message. */
function parsedBody(text: string): unknown {
  if (text === "") return "";
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `base` and `path` joined with one slash, and the query's defined values appended. */
export function requestUrl(
  base: string,
  path: string,
  query?: Record<string, string | number | undefined>,
): URL {
  const url = new URL(`${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.append(key, String(value));
  }
  return url;
}

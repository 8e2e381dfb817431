/** Small HTTP helpers shared by the API pipeline and the admin routes. */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Bodies above this size are answered 413, unless their route takes more (`Route.maxBodyBytes`): no
 * valid body of any dialect comes near it but CES's member batches (see docs/emulator.md).
 */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface RequestBody {
  text: string;
  tooLarge: boolean;
}

/**
 * Reads the whole body, so the connection is clean even when the answer is an early error; past
 * `limit` bytes the rest is read and dropped, so memory stays bounded whatever a client sends.
 */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    else chunks.push(chunk);
  }
  return { text: tooLarge ? "" : Buffer.concat(chunks).toString("utf8"), tooLarge };
}

export function newRequestId(): string {
  return randomBytes(16).toString("hex");
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}

/** The first value of a request header. */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The token of an `Authorization: Bearer <token>` header; undefined for any other scheme. */
export function bearerToken(req: IncomingMessage): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(headerValue(req, "authorization") ?? "")?.[1];
}

/**
 * The contract between the generic server and one vendor API (CES now; Cloudflare, Strongly and ZopNight
 * later). The server owns transport concerns (auth, faults, stats, drops); a vendor owns its routes, its
 * storage and the shape of its error bodies.
 */
import type { IncomingMessage } from "node:http";
import type { SqlDatabase } from "./sqlite";
import type { Migration } from "./db";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface ApiCall {
  /** Decoded path parameters, named as in the route pattern. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The raw body text ("" when none was sent). */
  body: string;
}

export interface ApiReply {
  status: number;
  /** Omitted for bodiless answers such as 204. */
  body?: unknown;
}

export interface Route {
  method: HttpMethod;
  /** Path with `{name}` placeholders; also the key under which stats count the route. */
  pattern: string;
  handle(call: ApiCall): ApiReply | Promise<ApiReply>;
}

/** Failures the server raises itself; each vendor renders them in its own error shape. */
export type FailureKind = "unauthorized" | "forbidden" | "route-not-found" | "injected" | "body-too-large";

export class EmulatorFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "EmulatorFailure";
  }
}

export interface RenderedError {
  status: number;
  body: unknown;
}

export interface VendorApi {
  name: string;
  /** Path prefix that selects this vendor, e.g. "/v2/". */
  prefix: string;
  routes: readonly Route[];
  /** The token the caller presented, read from this vendor's auth header. */
  credential(req: IncomingMessage): string | undefined;
  /** Turns an EmulatorFailure, a vendor error or an unexpected exception into a response. */
  renderError(error: unknown, requestId: string): RenderedError;
  /** Deletes all of this vendor's data (POST /_emulator/reset). */
  reset(): void;
}

/** What a vendor folder exports: its schema migrations and a factory bound to an open database. */
export interface VendorModule {
  migrations: readonly Migration[];
  create(db: SqlDatabase): VendorApi;
}

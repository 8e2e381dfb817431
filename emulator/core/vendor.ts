/**
 * The contract between the generic server and one dialect (one vendor API). The server owns transport
 * concerns (auth, faults, stats, drops); a dialect owns its routes, its storage and the shape of its errors.
 */
import type { IncomingMessage } from "node:http";
import type { SqlDatabase } from "./sqlite";
import type { Migration } from "./db";
import type { VendorOverview } from "./overview";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

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
  headers?: Record<string, string>;
}

export interface Route {
  method: HttpMethod;
  /** Path with `{name}` placeholders; also the key under which stats count the route. */
  pattern: string;
  /**
   * The largest body this route takes, when its largest valid body exceeds the server's default of
   * MAX_BODY_BYTES (1 MiB). Larger bodies are answered 413.
   */
  maxBodyBytes?: number;
  handle(call: ApiCall): ApiReply | Promise<ApiReply>;
}

/** Failures the server raises itself; each dialect renders them in its own error shape. */
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
  headers?: Record<string, string>;
}

export interface VendorApi {
  name: string;
  /** Path prefix that selects this dialect, e.g. "/v2/". */
  prefix: string;
  routes: readonly Route[];
  /**
   * Extra tokenless routes served under `/_emulator/<name>` (patterns relative to it, e.g. "/inventory"),
   * for test set-up a real API does not offer. They answer JSON; an AdminError becomes `{error}`.
   */
  adminRoutes?: readonly Route[];
  /** The token the caller presented, read from this dialect's auth header. */
  credential(req: IncomingMessage): string | undefined;
  /** Turns an EmulatorFailure, a dialect error or an unexpected exception into a response. */
  renderError(error: unknown, requestId: string): RenderedError;
  /** Deletes all of this dialect's data (POST /_emulator/reset and /_emulator/<name>/reset). */
  reset(): void;
  /** Its groups as the read-only overview page at `/` shows them (core/overview.ts); reads only. */
  overview(): Omit<VendorOverview, "vendor">;
}

/** What a dialect folder exports: its name, its schema migrations and a factory bound to an open database. */
export interface VendorModule<N extends string = string> {
  /** Lowercase; names the dialect in options (`tokens.<name>`), CLI flags and admin routes. */
  name: N;
  /** Path prefix that selects the dialect, e.g. "/v2/"; known before a database is open (for --help). */
  prefix: string;
  /** Ids prefixed with `<name>/`, so dialects never collide. */
  migrations: readonly Migration[];
  create(db: SqlDatabase): VendorApi;
}

/** Keeps the dialect's name as a literal type, so option keys such as `tokens.cloudflare` are checked. */
export function defineDialect<const N extends string>(module: VendorModule<N>): VendorModule<N> {
  return module;
}

/** The parts of a dialect whose data is one store over the database; `storeDialect` joins them. */
export interface StoreDialectParts<N extends string, S extends { reset(): void }> {
  name: N;
  /** Path prefix that selects the dialect, e.g. "/v2/". */
  prefix: string;
  migrations: readonly Migration[];
  store(db: SqlDatabase): S;
  routes(store: S): readonly Route[];
  adminRoutes?(store: S): readonly Route[];
  credential: VendorApi["credential"];
  renderError: VendorApi["renderError"];
  /** Reads the database only, like the page it feeds. */
  overview(db: SqlDatabase): Omit<VendorOverview, "vendor">;
}

/** A dialect made of one store: its routes act on the store, and a reset empties the store. */
export function storeDialect<const N extends string, S extends { reset(): void }>(
  parts: StoreDialectParts<N, S>,
): VendorModule<N> {
  return defineDialect({
    name: parts.name,
    prefix: parts.prefix,
    migrations: parts.migrations,
    create(db) {
      const store = parts.store(db);
      return {
        name: parts.name,
        prefix: parts.prefix,
        routes: parts.routes(store),
        ...(parts.adminRoutes ? { adminRoutes: parts.adminRoutes(store) } : {}),
        credential: parts.credential,
        renderError: parts.renderError,
        reset: () => store.reset(),
        overview: () => parts.overview(db),
      };
    },
  });
}

/**
 * The HTTP server and its request pipeline. The path prefix picks the dialect; then, for its API requests:
 * count in stats -> latency -> injected failure -> auth -> route -> read-only check -> handler -> maybe drop.
 * Each step uses the dialect's own faults and counters and the global ones on top.
 * `/healthz` and `/_emulator/*` bypass all of it.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { ADMIN_PREFIX, handleAdmin, type AdminDeps } from "./admin";
import type { FaultInjector, InjectedFailure } from "./faults";
import { MAX_BODY_BYTES, headerValue, newRequestId, readBody, sendEmpty, sendJson } from "./http";
import { serveOverview } from "./overview";
import { allowedMethods, findRoute } from "./router";
import { UNKNOWN_ROUTE, type StatsRecorder } from "./stats";
import { EmulatorFailure, type VendorApi } from "./vendor";

/** One dialect as the server runs it: its API plus its own credentials, faults and counters. */
export interface Dialect {
  api: VendorApi;
  token: string;
  /** A token that may read but whose write calls get 403. */
  readOnlyToken?: string;
  faults: FaultInjector;
  stats: StatsRecorder;
}

export interface ServerDeps {
  /** The first dialect also answers paths no dialect claims. */
  dialects: readonly Dialect[];
  /** Global faults, applied to every dialect's requests on top of its own. */
  faults: FaultInjector;
  /** Global counters of every API request. */
  stats: StatsRecorder;
  /** Deletes the data of every dialect. */
  resetData(): void;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function createEmulatorServer(deps: ServerDeps): Server {
  const fallback = deps.dialects[0];
  if (!fallback) throw new Error("The emulator needs at least one dialect");
  const admin: AdminDeps = {
    faults: deps.faults,
    stats: deps.stats,
    resetData: () => deps.resetData(),
    dialects: deps.dialects.map((d) => ({
      name: d.api.name,
      faults: d.faults,
      stats: d.stats,
      resetData: () => d.api.reset(),
      adminRoutes: d.api.adminRoutes ?? [],
    })),
  };
  return createServer((req, res) => {
    handleRequest(deps, admin, fallback, req, res).catch((error: unknown) => {
      // Reached when the request stream or the response fails, usually because the client went away.
      if (!req.destroyed) console.error("emulator: unhandled error", error);
      res.destroy();
    });
  });
}

async function handleRequest(
  deps: ServerDeps,
  admin: AdminDeps,
  fallback: Dialect,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const arrived = performance.now();
  const requestId = newRequestId();
  res.setHeader("X-Request-Id", requestId);
  const method = (req.method ?? "GET").toUpperCase();
  const url = parseRequestUrl(req.url);

  // The read-only overview page and its JSON (overview.ts): no token, never faulted, never counted.
  const overviewSources = deps.dialects.map((d) => d.api);
  if (serveOverview(overviewSources, method, url.pathname, res)) return;
  if (url.pathname.startsWith(ADMIN_PREFIX)) {
    return handleAdmin(admin, method, url, (await readBody(req)).text, res);
  }
  const dialect = deps.dialects.find((d) => url.pathname.startsWith(d.api.prefix)) ?? fallback;
  const match = findRoute(dialect.api.routes, method, url.pathname);
  const body = await readBody(req, match?.route.maxBodyBytes ?? MAX_BODY_BYTES);
  if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });

  const { api } = dialect;
  const faults = [dialect.faults, deps.faults];
  const counters = [dialect.stats, deps.stats];
  const write = WRITE_METHODS.has(method);
  const identity = requestIdentity(req, method, url, body.text, api.credential(req));
  const pattern = match?.route.pattern ?? UNKNOWN_ROUTE;
  for (const stats of counters) stats.request(method, pattern, write, identity, arrived);
  try {
    const latency = faults.reduce((sum, f) => sum + f.latencyMs(), 0);
    if (latency > 0) await sleep(latency);
    // The client, or close(), may have cut the connection while we waited.
    if (res.destroyed || req.socket.destroyed) return;

    const injected = takeFirst(faults, (f) => f.takeFailure());
    if (injected) {
      for (const stats of counters) {
        stats.injectedFault();
        if (injected.retryAfterSeconds !== undefined) {
          stats.toldToWait(identity, injected.retryAfterSeconds, performance.now());
        }
      }
      return sendError(api, injectedFailure(injected), requestId, res, retryAfter(injected));
    }

    const presented = api.credential(req);
    if (presented === undefined || presented === "") {
      throw new EmulatorFailure("unauthorized", 401, "No token was sent");
    }
    const readOnly = presented === dialect.readOnlyToken;
    if (presented !== dialect.token && !readOnly) {
      throw new EmulatorFailure("unauthorized", 401, "The token is not valid");
    }
    if (!match) throw noRoute(api, method, url.pathname);
    if (write && readOnly) {
      throw new EmulatorFailure(
        "forbidden",
        403,
        `The read-only token cannot call ${method} ${url.pathname}`,
      );
    }
    if (body.tooLarge) {
      const limit = match.route.maxBodyBytes ?? MAX_BODY_BYTES;
      throw new EmulatorFailure("body-too-large", 413, `The request body is larger than ${limit} bytes`);
    }

    const reply = await match.route.handle({
      params: match.params,
      query: url.searchParams,
      body: body.text,
    });
    if (write && reply.status < 300 && takeFirst(faults, (f) => f.takeDrop() || undefined)) {
      // The write is committed; the client never learns it, as when a connection breaks mid-answer.
      for (const stats of counters) stats.dropped();
      res.destroy();
      return;
    }
    if (reply.body === undefined) return sendEmpty(res, reply.status, reply.headers);
    return sendJson(res, reply.status, reply.body, reply.headers);
  } catch (error) {
    return sendError(api, error, requestId, res);
  }
}

/** A URL the router can read, whatever the client sent as its target. */
function parseRequestUrl(target: string | undefined): URL {
  try {
    return new URL(target ?? "/", "http://emulator.invalid");
  } catch {
    return new URL("http://emulator.invalid/");
  }
}

/**
 * What makes two requests "the same request" of the same client: the X-Client-Request-Id a client
 * keeps across retries when it sends one, else the method, path, query, body and credential (digested,
 * so neither body nor token shows in the stats).
 */
function requestIdentity(
  req: IncomingMessage,
  method: string,
  url: URL,
  body: string,
  credential = "",
): string {
  const clientId = headerValue(req, "x-client-request-id");
  const hash = createHash("sha256");
  if (clientId) hash.update(clientId);
  else hash.update(body).update("\0").update(credential);
  return `${method} ${url.pathname}${url.search} ${hash.digest("hex").slice(0, 16)}`;
}

/** 405 with the methods the path takes when some route serves it, 404 otherwise. */
function noRoute(api: VendorApi, method: string, path: string): EmulatorFailure {
  const allowed = allowedMethods(api.routes, path);
  if (allowed.length === 0)
    return new EmulatorFailure("route-not-found", 404, `No API route ${method} ${path}`);
  return new MethodNotAllowed(method, path, allowed);
}

class MethodNotAllowed extends EmulatorFailure {
  constructor(
    method: string,
    path: string,
    readonly allowed: readonly string[],
  ) {
    super("route-not-found", 405, `${method} is not allowed on ${path}; allowed: ${allowed.join(", ")}`);
  }
}

/** Asks the dialect's injector first, then the global one; a counter is used up only where it fires. */
function takeFirst<T>(injectors: readonly FaultInjector[], take: (f: FaultInjector) => T | undefined) {
  for (const injector of injectors) {
    const taken = take(injector);
    if (taken !== undefined) return taken;
  }
  return undefined;
}

function injectedFailure(injected: InjectedFailure): EmulatorFailure {
  return new EmulatorFailure("injected", injected.status, `Injected fault: HTTP ${injected.status}`);
}

function retryAfter(injected: InjectedFailure): Record<string, string> {
  return injected.retryAfterSeconds === undefined
    ? {}
    : { "Retry-After": String(injected.retryAfterSeconds) };
}

function sendError(
  api: VendorApi,
  error: unknown,
  requestId: string,
  res: ServerResponse,
  headers: Record<string, string> = {},
): void {
  const rendered = api.renderError(error, requestId);
  if (rendered.status >= 500 && !(error instanceof EmulatorFailure)) {
    console.error(`emulator: request ${requestId} failed`, error);
  }
  // The dialect shapes the body; a failure of the server itself (405, 413, ...) keeps its own status.
  const status = error instanceof EmulatorFailure ? error.status : rendered.status;
  const allow: Record<string, string> =
    error instanceof MethodNotAllowed ? { Allow: error.allowed.join(", ") } : {};
  sendJson(res, status, rendered.body, { ...rendered.headers, ...allow, ...headers });
}

/** Starts listening; resolves with the bound port (useful with port 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : port);
    });
  });
}

/** Stops accepting, drops idle keep-alive connections and waits for the server to close. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/**
 * The HTTP server and its request pipeline. The path prefix picks the dialect; then, for its API requests:
 * count in stats -> latency -> injected failure -> auth -> route -> read-only check -> handler -> maybe drop.
 * Each step uses the dialect's own faults and counters and the global ones on top.
 * `/healthz` and `/_emulator/*` bypass all of it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { ADMIN_PREFIX, handleAdmin, type AdminDeps } from "./admin";
import type { FaultInjector, InjectedFailure } from "./faults";
import { newRequestId, readBody, sendEmpty, sendJson } from "./http";
import { findRoute } from "./router";
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
  const requestId = newRequestId();
  res.setHeader("X-Request-Id", requestId);
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const body = await readBody(req);

  if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
  if (url.pathname.startsWith(ADMIN_PREFIX)) return handleAdmin(admin, method, url, body.text, res);

  const dialect = deps.dialects.find((d) => url.pathname.startsWith(d.api.prefix)) ?? fallback;
  const { api } = dialect;
  const faults = [dialect.faults, deps.faults];
  const counters = [dialect.stats, deps.stats];
  const write = WRITE_METHODS.has(method);
  const match = findRoute(api.routes, method, url.pathname);
  for (const stats of counters) stats.request(method, match?.route.pattern ?? UNKNOWN_ROUTE, write);
  try {
    const latency = faults.reduce((sum, f) => sum + f.latencyMs(), 0);
    if (latency > 0) await sleep(latency);
    // The client, or close(), may have cut the connection while we waited.
    if (res.destroyed || req.socket.destroyed) return;

    const injected = takeFirst(faults, (f) => f.takeFailure());
    if (injected) {
      for (const stats of counters) stats.injectedFault();
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
    if (!match) throw new EmulatorFailure("route-not-found", 404, `No API route ${method} ${url.pathname}`);
    if (write && readOnly) {
      throw new EmulatorFailure(
        "forbidden",
        403,
        `The read-only token cannot call ${method} ${url.pathname}`,
      );
    }
    if (body.tooLarge) throw new EmulatorFailure("body-too-large", 400, "The request body is too large");

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
  sendJson(res, rendered.status, rendered.body, { ...rendered.headers, ...headers });
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

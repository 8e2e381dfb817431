/**
 * The HTTP server and its request pipeline. For vendor API requests the order is:
 * count in stats -> latency -> injected failure -> auth -> route -> read-only check -> handler -> maybe drop.
 * `/healthz` and `/_emulator/*` bypass all of it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { ADMIN_PREFIX, handleAdmin, type AdminDeps } from "./admin";
import type { FaultInjector } from "./faults";
import { newRequestId, readBody, sendEmpty, sendJson } from "./http";
import { findRoute } from "./router";
import { UNKNOWN_ROUTE, type StatsRecorder } from "./stats";
import { EmulatorFailure, type VendorApi } from "./vendor";

export interface ServerDeps extends AdminDeps {
  /** The first vendor also answers paths no vendor claims. */
  vendors: readonly VendorApi[];
  token: string;
  readOnlyToken?: string;
  faults: FaultInjector;
  stats: StatsRecorder;
}

const WRITE_METHODS = new Set(["POST", "PUT", "DELETE"]);

export function createEmulatorServer(deps: ServerDeps): Server {
  const fallback = deps.vendors[0];
  if (!fallback) throw new Error("The emulator needs at least one vendor API");
  return createServer((req, res) => {
    handleRequest(deps, fallback, req, res).catch((error: unknown) => {
      // Reached when the request stream or the response fails, usually because the client went away.
      if (!req.destroyed) console.error("emulator: unhandled error", error);
      res.destroy();
    });
  });
}

async function handleRequest(
  deps: ServerDeps,
  fallback: VendorApi,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = newRequestId();
  res.setHeader("X-Request-Id", requestId);
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const body = await readBody(req);

  if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
  if (url.pathname.startsWith(ADMIN_PREFIX)) return handleAdmin(deps, method, url.pathname, body.text, res);

  const vendor = deps.vendors.find((v) => url.pathname.startsWith(v.prefix)) ?? fallback;
  const write = WRITE_METHODS.has(method);
  const match = findRoute(vendor.routes, method, url.pathname);
  deps.stats.request(method, match?.route.pattern ?? UNKNOWN_ROUTE, write);
  try {
    const latency = deps.faults.latencyMs();
    if (latency > 0) await sleep(latency);
    // The client, or close(), may have cut the connection while we waited.
    if (res.destroyed || req.socket.destroyed) return;

    const injected = deps.faults.takeFailure();
    if (injected) {
      deps.stats.injectedFault();
      const headers: Record<string, string> =
        injected.retryAfterSeconds === undefined ? {} : { "Retry-After": String(injected.retryAfterSeconds) };
      const message = `Injected fault: HTTP ${injected.status}`;
      return sendError(
        vendor,
        new EmulatorFailure("injected", injected.status, message),
        requestId,
        res,
        headers,
      );
    }

    const presented = vendor.credential(req);
    if (presented === undefined || presented === "") {
      throw new EmulatorFailure("unauthorized", 401, "No token was sent");
    }
    const readOnly = presented === deps.readOnlyToken;
    if (presented !== deps.token && !readOnly) {
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
    if (write && reply.status < 300 && deps.faults.takeDrop()) {
      // The write is committed; the client never learns it, as when a connection breaks mid-answer.
      deps.stats.dropped();
      res.destroy();
      return;
    }
    if (reply.body === undefined) return sendEmpty(res, reply.status);
    return sendJson(res, reply.status, reply.body);
  } catch (error) {
    return sendError(vendor, error, requestId, res);
  }
}

function sendError(
  vendor: VendorApi,
  error: unknown,
  requestId: string,
  res: ServerResponse,
  headers: Record<string, string> = {},
): void {
  const rendered = vendor.renderError(error, requestId);
  if (rendered.status >= 500 && !(error instanceof EmulatorFailure)) {
    console.error(`emulator: request ${requestId} failed`, error);
  }
  sendJson(res, rendered.status, rendered.body, headers);
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

/**
 * `/_emulator/*` routes: stats, fault settings and data reset, for all dialects at once and for each one
 * (`/_emulator/<dialect>/...`), plus the extra admin routes a dialect declares. No token, never faulted,
 * never counted.
 */
import type { ServerResponse } from "node:http";
import { sendEmpty, sendJson } from "./http";
import { InvalidFaultSettings, parseFaultSettings, type FaultInjector } from "./faults";
import { findRoute } from "./router";
import type { StatsRecorder } from "./stats";
import type { Route } from "./vendor";

export const ADMIN_PREFIX = "/_emulator/";

/** Thrown by a dialect's admin route to answer `{error: message}` with this status. */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "AdminError";
  }
}

/** What the admin routes control: one set for the whole emulator, one per dialect. */
export interface AdminTarget {
  faults: FaultInjector;
  stats: StatsRecorder;
  resetData(): void;
}

export interface AdminDialect extends AdminTarget {
  name: string;
  adminRoutes: readonly Route[];
}

export interface AdminDeps extends AdminTarget {
  dialects: readonly AdminDialect[];
}

export async function handleAdmin(
  deps: AdminDeps,
  method: string,
  url: URL,
  body: string,
  res: ServerResponse,
): Promise<void> {
  const path = url.pathname;
  const trimmed = path.replace(/\/+$/, "");
  const [first = "", ...rest] = trimmed.slice(ADMIN_PREFIX.length).split("/");
  const dialect = deps.dialects.find((d) => d.name === first);
  const target: AdminTarget = dialect ?? deps;
  const subPath = `/${(dialect ? rest : [first, ...rest]).join("/")}`;
  switch (`${method} ${subPath}`) {
    case "GET /stats":
      return sendJson(res, 200, target.stats.snapshot());
    case "POST /stats/reset":
      target.stats.reset();
      return sendJson(res, 200, target.stats.snapshot());
    case "GET /faults":
      return sendJson(res, 200, target.faults.settings);
    case "PUT /faults":
      return putFaults(target.faults, body, res);
    case "POST /reset":
      target.resetData();
      return sendJson(res, 200, { status: "ok" });
  }
  const match = dialect && findRoute(dialect.adminRoutes, method, subPath);
  if (!match) return sendJson(res, 404, { error: `No admin route ${method} ${path}` });
  try {
    const reply = await match.route.handle({
      params: match.params,
      query: url.searchParams,
      body,
    });
    if (reply.body === undefined) return sendEmpty(res, reply.status, reply.headers);
    return sendJson(res, reply.status, reply.body, reply.headers);
  } catch (error) {
    if (error instanceof AdminError) return sendJson(res, error.status, { error: error.message });
    console.error(`emulator: admin route ${method} ${path} failed`, error);
    return sendJson(res, 500, { error: `Internal error in the emulator: ${(error as Error).message}` });
  }
}

function putFaults(faults: FaultInjector, body: string, res: ServerResponse): void {
  let input: unknown;
  try {
    input = body.trim() === "" ? {} : JSON.parse(body);
  } catch {
    return sendJson(res, 400, { error: "Invalid fault settings: the body is not valid JSON" });
  }
  try {
    faults.replace(parseFaultSettings(input));
  } catch (error) {
    if (error instanceof InvalidFaultSettings) return sendJson(res, 400, { error: error.message });
    throw error;
  }
  sendJson(res, 200, faults.settings);
}

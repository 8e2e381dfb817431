/** `/_emulator/*` routes: stats, fault settings and data reset. No token, never faulted, never counted. */
import type { ServerResponse } from "node:http";
import { sendJson } from "./http";
import { InvalidFaultSettings, parseFaultSettings, type FaultInjector } from "./faults";
import type { StatsRecorder } from "./stats";

export const ADMIN_PREFIX = "/_emulator/";

export interface AdminDeps {
  faults: FaultInjector;
  stats: StatsRecorder;
  resetData(): void;
}

export function handleAdmin(
  deps: AdminDeps,
  method: string,
  path: string,
  body: string,
  res: ServerResponse,
): void {
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  switch (route) {
    case "GET /_emulator/stats":
      return sendJson(res, 200, deps.stats.snapshot());
    case "POST /_emulator/stats/reset":
      deps.stats.reset();
      return sendJson(res, 200, deps.stats.snapshot());
    case "GET /_emulator/faults":
      return sendJson(res, 200, deps.faults.settings);
    case "PUT /_emulator/faults":
      return putFaults(deps.faults, body, res);
    case "POST /_emulator/reset":
      deps.resetData();
      return sendJson(res, 200, { status: "ok" });
    default:
      return sendJson(res, 404, { error: `No admin route ${method} ${path}` });
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

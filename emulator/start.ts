/** Wires database, vendor APIs, faults and stats into a listening emulator. */
import { ces } from "./ces";
import { DEFAULT_DB_PATH, openDatabase } from "./db";
import { FaultInjector, parseFaultSettings, type FaultSettings } from "./faults";
import { closeServer, createEmulatorServer, listen } from "./server";
import { StatsRecorder, type EmulatorStats } from "./stats";
import type { VendorModule } from "./vendor";

export const DEV_TOKEN = "dev-token-not-secret";
export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = "127.0.0.1";

/** Vendor APIs in routing order; the first also answers unknown paths. */
const VENDORS: readonly VendorModule[] = [ces];

export interface EmulatorOptions {
  /** 0 picks a free port; default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** SQLite file path or ":memory:"; default .data/emulator.sqlite (the folder is created). */
  db?: string;
  /** Default DEV_TOKEN. */
  token?: string;
  /** A token that may read but whose write calls get 403. */
  readOnlyToken?: string;
  faults?: FaultSettings;
}

export interface RunningEmulator {
  url: string;
  port: number;
  token: string;
  /** Live, mutable view of the fault settings; counters such as failNext count down in it. */
  faults: FaultSettings;
  /** Replaces all fault settings (validated; throws on bad values). */
  setFaults(f: FaultSettings): void;
  stats(): EmulatorStats;
  resetStats(): void;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const token = options.token ?? DEV_TOKEN;
  if (token === "") throw new Error("token must not be empty");
  if (
    options.readOnlyToken !== undefined &&
    (options.readOnlyToken === "" || options.readOnlyToken === token)
  ) {
    throw new Error("readOnlyToken must be non-empty and differ from token");
  }
  const faults = new FaultInjector(parseFaultSettings(options.faults ?? {}));
  const stats = new StatsRecorder();
  const db = openDatabase(
    options.db ?? DEFAULT_DB_PATH,
    VENDORS.flatMap((v) => v.migrations),
  );
  const vendors = VENDORS.map((v) => v.create(db));
  const server = createEmulatorServer({
    vendors,
    token,
    ...(options.readOnlyToken !== undefined ? { readOnlyToken: options.readOnlyToken } : {}),
    faults,
    stats,
    resetData: () => vendors.forEach((v) => v.reset()),
  });

  const host = options.host ?? DEFAULT_HOST;
  let port: number;
  try {
    port = await listen(server, options.port ?? DEFAULT_PORT, host);
  } catch (error) {
    db.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    token,
    faults: faults.settings,
    setFaults: (f) => faults.replace(parseFaultSettings(f)),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    close: () =>
      (closing ??= closeServer(server).finally(() => {
        db.close();
      })),
  };
}

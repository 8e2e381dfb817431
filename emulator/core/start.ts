/** Wires database, dialects, faults and stats into a listening emulator. */
import { DIALECTS, type DialectName } from "../vendors";
import { DEFAULT_DB_PATH, openDatabase } from "./db";
import { FaultInjector, parseFaultSettings, type FaultSettings } from "./faults";
import { closeServer, createEmulatorServer, listen, type Dialect } from "./server";
import { StatsRecorder, type EmulatorStats } from "./stats";

export type { DialectName };

export const DEV_TOKEN = "dev-token-not-secret";
export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = "127.0.0.1";

/** The names of every dialect served, in routing order. */
export const DIALECT_NAMES: readonly DialectName[] = DIALECTS.map((d) => d.name);

export interface EmulatorOptions {
  /** 0 picks a free port; default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** SQLite file path or ":memory:"; default .data/emulator.sqlite (the folder is created). */
  db?: string;
  /** The token of every dialect without its own in `tokens`. Default DEV_TOKEN. */
  token?: string;
  /** Per-dialect tokens, each read from that dialect's own auth header. */
  tokens?: Partial<Record<DialectName, string>>;
  /** A token that may read but whose write calls get 403, for every dialect without its own. */
  readOnlyToken?: string;
  /** Per-dialect read-only tokens. */
  readOnlyTokens?: Partial<Record<DialectName, string>>;
  /** Global faults, applied to every dialect on top of its own. */
  faults?: FaultSettings;
}

/** Control of one dialect: its credentials and its own faults and counters. */
export interface DialectControl {
  readonly name: DialectName;
  /** The path prefix its API is served under, e.g. "/client/v4/". */
  readonly prefix: string;
  readonly token: string;
  readonly readOnlyToken: string | undefined;
  /** Live, mutable view of this dialect's own fault settings. */
  readonly faults: FaultSettings;
  /** Replaces this dialect's fault settings (validated; throws on bad values). */
  setFaults(f: FaultSettings): void;
  /** Counters of this dialect's API requests only. */
  stats(): EmulatorStats;
  resetStats(): void;
  /** Deletes this dialect's data. */
  resetData(): void;
}

export interface RunningEmulator {
  url: string;
  port: number;
  /** The default token (`options.token`); each dialect's own is in `tokens`. */
  token: string;
  tokens: Readonly<Record<DialectName, string>>;
  /** Live, mutable view of the global fault settings; counters such as failNext count down in it. */
  faults: FaultSettings;
  /** Replaces all global fault settings (validated; throws on bad values). */
  setFaults(f: FaultSettings): void;
  /** Counters of every API request, whatever the dialect. */
  stats(): EmulatorStats;
  resetStats(): void;
  /** One dialect's credentials, faults and counters. */
  dialect(name: DialectName): DialectControl;
  close(): Promise<void>;
}

function dialectTokens(
  name: DialectName,
  options: EmulatorOptions,
): { token: string; readOnlyToken?: string } {
  const token = options.tokens?.[name] ?? options.token ?? DEV_TOKEN;
  if (token === "") throw new Error(`the ${name} token must not be empty`);
  const readOnlyToken = options.readOnlyTokens?.[name] ?? options.readOnlyToken;
  if (readOnlyToken === undefined) return { token };
  if (readOnlyToken === "" || readOnlyToken === token) {
    throw new Error(`the ${name} read-only token must be non-empty and differ from its token`);
  }
  return { token, readOnlyToken };
}

/** A dialect as started, under its typed name. */
type NamedDialect = Dialect & { name: DialectName };

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const token = options.token ?? DEV_TOKEN;
  if (token === "") throw new Error("token must not be empty");
  // Checked before the database is opened, so a bad option leaves nothing behind.
  const configured = DIALECTS.map((module) => ({ module, ...dialectTokens(module.name, options) }));
  const faults = new FaultInjector(parseFaultSettings(options.faults ?? {}));
  const stats = new StatsRecorder();
  const db = openDatabase(
    options.db ?? DEFAULT_DB_PATH,
    DIALECTS.flatMap((d) => d.migrations),
  );
  const dialects: NamedDialect[] = configured.map(({ module, ...credentials }) => ({
    name: module.name,
    api: module.create(db),
    ...credentials,
    faults: new FaultInjector(),
    stats: new StatsRecorder(),
  }));
  const server = createEmulatorServer({
    dialects,
    faults,
    stats,
    resetData: () => dialects.forEach((d) => d.api.reset()),
  });

  const host = options.host ?? DEFAULT_HOST;
  let port: number;
  try {
    port = await listen(server, options.port ?? DEFAULT_PORT, host);
  } catch (error) {
    db.close();
    throw error;
  }

  const controls = new Map(dialects.map((d) => [d.name, control(d)]));
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    token,
    tokens: Object.fromEntries(dialects.map((d) => [d.name, d.token])) as Record<DialectName, string>,
    faults: faults.settings,
    setFaults: (f) => faults.replace(parseFaultSettings(f)),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    dialect: (name) => {
      const found = controls.get(name);
      if (!found) throw new Error(`No dialect '${String(name)}'; known: ${DIALECT_NAMES.join(", ")}`);
      return found;
    },
    close: () =>
      (closing ??= closeServer(server).finally(() => {
        db.close();
      })),
  };
}

function control(dialect: NamedDialect): DialectControl {
  return {
    name: dialect.name,
    prefix: dialect.api.prefix,
    token: dialect.token,
    readOnlyToken: dialect.readOnlyToken,
    faults: dialect.faults.settings,
    setFaults: (f) => dialect.faults.replace(parseFaultSettings(f)),
    stats: () => dialect.stats.snapshot(),
    resetStats: () => dialect.stats.reset(),
    resetData: () => dialect.api.reset(),
  };
}

#!/usr/bin/env node
/** Command line: `resource-groups-emulator --port 8787 --db .data/emulator.sqlite`. Flags win over env vars. */
import { parseArgs } from "node:util";
import type { z } from "zod";
import { DEFAULT_DB_PATH } from "./core/db";
import { faultSettingsSchema, type FaultSettings } from "./core/faults";
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEV_TOKEN,
  DIALECT_NAMES,
  startEmulator,
  type DialectName,
  type EmulatorOptions,
  type RunningEmulator,
} from "./core/start";
import { DIALECTS } from "./vendors";

const ENV_PREFIX = "RESOURCEGROUPS_EMULATOR_";

class UsageError extends Error {
  override name = "UsageError";
}

type Setter = (options: EmulatorOptions, text: string, source: string) => void;

interface FlagSpec {
  flag: string;
  value: string;
  help: string;
  set: Setter;
}

function text(apply: (options: EmulatorOptions, value: string) => void): Setter {
  return (options, value, source) => {
    if (value === "") throw new UsageError(`${source} must not be empty`);
    apply(options, value);
  };
}

function parseNumber(value: string, source: string): number {
  const n = value.trim() === "" ? NaN : Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`${source} must be a number (got '${value}')`);
  return n;
}

/** Validates with the same schema as PUT /_emulator/faults, so the rules cannot drift. */
function checked<K extends keyof FaultSettings>(key: K, value: unknown, source: string): FaultSettings[K] {
  const schema = faultSettingsSchema.shape[key] as z.ZodType<FaultSettings[K]>;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new UsageError(
      `${source} ${result.error.issues[0]?.message ?? "is not valid"} (got '${String(value)}')`,
    );
  }
  return result.data;
}

function fault<K extends keyof FaultSettings>(
  key: K,
  parse: (value: string, source: string) => unknown,
): Setter {
  return (options, value, source) => {
    options.faults = { ...options.faults, [key]: checked(key, parse(value, source), source) };
  };
}

const numbers = (value: string, source: string): number[] =>
  value.split(",").map((v) => parseNumber(v, source));

/** `--<dialect>-token` and `--<dialect>-read-only-token`, for every dialect served. */
function dialectFlags(name: DialectName): FlagSpec[] {
  return [
    {
      flag: `${name}-token`,
      value: "<token>",
      help: `token of the ${name} dialect (default --token)`,
      set: text((o, v) => (o.tokens = { ...o.tokens, [name]: v })),
    },
    {
      flag: `${name}-read-only-token`,
      value: "<token>",
      help: `read-only token of the ${name} dialect`,
      set: text((o, v) => (o.readOnlyTokens = { ...o.readOnlyTokens, [name]: v })),
    },
  ];
}

const FLAGS: readonly FlagSpec[] = [
  {
    flag: "port",
    value: "<n>",
    help: `port to listen on, 0 = any free port (default ${DEFAULT_PORT})`,
    set: (options, value, source) => {
      const port = parseNumber(value, source);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new UsageError(`${source} must be an integer from 0 to 65535 (got '${value}')`);
      }
      options.port = port;
    },
  },
  {
    flag: "host",
    value: "<host>",
    help: `address to bind (default ${DEFAULT_HOST})`,
    set: text((o, v) => (o.host = v)),
  },
  {
    flag: "db",
    value: "<file>",
    help: `SQLite file, or :memory: (default ${DEFAULT_DB_PATH})`,
    set: text((o, v) => (o.db = v)),
  },
  {
    flag: "token",
    value: "<token>",
    help: `token of every dialect without its own (default ${DEV_TOKEN})`,
    set: text((o, v) => (o.token = v)),
  },
  {
    flag: "read-only-token",
    value: "<token>",
    help: "a second token, for every dialect, whose write calls get 403",
    set: text((o, v) => (o.readOnlyToken = v)),
  },
  ...DIALECT_NAMES.flatMap(dialectFlags),
  {
    // Named as docs/vendors/strongly.md has it: Strongly calls its credentials API keys.
    flag: "strongly-read-only-key",
    value: "<key>",
    help: "API key of the strongly dialect with finops:read only (as --strongly-read-only-token)",
    set: text((o, v) => (o.readOnlyTokens = { ...o.readOnlyTokens, strongly: v })),
  },
  {
    flag: "fail-rate",
    value: "<0..1>",
    help: "share of API requests that fail",
    set: fault("failRate", parseNumber),
  },
  {
    flag: "fail-statuses",
    value: "<list>",
    help: "statuses drawn by --fail-rate, from 500,503,429",
    set: fault("failStatuses", numbers),
  },
  {
    flag: "fail-next",
    value: "<n>",
    help: "the next n API requests fail",
    set: fault("failNext", parseNumber),
  },
  {
    flag: "fail-next-status",
    value: "<status>",
    help: "status for --fail-next (default 503)",
    set: fault("failNextStatus", parseNumber),
  },
  {
    flag: "retry-after-seconds",
    value: "<n>",
    help: "Retry-After sent with 429 and 503 (default 1)",
    set: fault("retryAfterSeconds", parseNumber),
  },
  {
    flag: "latency-ms",
    value: "<n>",
    help: "delay added to every API request",
    set: fault("latencyMs", parseNumber),
  },
  {
    flag: "drop-rate",
    value: "<0..1>",
    help: "share of writes whose connection is cut after commit",
    set: fault("dropRate", parseNumber),
  },
  {
    flag: "drop-next",
    value: "<n>",
    help: "the next n writes are cut after commit",
    set: fault("dropNext", parseNumber),
  },
];

function envName(flag: string): string {
  return ENV_PREFIX + flag.toUpperCase().replace(/-/g, "_");
}

function usage(): string {
  const rows = FLAGS.map(
    (f) => `  --${`${f.flag} ${f.value}`.padEnd(36)} ${f.help}\n${" ".repeat(41)}env ${envName(f.flag)}`,
  );
  return [
    "Usage: resource-groups-emulator [flags]",
    "",
    `Local emulator of the resource-group APIs (dialects: ${DIALECT_NAMES.join(", ")}), all on one port.`,
    "Flags win over environment variables.",
    "",
    ...rows,
    `  --${"help".padEnd(36)} show this help`,
    `  --${"version".padEnd(36)} print the version`,
    "",
    "Routes:",
    ...DIALECTS.map((d) => `  ${d.prefix.padEnd(38)} the ${d.name} API (docs/vendors/${d.name}.md)`),
    `  ${"/".padEnd(38)} read-only overview page of what every dialect holds`,
    `  ${"/_emulator/stats, /_emulator/faults".padEnd(38)} counters and fault settings of all dialects`,
    `  ${"/_emulator/<dialect>/stats, .../faults".padEnd(38)} the same for one dialect; POST .../reset empties it`,
  ].join("\n");
}

/** The emulator package's version, from its own manifest wherever it is installed. */
function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("pulumi-resource-groups-emulator/package.json") as { version: string }).version;
}

/** Builds the emulator options from argv and the environment, or throws a UsageError naming the culprit. */
function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): EmulatorOptions | "help" | "version" {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
        ...Object.fromEntries(FLAGS.map((f) => [f.flag, { type: "string" as const }])),
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help === true) return "help";
  if (parsed.values.version === true) return "version";
  const options: EmulatorOptions = {};
  for (const spec of FLAGS) {
    const fromFlag = parsed.values[spec.flag];
    const fromEnv = env[envName(spec.flag)];
    if (typeof fromFlag === "string") spec.set(options, fromFlag, `--${spec.flag}`);
    else if (fromEnv !== undefined) spec.set(options, fromEnv, envName(spec.flag));
  }
  return options;
}

/** One line per dialect whose token is not the default one. */
function ownTokens(emulator: RunningEmulator): string {
  return DIALECT_NAMES.filter((name) => emulator.tokens[name] !== emulator.token)
    .map((name) => `  ${name} token: ${emulator.tokens[name]}\n`)
    .join("");
}

async function main(): Promise<void> {
  let options: EmulatorOptions | "help" | "version";
  try {
    options = parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`resource-groups emulator: ${error.message}\nRun with --help for the flags.\n`);
    process.exit(2);
  }
  if (options === "help") {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  if (options === "version") {
    process.stdout.write(`${version()}\n`);
    return;
  }
  const emulator = await startEmulator(options);
  const db = options.db ?? DEFAULT_DB_PATH;
  process.stdout.write(
    `resource-groups emulator listening on ${emulator.url} (token: ${emulator.token}, db: ${db})\n${ownTokens(emulator)}`,
  );
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("resource-groups emulator: error while closing", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error("resource-groups emulator:", error instanceof Error ? error.message : error);
  process.exit(1);
});

/** Starts the real emulator on a free port with a temporary SQLite file, and talks to it directly. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ces, cloudflare } from "pulumi-resource-groups-contracts";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { send } from "./http";

export const PROJECT = "test-project";
/** A Cloudflare account id for tests (32 lowercase hex). */
export const CLOUDFLARE_ACCOUNT = "0123456789abcdef0123456789abcdef";

export interface Answer<T> {
  status: number;
  body: T;
}

/** Cloudflare's v4 envelope around every answer. */
export type CloudflareEnvelope<T> = cloudflare.WireEnvelope<T>;
/** A Cloudflare group as the API answers it. */
export type CloudflareWireGroup = cloudflare.WireGroupAnswer;
/** A CES group as the API shows it, every field there. */
export type WireGroup = Required<ces.WireGroup>;

export interface TestEmulator {
  emulator: RunningEmulator;
  dbFile: string;
  /** Calls the vendor API directly, as someone changing things outside Pulumi would. */
  api<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<Answer<T>>;
  /** Any route of any dialect: `fullPath` starts at the root ("/client/v4/..."); send auth in `headers`. */
  call<T = unknown>(
    method: string,
    fullPath: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer<T>>;
  /** The Cloudflare resource groups of one account; `path` is "" or "/<group id>", query included. */
  cloudflareApi<T = unknown>(
    method: string,
    accountId: string,
    path?: string,
    body?: unknown,
    token?: string,
  ): Promise<Answer<CloudflareEnvelope<T>>>;
  stop(): Promise<void>;
}

export async function startTestEmulator(
  options: Pick<EmulatorOptions, "token" | "tokens" | "readOnlyToken" | "readOnlyTokens"> = {},
): Promise<TestEmulator> {
  const dir = mkdtempSync(join(tmpdir(), "rg-emulator-"));
  const dbFile = join(dir, "emulator.sqlite");
  const emulator = await startEmulator({ port: 0, db: dbFile, ...options });
  async function call<T>(
    method: string,
    fullPath: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const { status, json } = await send<T>(emulator.url + fullPath, method, headers, { body });
    return { status, body: json };
  }
  return {
    emulator,
    dbFile,
    call,
    api: <T>(method: string, path: string, body?: unknown, token = emulator.tokens.ces) =>
      call<T>(method, `/v2/${PROJECT}/resource-groups${path}`, body, { "X-Auth-Token": token }),
    cloudflareApi: <T>(
      method: string,
      accountId: string,
      path = "",
      body?: unknown,
      token = emulator.tokens.cloudflare,
    ) =>
      call<CloudflareEnvelope<T>>(
        method,
        `/client/v4/accounts/${accountId}/iam/resource_groups${path}`,
        body,
        {
          Authorization: `Bearer ${token}`,
        },
      ),
    async stop() {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Points every vendor's provider settings (through the environment) at the emulator. */
export function useEmulatorSettings(emulator: RunningEmulator, overrides: Record<string, string> = {}): void {
  Object.assign(process.env, {
    RESOURCEGROUPS_ENDPOINT: emulator.url,
    RESOURCEGROUPS_PROJECT_ID: PROJECT,
    RESOURCEGROUPS_TOKEN: emulator.token,
    RESOURCEGROUPS_CLOUDFLARE_ENDPOINT: `${emulator.url}/client/v4`,
    RESOURCEGROUPS_CLOUDFLARE_API_TOKEN: emulator.tokens.cloudflare,
    RESOURCEGROUPS_CLOUDFLARE_ACCOUNT_ID: CLOUDFLARE_ACCOUNT,
    RESOURCEGROUPS_STRONGLY_ENDPOINT: emulator.url,
    RESOURCEGROUPS_STRONGLY_API_KEY: emulator.tokens.strongly,
    RESOURCEGROUPS_ZOPNIGHT_ENDPOINT: `${emulator.url}/api`,
    RESOURCEGROUPS_ZOPNIGHT_TOKEN: emulator.tokens.zopnight,
    RESOURCEGROUPS_MAX_RETRIES: "4",
    RESOURCEGROUPS_REQUEST_TIMEOUT_MS: "5000",
    ...overrides,
  });
}

/**
 * Registers the hooks of a suite whose provider talks to its own emulator: started before all tests,
 * settings re-read before each, stopped after all. The returned function gives the running emulator.
 */
export function useEmulatorForProvider(resetSettings: () => void): () => TestEmulator {
  let env: TestEmulator | undefined;
  beforeAll(async () => {
    env = await startTestEmulator();
    useEmulatorSettings(env.emulator);
  });
  afterAll(() => env?.stop());
  beforeEach(() => resetSettings());
  return () => {
    if (!env) throw new Error("the emulator is not running");
    return env;
  };
}

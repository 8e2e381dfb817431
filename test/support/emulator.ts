/** Starts the real emulator on a free port with a temporary SQLite file, and talks to it directly. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";

export const PROJECT = "test-project";

export interface TestEmulator {
  emulator: RunningEmulator;
  dbFile: string;
  /** Calls the vendor API directly, as someone changing things outside Pulumi would. */
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

export async function startTestEmulator(
  options: { token?: string; readOnlyToken?: string } = {},
): Promise<TestEmulator> {
  const dir = mkdtempSync(join(tmpdir(), "rg-emulator-"));
  const dbFile = join(dir, "emulator.sqlite");
  const emulator = await startEmulator({ port: 0, db: dbFile, ...options });
  return {
    emulator,
    dbFile,
    async api<T>(method: string, path: string, body?: unknown, token = emulator.token) {
      const response = await fetch(`${emulator.url}/v2/${PROJECT}/resource-groups${path}`, {
        method,
        headers: { "X-Auth-Token": token, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async stop() {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Points the provider's settings (through the environment) at the emulator. */
export function useEmulatorSettings(emulator: RunningEmulator, overrides: Record<string, string> = {}): void {
  Object.assign(process.env, {
    RESOURCEGROUPS_ENDPOINT: emulator.url,
    RESOURCEGROUPS_PROJECT_ID: PROJECT,
    RESOURCEGROUPS_TOKEN: emulator.token,
    RESOURCEGROUPS_MAX_RETRIES: "4",
    RESOURCEGROUPS_REQUEST_TIMEOUT_MS: "5000",
    ...overrides,
  });
}

export interface WireGroup {
  group_id: string;
  group_name: string;
  type: string;
  tags: { key: string; value?: string }[];
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

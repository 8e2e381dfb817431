/** A thin client of the emulator's ZopNight dialect, and the set-up of suites that use it. */
import type {
  WireData,
  WireError,
  WireGroup,
  WireList,
  WireMember,
  WireResource,
  WireSchedule,
} from "pulumi-resource-groups-contracts/zopnight";
import type { DialectControl, RunningEmulator } from "../../emulator";
import { startTestEmulator, useEmulatorSettings, type TestEmulator } from "./emulator";
import { resetEmulatorData, send, type BodyOptions, type Reply } from "./http";

export type { Reply };

export const ZOPNIGHT_API = "/api";
export const ZOPNIGHT_ADMIN = "/_emulator/zopnight";

/** The emulator's stats keys of the routes a group's members are read and written through. */
export const MEMBER_ROUTES = {
  SHOW: "GET /api/resource-groups/{groupID}",
  ADD: "POST /api/resource-groups/{groupID}/resources/{resourceID}",
  REMOVE: "DELETE /api/resource-groups/{groupID}/resources/{resourceID}",
  SEQUENCE: "PATCH /api/resource-groups/{groupID}/resources/{resourceID}/sequence",
} as const;

export interface CallOptions extends BodyOptions {
  /** null sends no Authorization header; undefined sends the dialect's token as a bearer token. */
  token?: string | null;
  /** A whole Authorization header, sent instead of the bearer token. */
  authorization?: string;
}

export class ZopNightClient {
  /** The emulator, or how to find it once a suite's hooks have started it. */
  constructor(private readonly running: RunningEmulator | (() => RunningEmulator)) {}

  get emulator(): RunningEmulator {
    return typeof this.running === "function" ? this.running() : this.running;
  }

  get token(): string {
    return this.emulator.dialect("zopnight").token;
  }

  /** Calls the API under /api, e.g. call("GET", "/resource-groups"). */
  call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    const token = options.token === undefined ? this.token : options.token;
    if (options.authorization !== undefined) headers.Authorization = options.authorization;
    else if (token !== null) headers.Authorization = `Bearer ${token}`;
    return send<T>(this.emulator.url + ZOPNIGHT_API + path, method, headers, options);
  }

  /** Calls an admin route under /_emulator/zopnight (no token). */
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    return send<T>(this.emulator.url + ZOPNIGHT_ADMIN + path, method, {}, { body });
  }

  create(body: unknown): Promise<Reply<WireData<WireGroup>>> {
    return this.call("POST", "/resource-groups", { body });
  }

  /** Creates a group and returns it, failing the test if the emulator refuses. */
  async createOk(name: string, description?: string): Promise<WireGroup> {
    const reply = await this.create(description === undefined ? { name } : { name, description });
    expect(reply.status).toBe(201);
    return reply.json.data;
  }

  list(query = ""): Promise<Reply<WireList<WireGroup>>> {
    return this.call("GET", `/resource-groups${query ? `?${query}` : ""}`);
  }

  show(groupId: string): Promise<Reply<WireData<WireGroup>>> {
    return this.call("GET", `/resource-groups/${groupId}`);
  }

  update(groupId: string, body: unknown): Promise<Reply<WireData<WireGroup>>> {
    return this.call("PUT", `/resource-groups/${groupId}`, { body });
  }

  remove(groupId: string): Promise<Reply<undefined>> {
    return this.call("DELETE", `/resource-groups/${groupId}`);
  }

  addMember(groupId: string, resourceId: string): Promise<Reply<WireData<WireMember>>> {
    return this.call("POST", `/resource-groups/${groupId}/resources/${resourceId}`);
  }

  removeMember(groupId: string, resourceId: string): Promise<Reply<undefined>> {
    return this.call("DELETE", `/resource-groups/${groupId}/resources/${resourceId}`);
  }

  sequence(groupId: string, resourceId: string, body: unknown): Promise<Reply<WireData<WireMember>>> {
    return this.call("PATCH", `/resource-groups/${groupId}/resources/${resourceId}/sequence`, { body });
  }

  schedules(groupId: string): Promise<Reply<WireData<WireSchedule[]>>> {
    return this.call("GET", `/resource-groups/${groupId}/schedules`);
  }

  inventory(query = ""): Promise<Reply<WireList<WireResource>>> {
    return this.call("GET", `/resources${query ? `?${query}` : ""}`);
  }

  addResource(body: unknown): Promise<Reply<WireData<WireResource>>> {
    return this.admin("POST", "/resources", body);
  }

  attachSchedule(groupId: string, body: unknown): Promise<Reply<WireData<WireSchedule>>> {
    return this.admin("POST", `/resource-groups/${groupId}/schedules`, body);
  }
}

/** Asserts a ZopNight error answer: the status and a body that is exactly `{error: "<message>"}`. */
export function expectZopNightError(reply: Reply<unknown>, status: number, message?: RegExp): void {
  expect(reply.status).toBe(status);
  const body = reply.json as WireError;
  expect(Object.keys(body)).toEqual(["error"]);
  expect(typeof body.error).toBe("string");
  if (message !== undefined) expect(body.error).toMatch(message);
}

/** Empties the ZopNight dialect and returns its inventory to the starting set. */
export function resetZopNight(emulator: RunningEmulator): Promise<void> {
  return resetEmulatorData(emulator, "zopnight");
}

/** What a suite of provider tests against the ZopNight dialect gets from `useZopNightEmulator`. */
export interface ZopNightSuite {
  /** The running emulator (started before the suite's first test). */
  emulator: () => RunningEmulator;
  /** The ZopNight dialect's own faults and counters. */
  zop: () => DialectControl;
  /** A client of the running emulator's ZopNight API. */
  api: ZopNightClient;
  /** Points the provider's settings at the emulator, `overrides` on top, and has them read again. */
  useSettings: (overrides?: Record<string, string>) => void;
}

/**
 * Registers the hooks of a suite whose provider talks to its own emulator's ZopNight dialect: the
 * emulator starts before all tests and stops after them, the environment is restored; before each
 * test the dialect is emptied, its faults cleared and the settings pointed at it again.
 */
export function useZopNightEmulator(resetSettings: () => void): ZopNightSuite {
  const saved = { ...process.env };
  let env: TestEmulator | undefined;
  const emulator = (): RunningEmulator => {
    if (!env) throw new Error("the emulator is not running");
    return env.emulator;
  };
  const zop = () => emulator().dialect("zopnight");
  const useSettings = (overrides: Record<string, string> = {}): void => {
    useEmulatorSettings(emulator(), overrides);
    resetSettings();
  };
  beforeAll(async () => {
    env = await startTestEmulator();
  });
  afterAll(async () => {
    process.env = saved;
    resetSettings();
    await env?.stop();
  });
  beforeEach(async () => {
    await resetZopNight(emulator());
    zop().setFaults({});
    useSettings();
  });
  return { emulator, zop, api: new ZopNightClient(emulator), useSettings };
}

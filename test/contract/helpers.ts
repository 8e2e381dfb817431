/** Shared plumbing for the emulator contract tests: temp databases, a thin CES client and error assertions. */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  Dimension,
  Member,
  WireBatchDeleted,
  WireCreated,
  WireError,
  WireGroup,
  WireList,
  WireMemberCount,
  WireMemberList,
} from "pulumi-resource-groups-contracts/ces";
import {
  startEmulator,
  type EmulatorOptions,
  type EmulatorStats,
  type RunningEmulator,
} from "../../emulator";
import { resetEmulatorData, send, type BodyOptions, type Reply } from "../support/http";

export type { Reply };

export const PROJECT = "0a1b2c3d4e5f";

/** The counters of an emulator, or of one dialect, that has counted nothing since its last reset. */
export const ZERO_STATS: EmulatorStats = {
  total: 0,
  writes: 0,
  byRoute: {},
  injectedFaults: 0,
  dropped: 0,
  retryAfter: { answered: 0, retries: 0, early: 0, minMarginMs: null, recent: [] },
};

/** The body of every CES failure, each field there. */
export type ErrorBody = Required<WireError>;

export interface RequestOptions extends BodyOptions {
  /** null sends no token; undefined sends the emulator's token. */
  token?: string | null;
}

export function tempDbPath(label: string): string {
  return join(tmpdir(), `rg-emulator-${label}-${randomUUID()}`, "emulator.sqlite");
}

export function removeDb(file: string): void {
  rmSync(join(file, ".."), { recursive: true, force: true });
}

/** Starts an emulator on a free port with its own temporary database file. */
export async function startTestEmulator(
  label: string,
  options: EmulatorOptions = {},
): Promise<{ emulator: RunningEmulator; db: string; stop: () => Promise<void> }> {
  const db = options.db ?? tempDbPath(label);
  const emulator = await startEmulator({ port: 0, db, ...options });
  return {
    emulator,
    db,
    stop: async () => {
      await emulator.close();
      if (options.db === undefined) removeDb(db);
    },
  };
}

export function request<T = unknown>(
  emulator: RunningEmulator,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Reply<T>> {
  const token = options.token === undefined ? emulator.token : options.token;
  const headers: Record<string, string> = token === null ? {} : { "X-Auth-Token": token };
  return send<T>(emulator.url + path, method, headers, options);
}

/** Asserts a CES error answer: status, code, a message fragment and a request id that matches its header. */
export function expectCesError(
  reply: Reply<unknown>,
  status: number,
  code: string,
  message?: string | RegExp,
): void {
  const body = reply.json as ErrorBody;
  expect({ status: reply.status, code: body.error_code }).toEqual({ status, code });
  expect(Object.keys(body).sort()).toEqual(["error_code", "error_msg", "request_id"]);
  expect(body.request_id).toMatch(/^[0-9a-f]{32}$/);
  expect(reply.headers.get("x-request-id")).toBe(body.request_id);
  if (message !== undefined) expect(body.error_msg).toMatch(message);
}

/** A thin client over one project's resource-group routes. */
export class CesClient {
  constructor(
    readonly emulator: RunningEmulator,
    readonly project = PROJECT,
  ) {}

  get base(): string {
    return `/v2/${this.project}/resource-groups`;
  }

  call<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<Reply<T>> {
    return request<T>(this.emulator, method, this.base + path, options);
  }

  create(body: unknown, options: RequestOptions = {}): Promise<Reply<WireCreated>> {
    return this.call("POST", "", { ...options, body });
  }

  /** Creates a group and returns its id, failing the test if the emulator refuses. */
  async createOk(body: Record<string, unknown>): Promise<string> {
    const reply = await this.create(body);
    expect(reply.status).toBe(200);
    return reply.json.group_id;
  }

  list(query = ""): Promise<Reply<WireList>> {
    return this.call("GET", query ? `?${query}` : "");
  }

  show(groupId: string): Promise<Reply<Required<WireGroup>>> {
    return this.call("GET", `/${groupId}`);
  }

  update(groupId: string, body: unknown): Promise<Reply<undefined>> {
    return this.call("PUT", `/${groupId}`, { body });
  }

  batchDelete(groupIds: unknown): Promise<Reply<WireBatchDeleted>> {
    return this.call("POST", "/batch-delete", { body: { group_ids: groupIds } });
  }

  addMembers(groupId: string, resources: unknown): Promise<Reply<WireMemberCount>> {
    return this.call("POST", `/${groupId}/resources/batch-create`, { body: { resources } });
  }

  removeMembers(groupId: string, resources: unknown): Promise<Reply<WireMemberCount>> {
    return this.call("POST", `/${groupId}/resources/batch-delete`, { body: { resources } });
  }

  listMembers(groupId: string, service: string, query = ""): Promise<Reply<WireMemberList>> {
    return this.call("GET", `/${groupId}/services/${service}/resources${query ? `?${query}` : ""}`);
  }
}

/** A valid lowercase UUID-shaped enterprise project id. */
export const EP_ID = "d61d4705-5658-42f5-8e0c-70eb34d17b02";

export function ecs(instanceId: string, extra: Dimension[] = []): Member {
  return { namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: instanceId }, ...extra] };
}

export function resetData(emulator: RunningEmulator): Promise<void> {
  return resetEmulatorData(emulator);
}

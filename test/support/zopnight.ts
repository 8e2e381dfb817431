/** A thin client of the emulator's ZopNight dialect, for contract and integration tests. */
import type { RunningEmulator } from "../../emulator";

export const ZOPNIGHT_API = "/api";
export const ZOPNIGHT_ADMIN = "/_emulator/zopnight";

export interface ZopNightMember {
  id: string;
  resourceID: string;
  resourceUID: string;
  resourceName: string;
  resourceType: string;
  provider: string;
  cloudAccountID: string;
  region: string;
  executionTier: string;
  executionOrder: number;
}

export interface ZopNightGroup {
  id: string;
  name: string;
  description: string;
  members: ZopNightMember[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ZopNightResource {
  id: string;
  uid: string;
  name: string;
  type: string;
  provider: string;
  cloudAccountID: string;
  region: string;
}

export interface ZopNightSchedule {
  id: string;
  name: string;
  timezone: string;
}

export interface ZopNightList<T> {
  data: T[];
  pagination: { page: number; limit: number; total: number };
}

export interface Reply<T> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export interface CallOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent verbatim, for malformed bodies. */
  raw?: string;
  /** null sends no Authorization header; undefined sends the dialect's token as a bearer token. */
  token?: string | null;
  /** A whole Authorization header, sent instead of the bearer token. */
  authorization?: string;
}

async function send<T>(url: string, method: string, headers: Record<string, string>, body?: string) {
  const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: (text ? JSON.parse(text) : undefined) as T,
  };
}

export class ZopNightClient {
  constructor(readonly emulator: RunningEmulator) {}

  get token(): string {
    return this.emulator.dialect("zopnight").token;
  }

  /** Calls the API under /api, e.g. call("GET", "/resource-groups"). */
  call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    const token = options.token === undefined ? this.token : options.token;
    if (options.authorization !== undefined) headers.Authorization = options.authorization;
    else if (token !== null) headers.Authorization = `Bearer ${token}`;
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    return send<T>(this.emulator.url + ZOPNIGHT_API + path, method, headers, body);
  }

  /** Calls an admin route under /_emulator/zopnight (no token). */
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    return send<T>(
      this.emulator.url + ZOPNIGHT_ADMIN + path,
      method,
      { "Content-Type": "application/json" },
      text,
    );
  }

  create(body: unknown): Promise<Reply<{ data: ZopNightGroup }>> {
    return this.call("POST", "/resource-groups", { body });
  }

  /** Creates a group and returns it, failing the test if the emulator refuses. */
  async createOk(name: string, description?: string): Promise<ZopNightGroup> {
    const reply = await this.create(description === undefined ? { name } : { name, description });
    expect(reply.status).toBe(201);
    return reply.json.data;
  }

  list(query = ""): Promise<Reply<ZopNightList<ZopNightGroup>>> {
    return this.call("GET", `/resource-groups${query ? `?${query}` : ""}`);
  }

  show(groupId: string): Promise<Reply<{ data: ZopNightGroup }>> {
    return this.call("GET", `/resource-groups/${groupId}`);
  }

  update(groupId: string, body: unknown): Promise<Reply<{ data: ZopNightGroup }>> {
    return this.call("PUT", `/resource-groups/${groupId}`, { body });
  }

  remove(groupId: string): Promise<Reply<undefined>> {
    return this.call("DELETE", `/resource-groups/${groupId}`);
  }

  addMember(groupId: string, resourceId: string): Promise<Reply<{ data: ZopNightMember }>> {
    return this.call("POST", `/resource-groups/${groupId}/resources/${resourceId}`);
  }

  removeMember(groupId: string, resourceId: string): Promise<Reply<undefined>> {
    return this.call("DELETE", `/resource-groups/${groupId}/resources/${resourceId}`);
  }

  sequence(groupId: string, resourceId: string, body: unknown): Promise<Reply<{ data: ZopNightMember }>> {
    return this.call("PATCH", `/resource-groups/${groupId}/resources/${resourceId}/sequence`, { body });
  }

  schedules(groupId: string): Promise<Reply<{ data: ZopNightSchedule[] }>> {
    return this.call("GET", `/resource-groups/${groupId}/schedules`);
  }

  inventory(query = ""): Promise<Reply<ZopNightList<ZopNightResource>>> {
    return this.call("GET", `/resources${query ? `?${query}` : ""}`);
  }

  addResource(body: unknown): Promise<Reply<{ data: ZopNightResource }>> {
    return this.admin("POST", "/resources", body);
  }

  attachSchedule(groupId: string, body: unknown): Promise<Reply<{ data: ZopNightSchedule }>> {
    return this.admin("POST", `/resource-groups/${groupId}/schedules`, body);
  }
}

/** Asserts a ZopNight error answer: the status and a body that is exactly `{error: "<message>"}`. */
export function expectZopNightError(reply: Reply<unknown>, status: number, message?: RegExp): void {
  expect(reply.status).toBe(status);
  const body = reply.json as { error: unknown };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(typeof body.error).toBe("string");
  if (message !== undefined) expect(body.error).toMatch(message);
}

/** Empties the ZopNight dialect and returns its inventory to the starting set. */
export async function resetZopNight(emulator: RunningEmulator): Promise<void> {
  const response = await fetch(`${emulator.url}${ZOPNIGHT_ADMIN}/reset`, { method: "POST" });
  expect(response.status).toBe(200);
}

/** A thin client of the emulator's Strongly dialect, for contract and integration tests. */
import type { RunningEmulator } from "../../emulator";

export const STRONGLY_BASE = "/api/v1/finops/resource-groups";

export interface StronglyMember {
  type: string;
  resourceId: string;
  name: string;
}

export interface StronglyGroup {
  _id: string;
  name: string;
  description: string;
  status: string;
  ownerId: string;
  organizationId: string;
  resources: StronglyMember[];
  createdAt: string;
  updatedAt: string;
}

export type StronglySummary = Omit<StronglyGroup, "resources">;

export interface StronglyList {
  count: number;
  limit: number;
  offset: number;
  items: StronglySummary[];
}

export interface StronglyErrorBody {
  success: false;
  error: { code: string; message: string };
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
  /** null sends no key; undefined sends the emulator's key for the dialect. */
  key?: string | null;
}

export class StronglyClient {
  constructor(readonly emulator: RunningEmulator) {}

  get key(): string {
    return this.emulator.dialect("strongly").token;
  }

  async call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    const key = options.key === undefined ? this.key : options.key;
    if (key !== null) headers["X-API-Key"] = key;
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const response = await fetch(this.emulator.url + STRONGLY_BASE + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: (text ? JSON.parse(text) : undefined) as T,
    };
  }

  create(body: unknown, options: CallOptions = {}): Promise<Reply<{ resourceGroupId: string }>> {
    return this.call("POST", "", { ...options, body });
  }

  /** Creates a group and returns its id, failing the test if the emulator refuses. */
  async createOk(name: string, description?: string): Promise<string> {
    const reply = await this.create(description === undefined ? { name } : { name, description });
    expect(reply.status).toBe(201);
    return reply.json.resourceGroupId;
  }

  list(query = ""): Promise<Reply<StronglyList>> {
    return this.call("GET", query ? `?${query}` : "");
  }

  show(id: string): Promise<Reply<StronglyGroup>> {
    return this.call("GET", `/${id}`);
  }

  update(id: string, body: unknown): Promise<Reply<StronglyGroup>> {
    return this.call("PUT", `/${id}`, { body });
  }

  remove(id: string): Promise<Reply<undefined>> {
    return this.call("DELETE", `/${id}`);
  }

  addMember(id: string, member: unknown): Promise<Reply<StronglyGroup>> {
    return this.call("POST", `/${id}/resources`, { body: member });
  }

  removeMember(id: string, resourceId: string, resourceType?: string): Promise<Reply<StronglyGroup>> {
    const query = resourceType === undefined ? "" : `?resourceType=${encodeURIComponent(resourceType)}`;
    return this.call("DELETE", `/${id}/resources/${encodeURIComponent(resourceId)}${query}`);
  }
}

/** Asserts a Strongly error answer: status, code, exactly the envelope's keys, and a message fragment. */
export function expectStronglyError(
  reply: Reply<unknown>,
  status: number,
  code: string,
  message?: string | RegExp,
): void {
  const body = reply.json as StronglyErrorBody;
  expect({ status: reply.status, code: body.error.code }).toEqual({ status, code });
  expect(Object.keys(body).sort()).toEqual(["error", "success"]);
  expect(body.success).toBe(false);
  expect(Object.keys(body.error).sort()).toEqual(["code", "message"]);
  if (message !== undefined) expect(body.error.message).toMatch(message);
}

export async function resetStrongly(emulator: RunningEmulator): Promise<void> {
  const response = await fetch(`${emulator.url}/_emulator/strongly/reset`, { method: "POST" });
  expect(response.status).toBe(200);
}

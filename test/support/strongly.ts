/** A thin client of the emulator's Strongly dialect, for contract and integration tests. */
import type {
  WireCreated,
  WireError,
  WireGroup,
  WireList,
  WireMember,
} from "pulumi-resource-groups-contracts/strongly";
import type { RunningEmulator } from "../../emulator";
import { resetEmulatorData, send, type BodyOptions, type Reply } from "./http";

export type { Reply };

export const STRONGLY_BASE = "/api/v1/finops/resource-groups";

/** A member as the API lists it. */
export type StronglyMember = WireMember;
/** A group as the emulator shows it: description and member list always there. */
export type StronglyGroup = Required<WireGroup>;

export interface CallOptions extends BodyOptions {
  /** null sends no key; undefined sends the emulator's key for the dialect. */
  key?: string | null;
}

export class StronglyClient {
  constructor(readonly emulator: RunningEmulator) {}

  get key(): string {
    return this.emulator.dialect("strongly").token;
  }

  call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    const key = options.key === undefined ? this.key : options.key;
    const headers: Record<string, string> = key === null ? {} : { "X-API-Key": key };
    return send<T>(this.emulator.url + STRONGLY_BASE + path, method, headers, options);
  }

  create(body: unknown, options: CallOptions = {}): Promise<Reply<WireCreated>> {
    return this.call("POST", "", { ...options, body });
  }

  /** Creates a group and returns its id, failing the test if the emulator refuses. */
  async createOk(name: string, description?: string): Promise<string> {
    const reply = await this.create(description === undefined ? { name } : { name, description });
    expect(reply.status).toBe(201);
    return reply.json.resourceGroupId;
  }

  list(query = ""): Promise<Reply<WireList>> {
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
  const body = reply.json as Required<WireError>;
  expect({ status: reply.status, code: body.error.code }).toEqual({ status, code });
  expect(Object.keys(body).sort()).toEqual(["error", "success"]);
  expect(body.success).toBe(false);
  expect(Object.keys(body.error).sort()).toEqual(["code", "message"]);
  if (message !== undefined) expect(body.error.message).toMatch(message);
}

export function resetStrongly(emulator: RunningEmulator): Promise<void> {
  return resetEmulatorData(emulator, "strongly");
}

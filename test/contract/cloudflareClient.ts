/** A thin client of the emulator's Cloudflare dialect and assertions on its envelope, for contract tests. */
import type { WireEnvelope, WireGroupAnswer } from "pulumi-resource-groups-contracts/cloudflare";
import type { RunningEmulator } from "../../emulator";
import { send, type BodyOptions, type Reply } from "../support/http";

export const ACCOUNT = "0123456789abcdef0123456789abcdef";
export const OTHER_ACCOUNT = "fedcba9876543210fedcba9876543210";

/** A distinct 32-hex id per number (zone ids, unknown group ids). */
export function hexId(n: number): string {
  return n.toString(16).padStart(32, "0");
}

export function zoneKey(n: number): string {
  return `com.cloudflare.api.account.zone.${hexId(n)}`;
}

export function accountKey(account = ACCOUNT): string {
  return `com.cloudflare.api.account.${account}`;
}

/** A request scope: one object with the account key and the given object keys. */
export function scope(keys: readonly string[] = ["*"], account = ACCOUNT) {
  return { key: accountKey(account), objects: keys.map((key) => ({ key })) };
}

export interface CloudflareCallOptions extends BodyOptions {
  /** null sends no Authorization header; undefined sends the dialect's token. */
  token?: string | null;
  /** Replaces the Authorization header as a whole. */
  authorization?: string;
}

export type CloudflareReply<T> = Reply<WireEnvelope<T>>;

export class CloudflareClient {
  constructor(
    readonly emulator: RunningEmulator,
    readonly account = ACCOUNT,
  ) {}

  get base(): string {
    return `/client/v4/accounts/${this.account}/iam/resource_groups`;
  }

  /** Any path under the emulator's root, with the dialect's auth. */
  raw<T = unknown>(
    method: string,
    path: string,
    options: CloudflareCallOptions = {},
  ): Promise<CloudflareReply<T>> {
    const headers: Record<string, string> = {};
    const token = options.token === undefined ? this.emulator.tokens.cloudflare : options.token;
    if (options.authorization !== undefined) headers.Authorization = options.authorization;
    else if (token !== null) headers.Authorization = `Bearer ${token}`;
    return send<WireEnvelope<T>>(this.emulator.url + path, method, headers, options);
  }

  call<T = unknown>(
    method: string,
    path: string,
    options?: CloudflareCallOptions,
  ): Promise<CloudflareReply<T>> {
    return this.raw<T>(method, this.base + path, options);
  }

  create(body: unknown, options: CloudflareCallOptions = {}): Promise<CloudflareReply<WireGroupAnswer>> {
    return this.call("POST", "", { ...options, body });
  }

  /** Creates a group and returns it, failing the test if the emulator refuses. */
  async createOk(name: string, keys: readonly string[] = ["*"]): Promise<WireGroupAnswer> {
    const reply = await this.create({ name, scope: scope(keys, this.account) });
    expect({ status: reply.status, errors: reply.json.errors }).toEqual({ status: 200, errors: [] });
    return reply.json.result;
  }

  list(query = ""): Promise<CloudflareReply<WireGroupAnswer[]>> {
    return this.call("GET", query ? `?${query}` : "");
  }

  show(id: string): Promise<CloudflareReply<WireGroupAnswer>> {
    return this.call("GET", `/${id}`);
  }

  update(id: string, body: unknown): Promise<CloudflareReply<WireGroupAnswer>> {
    return this.call("PUT", `/${id}`, { body });
  }

  remove(id: string): Promise<CloudflareReply<{ id: string }>> {
    return this.call("DELETE", `/${id}`);
  }

  /** The account's built-in group, which every list starts with. */
  async builtIn(): Promise<WireGroupAnswer> {
    const builtIn = (await this.list(`name=${accountKey(this.account)}`)).json.result[0];
    if (!builtIn) throw new Error("the account has no built-in group");
    return builtIn;
  }
}

/** Asserts a success envelope with status 200 and answers its result. */
export function expectOk<T>(reply: CloudflareReply<T>): T {
  expect({ status: reply.status, success: reply.json.success, errors: reply.json.errors }).toEqual({
    status: 200,
    success: true,
    errors: [],
  });
  expect(reply.json.messages).toEqual([]);
  return reply.json.result;
}

export interface ExpectedError {
  code: number;
  /** The JSON pointer; omitted when the error must carry no `source`. */
  pointer?: string;
  message?: string | RegExp;
}

/** Asserts a failure envelope: status, then exactly these errors in order (code and pointer). */
export function expectCloudflareError(
  reply: CloudflareReply<unknown>,
  status: number,
  expected: readonly ExpectedError[] | number,
): void {
  const wanted = typeof expected === "number" ? [{ code: expected }] : expected;
  expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
  expect(Object.keys(reply.json).sort()).toEqual(["errors", "messages", "result", "success"]);
  expect({
    status: reply.status,
    success: reply.json.success,
    result: reply.json.result,
    messages: reply.json.messages,
  }).toEqual({
    status,
    success: false,
    result: null,
    messages: [],
  });
  expect(reply.json.errors.map((e) => ({ code: e.code, pointer: e.source?.pointer }))).toEqual(
    wanted.map((e) => ({ code: e.code, pointer: e.pointer })),
  );
  reply.json.errors.forEach((error, i) => {
    expect(typeof error.message).toBe("string");
    expect(Object.keys(error).sort()).toEqual(
      error.source ? ["code", "message", "source"] : ["code", "message"],
    );
    const message = wanted[i]?.message;
    if (message !== undefined) expect(error.message).toMatch(message);
  });
}

/** Asserts the 404 a malformed path id or an unknown route gets: codes 7003 and 7000. */
export function expectNoRoute(reply: CloudflareReply<unknown>, status = 404): void {
  expectCloudflareError(reply, status, [
    { code: 7003, message: /^Could not route to .*, perhaps your object identifier is invalid\?$/ },
    { code: 7000, message: "No route for that URI" },
  ]);
}

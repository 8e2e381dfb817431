/**
 * Careless and hostile requests: malformed JSON, oversized bodies, unknown routes and methods, path
 * ids with `..`, NUL or SQL text, and a burst of 10,000 requests from 50 clients. Every dialect answers
 * each in its own error shape, loses no data, and the emulator keeps serving.
 */
import { Agent, request as httpRequest } from "node:http";
import { MAX_BODY_BYTES } from "../../emulator/core/http";
import { MEMBER_BATCH_MAX_BYTES } from "../../emulator/vendors/ces/routes";
import { CLOUDFLARE_ACCOUNT, PROJECT, startTestEmulator, type TestEmulator } from "../support/emulator";

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Sends exactly this path and body: no client-side URL normalization, unlike fetch. */
function send(
  env: TestEmulator,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
  agent?: Agent,
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: env.emulator.port,
        method,
        path,
        agent,
        headers: {
          ...headers,
          ...(body === undefined
            ? {}
            : { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

interface DialectCase {
  name: "ces" | "cloudflare" | "strongly" | "zopnight";
  /** The group collection: create is POST here, list is GET. */
  base: string;
  auth: (env: TestEmulator) => Record<string, string>;
  /** A valid create body. */
  create: (name: string) => unknown;
  /** Asserts the dialect's error shape. */
  expectShape: (body: unknown) => void;
  /** The names of the groups a list answer holds. */
  names: (body: unknown) => string[];
  /** A method the collection does not serve, and the Allow header the 405 carries. */
  wrongMethod: [string, string];
}

const CF_BASE = `/client/v4/accounts/${CLOUDFLARE_ACCOUNT}/iam/resource_groups`;
const ZONE = "0".repeat(31) + "1";

const DIALECTS: DialectCase[] = [
  {
    name: "ces",
    base: `/v2/${PROJECT}/resource-groups`,
    auth: (env) => ({ "X-Auth-Token": env.emulator.tokens.ces }),
    create: (name) => ({ group_name: name }),
    expectShape: (body) => {
      expect(Object.keys(body as object).sort()).toEqual(["error_code", "error_msg", "request_id"]);
      expect((body as { error_code: string }).error_code).toMatch(/^ces\.\d{4}$/);
    },
    names: (body) =>
      (body as { resource_groups: { group_name: string }[] }).resource_groups.map((g) => g.group_name),
    wrongMethod: ["DELETE", "GET, POST"],
  },
  {
    name: "cloudflare",
    base: CF_BASE,
    auth: (env) => ({ Authorization: `Bearer ${env.emulator.tokens.cloudflare}` }),
    create: (name) => ({
      name,
      scope: {
        key: `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`,
        objects: [{ key: `com.cloudflare.api.account.zone.${ZONE}` }],
      },
    }),
    expectShape: (body) => {
      const envelope = body as {
        success: boolean;
        errors: { code: number; message: string }[];
        result: unknown;
      };
      expect(envelope).toMatchObject({ success: false, messages: [], result: null });
      expect(envelope.errors.length).toBeGreaterThan(0);
      for (const error of envelope.errors) expect(typeof error.code).toBe("number");
    },
    names: (body) => (body as { result: { name: string }[] }).result.map((g) => g.name),
    wrongMethod: ["DELETE", "GET, POST"],
  },
  {
    name: "strongly",
    base: "/api/v1/finops/resource-groups",
    auth: (env) => ({ "X-API-Key": env.emulator.tokens.strongly }),
    create: (name) => ({ name }),
    expectShape: (body) => {
      const error = body as { success: boolean; error: { code: string; message: string } };
      expect(Object.keys(error).sort()).toEqual(["error", "success"]);
      expect(error.success).toBe(false);
      expect(typeof error.error.code).toBe("string");
      expect(typeof error.error.message).toBe("string");
    },
    names: (body) => (body as { items: { name: string }[] }).items.map((g) => g.name),
    wrongMethod: ["DELETE", "GET, POST"],
  },
  {
    name: "zopnight",
    base: "/api/resource-groups",
    auth: (env) => ({ Authorization: `Bearer ${env.emulator.tokens.zopnight}` }),
    create: (name) => ({ name }),
    expectShape: (body) => {
      expect(Object.keys(body as object)).toEqual(["error"]);
      expect(typeof (body as { error: unknown }).error).toBe("string");
    },
    names: (body) => (body as { data: { name: string }[] }).data.map((g) => g.name),
    wrongMethod: ["DELETE", "GET, POST"],
  },
];

/** Path segments a careless or hostile caller puts where an id belongs. */
const HOSTILE_IDS = [
  "..",
  "..%2F..%2F..%2Fetc%2Fpasswd",
  "%2e%2e",
  "%00",
  "rg%00",
  "x%00y",
  "%27%20OR%20%271%27%3D%271",
  "1%3B%20DROP%20TABLE%20resource_groups%3B--",
  "%22%3B%20DELETE%20FROM%20groups%3B%20--",
  "%E0%A4%A",
  "%ff%fe",
];

let env: TestEmulator;

beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(() => env?.stop());

async function healthy(): Promise<void> {
  expect((await send(env, "GET", "/healthz", {})).status).toBe(200);
}

describe.each(DIALECTS)("$name", (dialect) => {
  const call = (method: string, path: string, body?: string) =>
    send(env, method, path, dialect.auth(env), body);
  const errorOf = (reply: RawReply, status: number) => {
    expect(reply.status).toBe(status);
    const body = JSON.parse(reply.text) as unknown;
    dialect.expectShape(body);
    return body;
  };

  beforeAll(async () => {
    const created = await call("POST", dialect.base, JSON.stringify(dialect.create("survivor")));
    expect(created.status).toBeLessThan(300);
  });

  test.each([
    ["truncated", '{"name": "x"'],
    ["not JSON", "name=x"],
    ["a JSON array", "[]"],
    ["a JSON string", '"x"'],
    ["trailing garbage", '{"name": "x"} {}'],
    ["a NUL byte", '{"name": "\u0000'],
  ])("malformed JSON (%s) -> 400 in the dialect's shape", async (_what, raw) => {
    errorOf(await call("POST", dialect.base, raw), 400);
  });

  test("a body over 1 MiB -> 413 in the dialect's shape, and the next request is served", async () => {
    const big = JSON.stringify({ name: "x", padding: "p".repeat(MAX_BODY_BYTES) });
    errorOf(await call("POST", dialect.base, big), 413);
    expect((await call("GET", dialect.base)).status).toBe(200);
  });

  test("an unknown route -> 404, an unknown method -> 405 with Allow, in the dialect's shape", async () => {
    errorOf(await call("GET", `${dialect.base}-nope/x/y`), 404);
    const [method, allow] = dialect.wrongMethod;
    const reply = await call(method, dialect.base);
    errorOf(reply, 405);
    expect(reply.headers.allow).toBe(allow);
  });

  test.each(HOSTILE_IDS)("path id %s -> a 4xx in the dialect's shape, data intact", async (id) => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const body = method === "PUT" ? JSON.stringify(dialect.create("renamed")) : undefined;
      const reply = await call(method, `${dialect.base}/${id}`, body);
      expect({ method, status: reply.status >= 400 && reply.status < 500 }).toEqual({ method, status: true });
      dialect.expectShape(JSON.parse(reply.text));
    }
    const list = await call("GET", dialect.base);
    expect(dialect.names(JSON.parse(list.text))).toContain("survivor");
  });
});

describe("CES member batches, the one body that may exceed 1 MiB", () => {
  const auth = () => ({ "X-Auth-Token": env.emulator.tokens.ces });
  const base = `/v2/${PROJECT}/resource-groups`;

  /** 1000 members of 4 dimensions whose 256-character values JSON escapes to 6 bytes a character. */
  function largestBatch(): string {
    const resources = Array.from({ length: 1000 }, (_, m) => ({
      namespace: `SYS.${"E".repeat(28)}`,
      dimensions: Array.from({ length: 4 }, (_, d) => ({
        name: `d${d}${"n".repeat(30)}`,
        value: `${m}`.padStart(4, "0") + "\u0001".repeat(252),
      })),
    }));
    return JSON.stringify({ resources });
  }

  test("the largest valid batch (over 6 MB) is accepted; a larger body is 413", async () => {
    const created = await send(env, "POST", base, auth(), JSON.stringify({ group_name: "big-batch" }));
    const groupId = (JSON.parse(created.text) as { group_id: string }).group_id;
    const body = largestBatch();
    expect(Buffer.byteLength(body)).toBeGreaterThan(6 * 1024 * 1024);
    expect(Buffer.byteLength(body)).toBeLessThan(MEMBER_BATCH_MAX_BYTES);
    const added = await send(env, "POST", `${base}/${groupId}/resources/batch-create`, auth(), body);
    expect({ status: added.status, text: added.text }).toEqual({
      status: 200,
      text: '{"succeed_count":1000}',
    });
    const tooBig = `${body.slice(0, -2)}${" ".repeat(MEMBER_BATCH_MAX_BYTES)}]}`;
    const refused = await send(env, "POST", `${base}/${groupId}/resources/batch-create`, auth(), tooBig);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.text)).toMatchObject({ error_code: "ces.0014" });
    await healthy();
  }, 60_000);
});

describe("a burst of 10,000 requests from 50 clients", () => {
  test("every one is answered in time, none with a 5xx, and the emulator stays up", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    env.emulator.resetStats();
    const statuses = new Map<number, number>();
    const started = Date.now();
    const clients = Array.from({ length: 50 }, async (_, c) => {
      const dialect = DIALECTS[c % DIALECTS.length] as DialectCase;
      for (let i = 0; i < 200; i++) {
        // Mostly reads; every fifth a careless write that is refused before it changes anything.
        const reply =
          i % 5 === 4
            ? await send(env, "POST", dialect.base, dialect.auth(env), "{oops", agent)
            : await send(env, "GET", dialect.base, dialect.auth(env), undefined, agent);
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      }
    });
    await Promise.all(clients);
    agent.destroy();
    expect(Object.fromEntries(statuses)).toEqual({ 200: 8000, 400: 2000 });
    expect(env.emulator.stats().total).toBe(10_000);
    expect(Date.now() - started).toBeLessThan(90_000);
    await healthy();
  }, 120_000);
});

/**
 * The provider's HTTP client behind a proxy: HTTP_PROXY (either case) sends its requests through a
 * small forwarding proxy on loopback, NO_PROXY sends them straight to the emulator, and the credential
 * a proxy may echo back never reaches an error message.
 */
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { HttpsProxyAgent } from "https-proxy-agent";
import { HttpClient } from "../../provider/core/http/client";
import { ApiError } from "../../provider/core/http/errors";
import { proxyAgentsFor } from "../../provider/core/http/proxy";
import { bypassProxyForLoopback } from "../../scripts/lib/pulumiEnv";
import { startTestEmulator, type TestEmulator } from "../support/emulator";

const PROXY_VARIABLES = ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"].flatMap((name) => [
  name,
  name.toLowerCase(),
]);

interface TestProxy {
  url: string;
  /** `METHOD absolute-url` of every request the proxy received. */
  seen: string[];
  close(): Promise<void>;
}

/** A forwarding HTTP proxy (absolute-form requests), or one that answers 502 echoing the headers. */
async function startProxy(mode: "forward" | "echo-headers"): Promise<TestProxy> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (mode === "echo-headers") {
      res.writeHead(502, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: { code: "BAD_GATEWAY", message: JSON.stringify(req.headers) } }));
      return;
    }
    const upstream = httpRequest(req.url ?? "", { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let env: TestEmulator;
let proxy: TestProxy | undefined;
const saved = new Map<string, string | undefined>();

beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(() => env.stop());
beforeEach(() => {
  for (const name of PROXY_VARIABLES) {
    saved.set(name, process.env[name]);
    delete process.env[name];
  }
});
afterEach(async () => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await proxy?.close();
  proxy = undefined;
});

/** A client of the Strongly API, made after the environment is set, as the provider does. */
function stronglyClient(): HttpClient {
  return new HttpClient({
    api: "the Strongly API",
    baseURL: `${env.emulator.url}/api/v1/finops`,
    headers: { "X-API-Key": env.emulator.tokens.strongly },
    timeoutMs: 5000,
    retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
    parseError: (body) => {
      const error = (body as { error?: { code?: string; message?: string } }).error;
      return { errorCode: error?.code, errorMsg: error?.message };
    },
    credentialHint: "RESOURCEGROUPS_STRONGLY_API_KEY",
  });
}

const LIST = { method: "GET", path: "/resource-groups", operation: "list resource groups" } as const;

describe("HTTP client and proxies", () => {
  it.each(["HTTP_PROXY", "http_proxy"])("sends requests through the proxy named by %s", async (name) => {
    proxy = await startProxy("forward");
    process.env[name] = proxy.url;

    const answer = await stronglyClient().request<{ count: number }>(LIST);

    expect(answer.status).toBe(200);
    expect(answer.data.count).toBe(0);
    expect(proxy.seen).toEqual([`GET ${env.emulator.url}/api/v1/finops/resource-groups`]);
  });

  it("goes straight to a host listed in NO_PROXY", async () => {
    proxy = await startProxy("forward");
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = "example.com,127.0.0.1";

    const answer = await stronglyClient().request(LIST);

    expect(answer.status).toBe(200);
    expect(proxy.seen).toEqual([]);
  });

  it("reaches the emulator directly in the repository's Pulumi environment, whatever proxy is set", async () => {
    proxy = await startProxy("forward");
    process.env.HTTP_PROXY = proxy.url;
    process.env.no_proxy = "example.com";
    Object.assign(process.env, bypassProxyForLoopback({ ...process.env }));

    const answer = await stronglyClient().request(LIST);

    expect(answer.status).toBe(200);
    expect(proxy.seen).toEqual([]);
    expect(process.env.no_proxy).toBe("example.com,127.0.0.1,localhost");
    expect(process.env.NO_PROXY).toBe(process.env.no_proxy);
  });

  it("keeps the credential out of the error when a proxy echoes the request headers", async () => {
    proxy = await startProxy("echo-headers");
    process.env.HTTP_PROXY = proxy.url;

    const failure = await stronglyClient()
      .request(LIST)
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    const text = `${String(failure)} ${JSON.stringify(failure)}`;
    expect(text).toContain("x-api-key");
    expect(text).not.toContain(env.emulator.tokens.strongly);
    expect(proxy.seen).toHaveLength(1);
  });

  it("tunnels https endpoints through HTTPS_PROXY and leaves them alone without it", () => {
    expect(proxyAgentsFor("https://api.example.com/v1")).toEqual({});
    process.env.HTTPS_PROXY = "http://proxy.example:3128";

    const agents = proxyAgentsFor("https://api.example.com/v1");

    expect(agents.httpsAgent).toBeInstanceOf(HttpsProxyAgent);
    expect(agents.httpAgent).toBeUndefined();
    expect(proxyAgentsFor("http://api.example.com/v1")).toEqual({});
  });

  it("names the variables, without their value, when the proxy is not a URL", () => {
    process.env.HTTP_PROXY = "http://user:s3cret@bad host:3128";

    expect(() => stronglyClient()).toThrow(/HTTPS_PROXY, HTTP_PROXY or ALL_PROXY\) must be a URL/);
    expect(() => stronglyClient()).not.toThrow(/s3cret/);
  });
});

/**
 * Credentials stay with the HTTP client: no error of any vendor carries the token, whatever failed
 * (a refused token, a server error, a timeout, no server at all), however the error is printed; and a
 * credential never goes over plain http:// to another machine unless the user allows it.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { inspect } from "node:util";
import { ConfigurationError } from "../../provider/core/errors";
import { REDACTED, redactor } from "../../provider/core/http/client";
import { resetSettings } from "../../provider/core/settings";
import { cesApi, resolveCesSettings } from "../../provider/vendors/ces/settings";
import { cloudflareApi, resolveCloudflareSettings } from "../../provider/vendors/cloudflare/settings";
import { resolveStronglySettings, stronglyApi } from "../../provider/vendors/strongly/settings";
import { resolveZopNightSettings, zopnightApi } from "../../provider/vendors/zopnight/settings";
import { CLOUDFLARE_ACCOUNT, PROJECT, startTestEmulator, type TestEmulator } from "../support/emulator";

const secret = (vendor: string) => `${vendor}-secret-${randomBytes(12).toString("hex")}`;
const TOKENS = {
  ces: secret("ces"),
  cloudflare: secret("cf"),
  strongly: secret("sk"),
  zopnight: secret("zn"),
};
const WRONG = {
  ces: secret("ces"),
  cloudflare: secret("cf"),
  strongly: secret("sk"),
  zopnight: secret("zn"),
};
type Vendor = keyof typeof TOKENS;

interface VendorCase {
  vendor: Vendor;
  /** The environment that points the vendor at `url` with `token`. */
  env: (url: string, token: string) => Record<string, string>;
  /** One read through the vendor's client, which fails when anything is wrong. */
  read: () => Promise<unknown>;
  resolve: (env: NodeJS.ProcessEnv) => unknown;
}

const VENDORS: VendorCase[] = [
  {
    vendor: "ces",
    env: (url, token) => ({
      RESOURCEGROUPS_ENDPOINT: url,
      RESOURCEGROUPS_PROJECT_ID: PROJECT,
      RESOURCEGROUPS_TOKEN: token,
    }),
    read: () => cesApi().getGroup(`rg${"A".repeat(22)}`),
    resolve: (env) => resolveCesSettings(undefined, env),
  },
  {
    vendor: "cloudflare",
    env: (url, token) => ({
      RESOURCEGROUPS_CLOUDFLARE_ENDPOINT: `${url}/client/v4`,
      RESOURCEGROUPS_CLOUDFLARE_API_TOKEN: token,
      RESOURCEGROUPS_CLOUDFLARE_ACCOUNT_ID: CLOUDFLARE_ACCOUNT,
    }),
    read: () => cloudflareApi().getGroup(CLOUDFLARE_ACCOUNT, "0".repeat(32)),
    resolve: (env) => resolveCloudflareSettings(env),
  },
  {
    vendor: "strongly",
    env: (url, token) => ({ RESOURCEGROUPS_STRONGLY_ENDPOINT: url, RESOURCEGROUPS_STRONGLY_API_KEY: token }),
    read: () => stronglyApi().getGroup(`rg_${"a".repeat(16)}`),
    resolve: (env) => resolveStronglySettings(env),
  },
  {
    vendor: "zopnight",
    env: (url, token) => ({
      RESOURCEGROUPS_ZOPNIGHT_ENDPOINT: `${url}/api`,
      RESOURCEGROUPS_ZOPNIGHT_TOKEN: token,
    }),
    read: () => zopnightApi().getGroup(`grp_${"a".repeat(12)}`),
    resolve: (env) => resolveZopNightSettings(env),
  },
];

let emulator: TestEmulator;
const saved = { ...process.env };

beforeAll(async () => {
  emulator = await startTestEmulator({ tokens: TOKENS });
});
afterAll(() => emulator?.stop());
afterEach(() => {
  process.env = { ...saved };
  emulator.emulator.setFaults({});
  resetSettings();
});

function use(vendorCase: VendorCase, url: string, token: string, extra: Record<string, string> = {}): void {
  process.env = {
    ...saved,
    RESOURCEGROUPS_MAX_RETRIES: "0",
    RESOURCEGROUPS_REQUEST_TIMEOUT_MS: "2000",
    ...vendorCase.env(url, token),
    ...extra,
  };
  resetSettings();
}

async function failure(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

/** Every way a user or a crash report may print an error. */
function everyRendering(error: Error): string {
  return [
    String(error),
    error.stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
    JSON.stringify(
      Object.getOwnPropertyNames(error).map((k) => (error as unknown as Record<string, unknown>)[k]),
    ),
  ].join("\n");
}

async function freePortWithNobodyListening(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

describe.each(VENDORS)("$vendor: errors never carry the credential", (vendorCase) => {
  const token = TOKENS[vendorCase.vendor];
  const wrong = WRONG[vendorCase.vendor];

  test("a refused token (401)", async () => {
    use(vendorCase, emulator.emulator.url, wrong);
    const error = await failure(vendorCase.read);
    expect(error.message).toMatch(/HTTP 401/);
    expect(everyRendering(error)).not.toContain(wrong);
  });

  test("a server error (500)", async () => {
    use(vendorCase, emulator.emulator.url, token);
    emulator.emulator.setFaults({ failNext: 1, failNextStatus: 500 });
    const error = await failure(vendorCase.read);
    expect(error.message).toMatch(/HTTP 500/);
    expect(everyRendering(error)).not.toContain(token);
  });

  test("a timeout", async () => {
    use(vendorCase, emulator.emulator.url, token, { RESOURCEGROUPS_REQUEST_TIMEOUT_MS: "100" });
    emulator.emulator.setFaults({ latencyMs: 400 });
    const error = await failure(vendorCase.read);
    expect(error.message).toMatch(/timed out/);
    expect(everyRendering(error)).not.toContain(token);
  });

  test("no server at all", async () => {
    use(vendorCase, `http://127.0.0.1:${await freePortWithNobodyListening()}`, token);
    const error = await failure(vendorCase.read);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(everyRendering(error)).not.toContain(token);
  });
});

describe("a server that echoes the credential", () => {
  test("has it replaced in the message, bare or as a bearer token", () => {
    const redact = redactor(["Bearer abc-123-secret", "key-456"]);
    expect(redact("token abc-123-secret is not valid; nor is key-456")).toBe(
      `token ${REDACTED} is not valid; nor is ${REDACTED}`,
    );
    expect(redact("Authorization: Bearer abc-123-secret")).toBe(`Authorization: ${REDACTED}`);
  });
});

describe.each(VENDORS)("$vendor: plain http:// to another machine", (vendorCase) => {
  const token = TOKENS[vendorCase.vendor];
  const settingsFor = (url: string, extra: Record<string, string> = {}) => ({
    ...vendorCase.env(url, token),
    ...extra,
  });
  const refusal = (env: NodeJS.ProcessEnv) => {
    try {
      vendorCase.resolve(env);
    } catch (error) {
      return error as Error;
    }
    return undefined;
  };

  test("is refused, saying how to allow it, and the message holds no credential", () => {
    const error = refusal(settingsFor("http://api.example.com"));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.message).toMatch(/plain http:\/\/ to api\.example\.com/);
    expect(error?.message).toMatch(/https:\/\//);
    expect(error?.message).toMatch(/resourcegroups:allowInsecureHttp/);
    expect(error?.message).toMatch(/RESOURCEGROUPS_ALLOW_INSECURE_HTTP/);
    expect(error?.message).not.toContain(token);
  });

  test.each([
    "http://127.0.0.1:8787",
    "http://localhost:8787",
    "http://[::1]:8787",
    "https://api.example.com",
  ])("%s is fine", (url) => {
    expect(refusal(settingsFor(url))).toBeUndefined();
  });

  test("is allowed when the user says so", () => {
    expect(
      refusal(settingsFor("http://10.0.0.5", { RESOURCEGROUPS_ALLOW_INSECURE_HTTP: "true" })),
    ).toBeUndefined();
    expect(
      refusal(settingsFor("http://10.0.0.5", { RESOURCEGROUPS_ALLOW_INSECURE_HTTP: "false" })),
    ).toBeInstanceOf(ConfigurationError);
  });

  test("a setting that is neither true nor false is an error", () => {
    const error = refusal(settingsFor("http://10.0.0.5", { RESOURCEGROUPS_ALLOW_INSECURE_HTTP: "maybe" }));
    expect(error?.message).toMatch(/allowInsecureHttp must be true or false \(got 'maybe'/);
  });
});

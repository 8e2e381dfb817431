/**
 * The provider's settings: each key of the stack config namespace `resourcegroups`, the environment
 * variables that stand in for it, its default, whether it is a credential, and what it means. The
 * provider reads them (with its own rules for each value), named connections accept exactly these keys,
 * and the docs and schemas describe them from here. No zod: light code may import it.
 */

export type SettingVendor = "common" | "ces" | "cloudflare" | "strongly" | "zopnight";

export interface SettingContract {
  vendor: SettingVendor;
  /** Environment variables, in the order they are tried (ours first, then a vendor's conventional one). */
  env: readonly string[];
  default?: string;
  /** A credential: set it with `pulumi config set --secret`. */
  secret?: boolean;
  description: string;
}

export const SETTINGS = {
  endpoint: {
    vendor: "ces",
    env: ["RESOURCEGROUPS_ENDPOINT"],
    description: "CES API base URL, e.g. https://ces.cn-north-4.myhuaweicloud.com.",
  },
  projectId: {
    vendor: "ces",
    env: ["RESOURCEGROUPS_PROJECT_ID"],
    description: "CES project (1-64 letters, digits, '-') of resources that name none of their own.",
  },
  token: {
    vendor: "ces",
    env: ["RESOURCEGROUPS_TOKEN"],
    secret: true,
    description: "CES IAM token, sent as X-Auth-Token.",
  },
  backend: {
    vendor: "ces",
    env: ["RESOURCEGROUPS_BACKEND"],
    default: "ces",
    description: "Kept from the first releases, where it chose the vendor; the only value is ces.",
  },
  cloudflareEndpoint: {
    vendor: "cloudflare",
    env: ["RESOURCEGROUPS_CLOUDFLARE_ENDPOINT"],
    default: "https://api.cloudflare.com/client/v4",
    description: "Cloudflare API base URL.",
  },
  cloudflareApiToken: {
    vendor: "cloudflare",
    env: ["RESOURCEGROUPS_CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_TOKEN"],
    secret: true,
    description: "Cloudflare API token with Account Settings Write, sent as Authorization: Bearer.",
  },
  cloudflareAccountId: {
    vendor: "cloudflare",
    env: ["RESOURCEGROUPS_CLOUDFLARE_ACCOUNT_ID", "CLOUDFLARE_ACCOUNT_ID"],
    description: "Cloudflare account (32 lowercase hexadecimal characters) of resources that name none.",
  },
  stronglyEndpoint: {
    vendor: "strongly",
    env: ["RESOURCEGROUPS_STRONGLY_ENDPOINT"],
    description: "Strongly instance URL, e.g. https://acme.strongly.ai.",
  },
  stronglyApiKey: {
    vendor: "strongly",
    env: ["RESOURCEGROUPS_STRONGLY_API_KEY"],
    secret: true,
    description: "Strongly API key with finops:read and finops:write, sent as X-API-Key.",
  },
  zopnightEndpoint: {
    vendor: "zopnight",
    env: ["RESOURCEGROUPS_ZOPNIGHT_ENDPOINT"],
    default: "https://zopnight.com/api",
    description: "ZopNight API base URL.",
  },
  zopnightToken: {
    vendor: "zopnight",
    env: ["RESOURCEGROUPS_ZOPNIGHT_TOKEN"],
    secret: true,
    description: "ZopNight access token, sent as Authorization: Bearer.",
  },
  requestTimeoutMs: {
    vendor: "common",
    env: ["RESOURCEGROUPS_REQUEST_TIMEOUT_MS"],
    default: "30000",
    description: "Timeout of one HTTP request in milliseconds (100-600000), every vendor.",
  },
  maxRetries: {
    vendor: "common",
    env: ["RESOURCEGROUPS_MAX_RETRIES"],
    default: "4",
    description:
      "Retries after a 5xx answer or a lost connection (0-10), every vendor; a 429 gets 5 times as many.",
  },
  allowInsecureHttp: {
    vendor: "common",
    env: ["RESOURCEGROUPS_ALLOW_INSECURE_HTTP"],
    default: "false",
    description: "true lets credentials go over plain http:// to hosts other than this machine.",
  },
  verifyCredentials: {
    vendor: "common",
    env: ["RESOURCEGROUPS_VERIFY_CREDENTIALS"],
    default: "false",
    description:
      "true makes preview prove each credential a program uses with one read call per vendor and connection.",
  },
} as const satisfies Record<string, SettingContract>;

export type SettingKey = keyof typeof SETTINGS;

/** The key of the named connections, and the environment variable that holds them as JSON. */
export const CONNECTIONS_SETTING = {
  key: "connections",
  env: "RESOURCEGROUPS_CONNECTIONS",
  description:
    "Named sets of settings: an object from connection name to the settings (keys above) that differ from the default ones. A resource chooses one with its connection argument.",
} as const;

/** What a connection may be called: it appears in config paths and messages. */
export const CONNECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const CONNECTION_NAME_RULE = "a letter, then up to 63 letters, digits, '_' or '-'";

/** The settings a connection may set: every setting but the ones that apply to the whole run. */
export const CONNECTION_KEYS: readonly SettingKey[] = (Object.keys(SETTINGS) as SettingKey[]).filter(
  (key) => key !== "verifyCredentials",
);

/**
 * For tests of check() that make no call: every vendor's endpoint and credential, and the CES project,
 * set (check() proves what a create will need is there, as a preview does), at an address nothing
 * listens on. The Cloudflare account is left to each test, which may be testing what happens without.
 */
const OFFLINE: Record<string, string> = {
  RESOURCEGROUPS_ENDPOINT: "http://127.0.0.1:9",
  RESOURCEGROUPS_TOKEN: "offline-ces-token",
  RESOURCEGROUPS_PROJECT_ID: "offline-project",
  RESOURCEGROUPS_CLOUDFLARE_ENDPOINT: "http://127.0.0.1:9/client/v4",
  RESOURCEGROUPS_CLOUDFLARE_API_TOKEN: "offline-cloudflare-token",
  RESOURCEGROUPS_STRONGLY_ENDPOINT: "http://127.0.0.1:9",
  RESOURCEGROUPS_STRONGLY_API_KEY: "offline-strongly-key",
  RESOURCEGROUPS_ZOPNIGHT_ENDPOINT: "http://127.0.0.1:9/api",
  RESOURCEGROUPS_ZOPNIGHT_TOKEN: "offline-zopnight-token",
};

/** Registers hooks that set the offline settings for the suite and restore the environment after it. */
export function useOfflineSettings(): void {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [key, value] of Object.entries(OFFLINE)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
  });
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
}

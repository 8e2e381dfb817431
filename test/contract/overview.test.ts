/**
 * The read-only overview: `GET /_emulator/overview` summarises every vendor's groups without a token,
 * outside stats and faults; the page at `/` shows them in a real headless Chromium (Debian's `chromium`,
 * driven by playwright-core), refreshes by itself, and leaves a screenshot in .cache/.
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { Overview } from "../../emulator/core/overview";
import { CLOUDFLARE_ACCOUNT, PROJECT, startTestEmulator, type TestEmulator } from "../support/emulator";

const SCREENSHOT = join(__dirname, "..", "..", ".cache", "emulator-overview.png");
const ZONE = (n: number) => `com.cloudflare.api.account.zone.${String(n).repeat(32).slice(0, 32)}`;

let env: TestEmulator;

/** The quickstart's groups, made through each vendor's API as a program would. */
async function deployQuickstartGroups(): Promise<void> {
  const { emulator } = env;
  // Every set-up call must succeed, so a refused one shows here and not as a missing group later.
  async function call<T>(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<{ body: T }> {
    const answer = await env.call<T>(method, path, body, headers);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(answer)}`);
    return answer;
  }
  const ces = { "X-Auth-Token": emulator.tokens.ces };
  const cesBase = `/v2/${PROJECT}/resource-groups`;
  const web = await call<{ group_id: string }>("POST", cesBase, { group_name: "web-servers" }, ces);
  await call(
    "POST",
    `${cesBase}/${web.body.group_id}/resources/batch-create`,
    {
      resources: [
        { namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "6ea2b9b8-web-1" }] },
        { namespace: "SYS.RDS", dimensions: [{ name: "rds_cluster_id", value: "3f2e1d0c-rds-web" }] },
      ],
    },
    ces,
  );
  await call(
    "POST",
    cesBase,
    { group_name: "production", type: "TAG", tags: [{ key: "env", value: "prod" }] },
    ces,
  );

  await call(
    "POST",
    `/client/v4/accounts/${CLOUDFLARE_ACCOUNT}/iam/resource_groups`,
    {
      name: "storefront-zones",
      scope: {
        key: `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`,
        objects: [1, 2].map((n) => ({ key: ZONE(n) })),
      },
    },
    { Authorization: `Bearer ${emulator.tokens.cloudflare}` },
  );

  const strongly = { "X-API-Key": emulator.tokens.strongly };
  const ml = await call<{ resourceGroupId: string }>(
    "POST",
    "/api/v1/finops/resource-groups",
    { name: "ml-platform", description: "Training and serving" },
    strongly,
  );
  await call(
    "POST",
    `/api/v1/finops/resource-groups/${ml.body.resourceGroupId}/resources`,
    { type: "app", resourceId: "app-inference-api", name: "Inference API" },
    strongly,
  );

  const zop = { Authorization: `Bearer ${emulator.tokens.zopnight}` };
  const orders = await call<{ data: { id: string } }>(
    "POST",
    "/api/resource-groups",
    { name: "orders", description: "database, cache, app servers" },
    zop,
  );
  const group = `/api/resource-groups/${orders.body.data.id}/resources`;
  // Joined app-first, then sequenced: the overview must follow the start order, not the joining order.
  for (const resource of ["res_003", "res_002", "res_001"])
    await call("POST", `${group}/${resource}`, {}, zop);
  const tiers: Record<string, string> = { res_001: "tier-1", res_002: "tier-2", res_003: "tier-3" };
  for (const [resource, tier] of Object.entries(tiers)) {
    await call("PATCH", `${group}/${resource}/sequence`, { executionTier: tier, executionOrder: 1 }, zop);
  }
}

async function overview(): Promise<Overview> {
  const answer = await fetch(`${env.emulator.url}/_emulator/overview`);
  expect(answer.status).toBe(200);
  return (await answer.json()) as Overview;
}

const stats = async () => (await fetch(`${env.emulator.url}/_emulator/stats`)).json();

beforeAll(async () => {
  env = await startTestEmulator();
  await deployQuickstartGroups();
});
afterAll(() => env.stop());

describe("GET /_emulator/overview", () => {
  it("lists every vendor's groups with members, tags and scopes, ZopNight in start order", async () => {
    const { vendors } = await overview();
    const byVendor = Object.fromEntries(vendors.map((v) => [v.vendor, v.groups]));

    expect(vendors.map((v) => v.vendor)).toEqual(["ces", "cloudflare", "strongly", "zopnight"]);
    const web = byVendor.ces?.find((g) => g.name === "web-servers");
    expect(web?.members).toEqual([
      { name: "SYS.ECS", detail: "instance_id=6ea2b9b8-web-1" },
      { name: "SYS.RDS", detail: "rds_cluster_id=3f2e1d0c-rds-web" },
    ]);
    expect(web?.scopes).toContain(`project ${PROJECT}`);
    expect(byVendor.ces?.find((g) => g.name === "production")?.tags).toEqual([{ key: "env", value: "prod" }]);
    const storefront = byVendor.cloudflare?.find((g) => g.name === "storefront-zones");
    expect(storefront?.members.map((m) => m.name)).toEqual([
      `zone ${"1".repeat(32)}`,
      `zone ${"2".repeat(32)}`,
    ]);
    expect(storefront?.scopes).toContain(`account ${CLOUDFLARE_ACCOUNT}`);
    expect(byVendor.strongly?.[0]?.members).toEqual([
      { name: "Inference API", detail: "app app-inference-api" },
    ]);
    expect(byVendor.zopnight?.[0]?.members.map((m) => m.name)).toEqual([
      "orders-postgres",
      "orders-redis",
      "orders-app-1",
    ]);
  });

  it("needs no token, is neither counted nor faulted, and only reads", async () => {
    const before = await stats();
    env.emulator.setFaults({ failNext: 1, failNextStatus: 503 });
    try {
      expect((await fetch(`${env.emulator.url}/_emulator/overview`)).status).toBe(200);
      expect((await fetch(`${env.emulator.url}/`)).status).toBe(200);
      expect(await stats()).toEqual(before);
      // The pending fault is still there for the next API request.
      expect(env.emulator.faults.failNext).toBe(1);
    } finally {
      env.emulator.setFaults({});
    }
    const post = await fetch(`${env.emulator.url}/_emulator/overview`, { method: "POST" });
    expect(post.status).toBe(404);
  });
});

describe("the page at /, in headless Chromium", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 60_000);
  afterAll(() => browser?.close());

  it("shows each vendor's groups and members, picks up new groups by itself, and is screenshotted", async () => {
    await page.goto(`${env.emulator.url}/`);
    const section = (vendor: string) => page.locator(`section[data-vendor="${vendor}"]`);
    const group = (vendor: string, name: string) => section(vendor).locator(`article[data-group="${name}"]`);

    await group("ces", "web-servers").waitFor();
    expect(await group("ces", "web-servers").locator("li.member").allInnerTexts()).toEqual([
      expect.stringContaining("instance_id=6ea2b9b8-web-1"),
      expect.stringContaining("rds_cluster_id=3f2e1d0c-rds-web"),
    ]);
    expect(await group("ces", "production").innerText()).toContain("env=prod");
    expect(await group("cloudflare", "storefront-zones").locator("li.member").count()).toBe(2);
    expect(await group("strongly", "ml-platform").innerText()).toContain("Inference API");
    expect(await group("zopnight", "orders").locator(".member-name").allInnerTexts()).toEqual([
      "orders-postgres",
      "orders-redis",
      "orders-app-1",
    ]);

    // A group made after the page loaded appears without a reload.
    await env.call(
      "POST",
      "/api/resource-groups",
      { name: "analytics", description: "made after the page loaded" },
      { Authorization: `Bearer ${env.emulator.tokens.zopnight}` },
    );
    await group("zopnight", "analytics").waitFor({ timeout: 10_000 });

    mkdirSync(join(SCREENSHOT, ".."), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  }, 60_000);
});

/**
 * Debian's chromium (`apt-get install -y chromium`, as .ci/run does). Missing, the test fails with
 * this message instead of being skipped.
 */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium", "/usr/bin/chromium"];
  const found = candidates.find((path): path is string => path !== undefined && existsSync(path));
  if (!found) {
    throw new Error(
      "No Chromium found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH",
    );
  }
  return found;
}

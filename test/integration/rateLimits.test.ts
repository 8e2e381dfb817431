/**
 * Rate limits: the client comes back no sooner than Retry-After asks (the emulator times every repeat
 * of a request it told to wait), a 429 has a retry budget of its own, and a pause longer than the
 * client will wait ends the call instead of a premature retry.
 */
import { RATE_LIMIT_BUDGET_FACTOR } from "../../provider/core/http/client";
import { RateLimitError } from "../../provider/core/http/errors";
import { resetSettings } from "../../provider/core/settings";
import { cesApi } from "../../provider/vendors/ces/settings";
import { useEmulatorForProvider } from "../support/emulator";

const env = useEmulatorForProvider(resetSettings);
const GROUP = `rg${"A".repeat(22)}`;

afterEach(() => env().emulator.setFaults({}));

test("with half of all answers 429 and Retry-After: 1, every call succeeds and no retry comes early", async () => {
  const { emulator } = env();
  const created = await cesApi().createGroup({
    name: "paced",
    type: "Manual",
    tags: [],
    associationEpIds: [],
    enterpriseProjectId: "0",
  });
  emulator.resetStats();
  emulator.setFaults({ failRate: 0.5, failStatuses: [429], retryAfterSeconds: 1 });
  const reads = await Promise.all(Array.from({ length: 20 }, () => cesApi().getGroup(created.id)));
  expect(reads.map((g) => g?.name)).toEqual(Array(20).fill("paced"));
  const { retryAfter } = emulator.stats();
  expect(retryAfter.answered).toBeGreaterThan(0);
  expect(retryAfter.retries).toBe(retryAfter.answered);
  expect(retryAfter.early).toBe(0);
  expect(retryAfter.minMarginMs).toBeGreaterThanOrEqual(0);
  for (const retry of retryAfter.recent) expect(retry.waitedMs).toBeGreaterThanOrEqual(retry.askedMs);
}, 60_000);

test(`a 429 may be retried ${RATE_LIMIT_BUDGET_FACTOR} times maxRetries, other failures maxRetries times`, async () => {
  const { emulator } = env();
  process.env.RESOURCEGROUPS_MAX_RETRIES = "1";
  resetSettings();
  try {
    emulator.setFaults({ failNext: RATE_LIMIT_BUDGET_FACTOR, failNextStatus: 429, retryAfterSeconds: 0 });
    await expect(cesApi().getGroup(GROUP)).resolves.toBeUndefined();
    emulator.setFaults({ failNext: RATE_LIMIT_BUDGET_FACTOR + 1, failNextStatus: 429, retryAfterSeconds: 0 });
    await expect(cesApi().getGroup(GROUP)).rejects.toBeInstanceOf(RateLimitError);
    emulator.setFaults({ failNext: 2, failNextStatus: 503, retryAfterSeconds: 0 });
    await expect(cesApi().getGroup(GROUP)).rejects.toThrow(/HTTP 503/);
  } finally {
    process.env.RESOURCEGROUPS_MAX_RETRIES = "4";
  }
});

test("a Retry-After longer than the client waits ends the call at once, without an early retry", async () => {
  const { emulator } = env();
  emulator.resetStats();
  emulator.setFaults({ failNext: 1, failNextStatus: 429, retryAfterSeconds: 3600 });
  const started = Date.now();
  await expect(cesApi().getGroup(GROUP)).rejects.toBeInstanceOf(RateLimitError);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(emulator.stats()).toMatchObject({ total: 1, retryAfter: { answered: 1, retries: 0 } });
});

/**
 * A busy API: with half of all requests answered 429 and `Retry-After: 1`, `pulumi up` of 50 groups
 * at the four vendors completes, and the emulator, which times every repeat of a request it told to
 * wait, saw no retry sooner than it asked.
 */
import { TYPES, ofType } from "./support/project";
import { useProject } from "./support/suite";

const TEST_TIMEOUT = 10 * 60 * 1000;
const PER_VENDOR = [13, 13, 12, 12] as const;

const PROGRAM = `import { ces, cloudflare, strongly, zopnight } from "pulumi-resource-groups";

for (let i = 0; i < ${PER_VENDOR[0]}; i++) new ces.ResourceGroup("ces-" + i, { name: "paced-ces-" + i });
for (let i = 0; i < ${PER_VENDOR[1]}; i++) {
  new cloudflare.ResourceGroup("cf-" + i, { name: "paced cf " + i, zones: [(i + 1).toString(16).padStart(32, "0")] });
}
for (let i = 0; i < ${PER_VENDOR[2]}; i++) new strongly.ResourceGroup("st-" + i, { name: "paced-st-" + i });
for (let i = 0; i < ${PER_VENDOR[3]}; i++) new zopnight.ResourceGroup("zn-" + i, { name: "paced-zn-" + i });
`;

const suite = useProject("rate-limits", PROGRAM);

test(
  "an up of 50 groups completes under 50% 429s, never retrying before Retry-After",
  async () => {
    const { env, project } = suite;
    env.emulator.resetStats();
    env.emulator.setFaults({ failRate: 0.5, failStatuses: [429], retryAfterSeconds: 1 });
    await project.up();
    env.emulator.setFaults({});

    const resources = await project.resources();
    expect(
      [TYPES.group, TYPES.cloudflareGroup, TYPES.stronglyGroup, TYPES.zopnightGroup].map(
        (type) => ofType(resources, type).length,
      ),
    ).toEqual([...PER_VENDOR]);
    const { body } = await env.cloudflareApi<{ name: string }[]>("GET", "0123456789abcdef0123456789abcdef");
    expect(body.result.filter((g) => g.name.startsWith("paced cf ")).length).toBe(PER_VENDOR[1]);

    const { retryAfter, injectedFaults, total } = env.emulator.stats();
    // About half of all requests were turned away, and each was sent again, later than asked.
    expect(injectedFaults).toBeGreaterThan(total / 4);
    expect(retryAfter.answered).toBe(injectedFaults);
    expect(retryAfter.retries).toBe(retryAfter.answered);
    expect(retryAfter.early).toBe(0);
    expect(retryAfter.minMarginMs).toBeGreaterThanOrEqual(0);
  },
  TEST_TIMEOUT,
);

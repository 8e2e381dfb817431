/**
 * Two stacks running `pulumi up` at the same time against one shared group at each vendor where
 * resources of several stacks write to the same object: CES TagRules on one TAG group, Cloudflare zone
 * members on one group. Both groups were made outside Pulumi. The APIs have no conditional update and
 * each stack's provider runs in its own process, so nothing but the provider's re-reads keeps one
 * stack's write from undoing the other's. After every round the groups hold exactly what both stacks
 * declare (and what they held before); destroying one stack then removes only its own.
 */
import { CLOUDFLARE_ACCOUNT, type CloudflareWireGroup } from "../support/emulator";
import { getGroup, startE2eEmulator, type TestEmulator } from "./support/emulator";
import { tagList } from "./support/expect";
import { PulumiProject } from "./support/project";

const HOOK_TIMEOUT = 30 * 60 * 1000;
const TEST_TIMEOUT = 10 * 60 * 1000;
const ZONE_PREFIX = "com.cloudflare.api.account.zone.";
const ACCOUNT_KEY = `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`;
const BASE_TAG = "shared=yes";
const BASE_ZONE = "f".repeat(32);

/** What one stack declares in one round: its rules (key -> value) and its zones. */
interface Round {
  rules: Record<number, string>;
  zones: number[];
}

/** Three rounds: creates; value updates plus additions; removals plus updates. CES allows 10 tags. */
const ROUNDS: Round[] = [
  { rules: { 0: "1", 1: "1", 2: "1" }, zones: [0, 1, 2, 3] },
  { rules: { 0: "2", 1: "2", 2: "2", 3: "2" }, zones: [2, 3, 4, 5, 6, 7] },
  { rules: { 1: "3", 2: "3", 3: "3" }, zones: [0, 5, 6, 7, 8] },
];

const STACKS = ["a", "b"] as const;
type Stack = (typeof STACKS)[number];

const zoneOf = (stack: Stack, n: number) => `${stack === "a" ? "a" : "b"}${n.toString(16).padStart(31, "0")}`;

function programOf(stack: Stack, round: Round, cesGroup: string, cloudflareGroup: string): string {
  const rules = Object.entries(round.rules).map(
    ([i, value]) =>
      `new ces.TagRule("rule-${i}", { groupId: "${cesGroup}", key: "${stack}-${i}", value: "${value}" });`,
  );
  const zones = round.zones.map(
    (n) =>
      `new cloudflare.GroupMember("zone-${n}", { groupId: "${cloudflareGroup}", zoneId: "${zoneOf(stack, n)}" });`,
  );
  return `import { ces, cloudflare } from "pulumi-resource-groups";\n\n${[...rules, ...zones].join("\n")}\n`;
}

/** What the shared groups should hold when these rounds are deployed (undefined: the stack is gone). */
function expected(rounds: Record<Stack, Round | undefined>) {
  const tags = [BASE_TAG];
  const zones = [BASE_ZONE];
  for (const stack of STACKS) {
    const round = rounds[stack];
    if (!round) continue;
    tags.push(...Object.entries(round.rules).map(([i, value]) => `${stack}-${i}=${value}`));
    zones.push(...round.zones.map((n) => zoneOf(stack, n)));
  }
  return { tags: tags.sort(), zones: zones.sort() };
}

let env: TestEmulator;
let cesGroup: string;
let cloudflareGroup: string;
const projects = {} as Record<Stack, PulumiProject>;

async function held() {
  const { body } = await env.cloudflareApi<CloudflareWireGroup>(
    "GET",
    CLOUDFLARE_ACCOUNT,
    `/${cloudflareGroup}`,
  );
  const zones = (body.result.scope[0]?.objects ?? []).map((o) => o.key.replace(ZONE_PREFIX, "")).sort();
  return { tags: tagList(await getGroup(env, cesGroup)), zones };
}

beforeAll(async () => {
  env = await startE2eEmulator();
  const ces = await env.api<{ group_id: string }>("POST", "", {
    group_name: "shared-by-stacks",
    type: "TAG",
    tags: [{ key: "shared", value: "yes" }],
  });
  cesGroup = ces.body.group_id;
  const cloudflare = await env.cloudflareApi<{ id: string }>("POST", CLOUDFLARE_ACCOUNT, "", {
    name: "shared by stacks",
    scope: { key: ACCOUNT_KEY, objects: [{ key: ZONE_PREFIX + BASE_ZONE }] },
  });
  cloudflareGroup = cloudflare.body.result.id;
  for (const stack of STACKS) {
    projects[stack] = await PulumiProject.create(
      `concurrent-${stack}`,
      programOf(stack, ROUNDS[0] as Round, cesGroup, cloudflareGroup),
      env.emulator,
    );
  }
}, HOOK_TIMEOUT);
afterAll(async () => {
  for (const stack of STACKS) await projects[stack]?.dispose();
  await env?.stop();
}, HOOK_TIMEOUT);

describe("two stacks writing to one shared group at the same time", () => {
  it.each(ROUNDS.map((round, i) => ({ round, n: i + 1 })))(
    "round $n: both ups succeed and the groups hold what both stacks declare",
    async ({ round }) => {
      for (const stack of STACKS)
        projects[stack].writeProgram(programOf(stack, round, cesGroup, cloudflareGroup));
      await Promise.all(STACKS.map((stack) => projects[stack].up()));
      expect(await held()).toEqual(expected({ a: round, b: round }));
    },
    TEST_TIMEOUT,
  );

  it(
    "destroying one stack removes only its own rules and zones",
    async () => {
      await projects.a.ok(["destroy", "--yes", "--skip-preview"]);
      expect(await held()).toEqual(expected({ a: undefined, b: ROUNDS[ROUNDS.length - 1] }));
    },
    TEST_TIMEOUT,
  );
});

/**
 * Scale: one `pulumi up` of 50 Manual groups with 4 members each (250 resources) at the engine's
 * default parallelism, first against a healthy emulator, then against one failing and dropping a
 * share of its requests. Both must converge to exactly the declared groups and members.
 */
import { listGroups, listMembers, type TestEmulator } from "./support/emulator";
import { scaleGroupName, scaleInstanceId, scaleProgram } from "./support/programs";
import { TYPES, ofType, type StateResource } from "./support/project";
import { useProject, type ProjectSuite } from "./support/suite";

const GROUPS = 50;
const MEMBERS = 4;
const TEST_TIMEOUT = 10 * 60 * 1000;

/**
 * Retry budget of the faulty run. A write attempt fails 36% of the time here (20% injected errors,
 * plus 20% of the remaining 80% dropped after commit), so with the default 4 retries one write in
 * 0.36^5 = 1/166 exhausts them and a 250-write up almost always fails (2 runs of 3 did). With 10,
 * the most the provider allows, a write fails with 0.36^11 = 1.3e-5, an up with about 0.3%.
 */
const MAX_RETRIES = 10;

const FAULTS = { failRate: 0.2, failStatuses: [500, 503, 429], dropRate: 0.2, retryAfterSeconds: 1 };

/** The emulator holds exactly the declared groups, each with exactly its declared members, as the state says. */
async function expectConverged(env: TestEmulator, resources: StateResource[]): Promise<void> {
  const groups = ofType(resources, TYPES.group);
  const members = ofType(resources, TYPES.member);
  expect(groups).toHaveLength(GROUPS);
  expect(members).toHaveLength(GROUPS * MEMBERS);

  const listed = await listGroups(env);
  expect(listed.count).toBe(GROUPS);
  expect(listed.groups.map((g) => g.group_name).sort()).toEqual(
    Array.from({ length: GROUPS }, (_, g) => scaleGroupName(g)).sort(),
  );
  // Every group the state knows is the one the emulator holds under that name: nothing orphaned.
  const stateIdByName = new Map(groups.map((g) => [g.outputs?.name, g.id]));
  for (const g of listed.groups) expect(stateIdByName.get(g.group_name)).toBe(g.group_id);

  for (let g = 0; g < GROUPS; g++) {
    const found = listed.groups.find((x) => x.group_name === scaleGroupName(g));
    const { count, members: listedMembers } = await listMembers(env, found?.group_id ?? "");
    expect({ group: g, count }).toEqual({ group: g, count: MEMBERS });
    const listedIds = listedMembers.flatMap((m) => m.dimensions.map((d) => `${d.name}=${d.value}`));
    expect(listedIds.sort()).toEqual(
      Array.from({ length: MEMBERS }, (_, m) => `instance_id=${scaleInstanceId(g, m)}`).sort(),
    );
  }
}

/** Runs `action` with FAULTS set, clearing them afterwards even when it fails. */
async function underFaults<T>(env: TestEmulator, action: () => Promise<T>) {
  env.emulator.resetStats();
  env.emulator.setFaults(FAULTS);
  try {
    const result = await action();
    return { result, stats: env.emulator.stats() };
  } finally {
    env.emulator.setFaults({});
  }
}

/** After an up, a preview of the same program changes nothing and writes nothing. */
function itPreviewsNoChange(title: string, suite: ProjectSuite): void {
  it(
    title,
    async () => {
      const { env, project } = suite;
      env.emulator.resetStats();
      await project.ok(["preview", "--expect-no-changes"]);
      expect(env.emulator.stats().writes).toBe(0);
    },
    TEST_TIMEOUT,
  );
}

describe("50 groups x 4 members in one up", () => {
  const suite = useProject("scale", scaleProgram(GROUPS, MEMBERS));

  it(
    "converges, and the state holds every resource",
    async () => {
      const { env, project } = suite;
      const up = await project.up();
      expect(up.output).toMatch(/\+ 251 created/);
      console.log(`scale: up of ${GROUPS * (MEMBERS + 1)} resources took ${up.durationMs} ms`);
      await expectConverged(env, await project.resources());
    },
    TEST_TIMEOUT,
  );

  itPreviewsNoChange("then a preview shows no change", suite);

  it(
    "and one destroy removes everything",
    async () => {
      const { env, project } = suite;
      const destroy = await project.ok(["destroy", "--yes", "--skip-preview"]);
      expect(destroy.output).toMatch(/- 251 deleted/);
      expect(await listGroups(env)).toEqual({ count: 0, groups: [] });
    },
    TEST_TIMEOUT,
  );
});

describe("the same up with 20% of requests failing and 20% of writes dropped after commit", () => {
  const suite = useProject("scale-faults", scaleProgram(GROUPS, MEMBERS), {
    "resourcegroups:maxRetries": String(MAX_RETRIES),
  });

  it(
    "converges with no duplicate group or member",
    async () => {
      const { env, project } = suite;
      const { result: up, stats } = await underFaults(env, () => project.up());
      console.log(
        `scale-faults: up took ${up.durationMs} ms; ${stats.total} requests, ${stats.injectedFaults} failed, ${stats.dropped} dropped`,
      );
      expect(stats.injectedFaults).toBeGreaterThan(0);
      expect(stats.dropped).toBeGreaterThan(0);
      await expectConverged(env, await project.resources());
    },
    TEST_TIMEOUT,
  );

  itPreviewsNoChange("then, faults cleared, a preview shows no change", suite);

  it(
    "and a destroy under the same faults leaves the emulator empty",
    async () => {
      const { env, project } = suite;
      const { result: destroy, stats } = await underFaults(env, () =>
        project.ok(["destroy", "--yes", "--skip-preview"]),
      );
      console.log(
        `scale-faults: destroy took ${destroy.durationMs} ms; ${stats.total} requests, ${stats.injectedFaults} failed, ${stats.dropped} dropped`,
      );
      expect(destroy.output).toMatch(/- 251 deleted/);
      expect(await listGroups(env)).toEqual({ count: 0, groups: [] });
      expect(ofType(await project.resources(), TYPES.group)).toHaveLength(0);
    },
    TEST_TIMEOUT,
  );
});

/**
 * Every resource class registers with seven-frame stack traces (the SDK's trace on each promise it
 * makes is what made constructing resources slow in TypeScript programs: bench/README.md, "Stack
 * traces while registering"), enough for the SDK's errors to name the program's line, and leaves
 * `Error.stackTraceLimit` as it found it, also when the construction fails; a lower limit the program
 * set stays, and with PULUMI_DEBUG_PROMISE_LEAKS set the traces stay whole. Each case constructs the built classes in
 * a fresh Node process, outside a Pulumi run: the registration cannot finish there, so the process
 * exits once it has written its answer (and the SDK reports the unfinished promises on its way out).
 * The limit is read from a transformation, which the SDK runs inside the constructor.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const REPO = join(__dirname, "..", "..");
const PRIOR = 23;

/**
 * Runs `script` after setting the limit to PRIOR and defining `limitWhileRegistering(Class)`: the
 * `answer` it sets, and what the process wrote to stderr.
 */
function inFreshProcess(script: string, env: NodeJS.ProcessEnv = {}): { answer: unknown; stderr: string } {
  const child = spawnSync(
    process.execPath,
    [
      "-e",
      `const groups = require("pulumi-resource-groups");
       const pulumi = require("@pulumi/pulumi");
       Error.stackTraceLimit = ${PRIOR};
       const ARGS = { name: "g", groupId: "rg-unit" };
       function limitWhileRegistering(Class) {
         let seen;
         new Class("unit", ARGS, { transformations: [() => { seen = Error.stackTraceLimit; return undefined; }] });
         return seen;
       }
       let answer;
       ${script}
       process.stdout.write(JSON.stringify(answer));
       process.exit(0);`,
    ],
    { cwd: REPO, encoding: "utf8", env: { ...process.env, PULUMI_DEBUG_PROMISE_LEAKS: "", ...env } },
  );
  if (!child.stdout) throw new Error(`no answer: ${child.stderr}`);
  return { answer: JSON.parse(child.stdout) as unknown, stderr: child.stderr };
}

it("every resource class of the four vendors registers with seven-frame traces and restores the limit", () => {
  const { answer } = inFreshProcess(`
    answer = {};
    for (const vendor of ["ces", "cloudflare", "strongly", "zopnight"]) {
      for (const [name, Class] of Object.entries(groups[vendor])) {
        if (typeof Class !== "function" || !(Class.prototype instanceof pulumi.dynamic.Resource)) continue;
        answer[vendor + "." + name] = [limitWhileRegistering(Class), Error.stackTraceLimit];
      }
    }`);
  const classes = [
    ...["GroupMember", "GroupMembers", "ResourceGroup", "TagRule"].map((c) => `ces.${c}`),
    ...["cloudflare", "strongly", "zopnight"].flatMap((vendor) =>
      ["GroupMember", "GroupMembers", "ResourceGroup"].map((c) => `${vendor}.${c}`),
    ),
  ];
  expect(answer).toEqual(Object.fromEntries(classes.map((c) => [c, [7, PRIOR]])));
});

/** What a construction inside the program's function `programLine` threw, and the limit afterwards. */
interface Thrown {
  message: string;
  stack: string[];
  limit: number;
}

function thrownBy(construction: string): Thrown {
  const { answer } = inFreshProcess(`
    function programLine() { ${construction} }
    try {
      programLine();
    } catch (error) {
      answer = { message: error.message, stack: error.stack.split("\\n"), limit: Error.stackTraceLimit };
    }`);
  return answer as Thrown;
}

it("a transformation that throws: the limit is restored, and the trace reaches the program's line", () => {
  const thrown = thrownBy(
    `new groups.ces.ResourceGroup("unit", ARGS, { transformations: [() => { throw new Error("transformation failed"); }] });`,
  );
  expect(thrown.message).toBe("transformation failed");
  expect(thrown.stack).toHaveLength(1 + 7);
  expect(thrown.stack.filter((line) => line.includes("at programLine"))).toHaveLength(1);
  expect(thrown.limit).toBe(PRIOR);
});

it("an error of the SDK's own (a resource without a name) names the program's line too", () => {
  const thrown = thrownBy(`new groups.ces.GroupMember("", ARGS);`);
  expect(thrown.message).toBe("Missing resource name argument (for URN creation)");
  expect(thrown.stack.filter((line) => line.includes("at programLine"))).toHaveLength(1);
  expect(thrown.limit).toBe(PRIOR);
});

it("a lower limit the program set stays in force while registering", () => {
  const { answer } = inFreshProcess(
    `Error.stackTraceLimit = 3; answer = [limitWhileRegistering(groups.ces.ResourceGroup), Error.stackTraceLimit];`,
  );
  expect(answer).toEqual([3, 3]);
});

it("with PULUMI_DEBUG_PROMISE_LEAKS set, the leak report's traces stay whole", () => {
  const { answer, stderr } = inFreshProcess(
    `answer = [limitWhileRegistering(groups.ces.GroupMember), Error.stackTraceLimit];`,
    { PULUMI_DEBUG_PROMISE_LEAKS: "1" },
  );
  expect(answer).toEqual([PRIOR, PRIOR]);
  // The registration's own promise, as the report prints it: every frame from the SDK to the caller.
  const report = stderr.split("Promise leak detected:").find((leak) => leak.includes("resource:unit["));
  expect(report).toContain("at new GroupMember");
  expect(report).toContain("at limitWhileRegistering");
});

/**
 * Every resource class registers with one-frame stack traces (the SDK's trace on each promise it makes
 * is what made constructing resources slow in TypeScript programs: bench/README.md, "Stack traces while
 * registering") and leaves `Error.stackTraceLimit` as it found it, also when the construction fails;
 * with PULUMI_DEBUG_PROMISE_LEAKS set the traces stay whole. Each case constructs the built classes in
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

it("every resource class of the four vendors registers with one-frame traces and restores the limit", () => {
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
  expect(answer).toEqual(Object.fromEntries(classes.map((c) => [c, [1, PRIOR]])));
});

it("a failed registration restores the limit, and its error keeps the line it was thrown from", () => {
  const { answer } = inFreshProcess(`
    try {
      new groups.ces.ResourceGroup("unit", ARGS, {
        transformations: [() => { throw new Error("transformation failed"); }],
      });
    } catch (error) {
      answer = { message: error.message, stack: error.stack.split("\\n"), limit: Error.stackTraceLimit };
    }`) as { answer: { message: string; stack: string[]; limit: number } };
  expect(answer.message).toBe("transformation failed");
  expect(answer.stack).toHaveLength(2);
  expect(answer.stack[1]).toMatch(/^\s+at .*\[eval\]/);
  expect(answer.limit).toBe(PRIOR);
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

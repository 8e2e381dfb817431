/**
 * A misspelt argument in a program without type checking (JavaScript, or TypeScript run transpile-only)
 * is refused by preview, naming it and the arguments the resource takes, and nothing is written.
 */
import { useProject } from "./support/suite";

const TEST_TIMEOUT = 5 * 60 * 1000;

const TAGGED = `import { ces } from "pulumi-resource-groups";

const tagged: any = { name: "typo-tagged", type: "TAG", tags: [{ key: "env", value: "prod" }], tag: [{ key: "owner" }] };
new ces.ResourceGroup("tagged", tagged);
`;

const COSTS = `import { strongly } from "pulumi-resource-groups";

const costs: any = { name: "typo-costs", desc: "ML platform" };
new strongly.ResourceGroup("costs", costs);
`;

const suite = useProject("unknown-arguments", TAGGED);

test(
  "preview refuses 'tag' and 'desc' with the allowed names, and writes nothing",
  async () => {
    const { env, project } = suite;
    env.emulator.resetStats();
    const tagged = await project.fails(["preview"]);
    expect(tagged.output).toMatch(
      /resource 'tagged': property tag value .* has a problem: tag: unknown argument \(did you mean 'tags'\?\); allowed: name, type, tags, associationEpIds, enterpriseProjectId, adopt, projectId/,
    );
    project.writeProgram(COSTS);
    const costs = await project.fails(["preview"]);
    expect(costs.output).toMatch(
      /resource 'costs': property desc value .* has a problem: desc: unknown argument; allowed: name, description, adopt/,
    );
    expect(env.emulator.stats().writes).toBe(0);
  },
  TEST_TIMEOUT,
);

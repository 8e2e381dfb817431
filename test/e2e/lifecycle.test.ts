import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { PulumiProject } from "./support/project";

let env: TestEmulator;
let project: PulumiProject;

const program = (name: string, type = "TAG") => `
import { ResourceGroup, TagRule, GroupMember } from "pulumi-resource-groups";
const tagged = new ResourceGroup("tagged", { name: "${name}", type: "${type}"${type === "TAG" ? ', tags: [{ key: "env", value: "prod" }]' : ""} });
${type === "TAG" ? 'new TagRule("owner", { groupId: tagged.groupId, key: "owner", value: "platform" });' : ""}
const manual = new ResourceGroup("manual", { name: "e2e-manual" });
new GroupMember("member", { groupId: manual.groupId, namespace: "SYS.ECS", dimensions: [{ name: "instance_id", value: "i-1" }] });
export const taggedId = tagged.groupId;
`;

beforeAll(
  async () => {
    env = await startTestEmulator();
    project = await PulumiProject.create("lifecycle", program("e2e-tagged"), env.emulator);
  },
  30 * 60 * 1000,
);
afterAll(async () => {
  await project?.dispose();
  await env?.stop();
});

describe("pulumi lifecycle against the emulator", () => {
  it("preview plans everything and writes nothing", async () => {
    env.emulator.resetStats();
    const preview = await project.ok(["preview"]);
    expect(preview.output).toMatch(/\+ 5 to create/);
    expect(env.emulator.stats().writes).toBe(0);
  });

  it("up creates everything, and a second up changes nothing", async () => {
    await project.up();
    const types = (await project.resources()).map((r) => r.type);
    expect(types.filter((t) => t === "pulumi-nodejs:dynamic/resourcegroups:ResourceGroup")).toHaveLength(2);
    expect(types).toContain("pulumi-nodejs:dynamic/resourcegroups:TagRule");
    expect(types).toContain("pulumi-nodejs:dynamic/resourcegroups:GroupMember");
    await project.ok(["up", "--yes", "--expect-no-changes"]);
  });
});

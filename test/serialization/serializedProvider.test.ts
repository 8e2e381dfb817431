import { execFile } from "node:child_process";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { forwardingProvider } from "../../provider/core/forwardingProvider";
import type { HandlerKind } from "../../provider/runtime";
import { PROJECT, startTestEmulator, type TestEmulator } from "../support/emulator";

const SECRET = "s3cret-token-that-must-not-leak";
const REPO = join(__dirname, "..", "..");
let env: TestEmulator;

beforeAll(async () => {
  env = await startTestEmulator();
  // The credential is everywhere a careless provider could pick it up from.
  process.env.RESOURCEGROUPS_TOKEN = SECRET;
});
afterAll(async () => {
  delete process.env.RESOURCEGROUPS_TOKEN;
  await env.stop();
});

/** Serializes a provider exactly as pulumi.dynamic.Resource does for `__provider`. */
async function serialize(kind: HandlerKind): Promise<string> {
  const provider = forwardingProvider(kind);
  const closure = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return closure.text;
}

function runInFreshProcess(text: string, config: Record<string, string>, inputs: object) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, "loadSerialized.js")],
      { cwd: REPO, env: { PATH: process.env.PATH ?? "" } },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${error.message}\n${stderr}`))
          : resolve(JSON.parse(stdout) as Record<string, unknown>),
    );
    child.stdin?.end(JSON.stringify({ text, config, inputs }));
  });
}

describe("serialized providers", () => {
  const kinds: HandlerKind[] = ["resourceGroup", "groupMember", "tagRule"];

  it.each(kinds)("%s: holds no credential and stays small", async (kind) => {
    const text = await serialize(kind);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(env.emulator.token);
    expect(text).toContain('require("pulumi-resource-groups/runtime")');
    expect(text.length).toBeLessThan(4096);
  });

  it("loads in a fresh Node process and creates against the emulator", async () => {
    const config = {
      "resourcegroups:endpoint": env.emulator.url,
      "resourcegroups:projectId": PROJECT,
      "resourcegroups:token": env.emulator.token,
    };
    const group = await runInFreshProcess(await serialize("resourceGroup"), config, {
      name: "serialized",
      type: "Manual",
    });
    expect(group.id).toMatch(/^rg[A-Za-z0-9]{22}$/);
    const member = await runInFreshProcess(await serialize("groupMember"), config, {
      groupId: group.id,
      namespace: "SYS.ECS",
      dimensions: [{ name: "instance_id", value: "i-1" }],
    });
    expect(member.id).toBe(`${String(group.id)}/SYS.ECS:instance_id=i-1`);
    const shown = await env.api<{ group_name: string }>("GET", `/${String(group.id)}`);
    expect(shown.body.group_name).toBe("serialized");
  });
});

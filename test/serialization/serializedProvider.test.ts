import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { forwardingProvider } from "../../provider/runtime/forwardingProvider";
import { handlers, type HandlerKind } from "../../provider/runtime";
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

function runInFreshProcess(text: string, config: Record<string, string>, inputs: object, cwd = REPO) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, "loadSerialized.js")],
      { cwd, env: { PATH: process.env.PATH ?? "" } },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${error.message}\n${stderr}`))
          : resolve(JSON.parse(stdout) as Record<string, unknown>),
    );
    child.stdin?.end(JSON.stringify({ text, config, inputs }));
  });
}

/**
 * A project with the package installed as npm installs it: copies of the Pulumi SDK and of this
 * package's published files side by side in its node_modules (their own dependencies resolve from
 * the repository's). The repository reaches itself through a symlink, whose real path lies outside
 * any node_modules: there the SDK serializes a provider by value, as it does for `npm link`.
 */
function installedProject(): string {
  const built = join(REPO, "provider", "dist", "runtime", "providers", "groupMember.js");
  if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build first`);
  const dir = join(REPO, ".cache", `serialization-${randomBytes(4).toString("hex")}`);
  const modules = join(dir, "node_modules");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), '{"name":"user","private":true}');
  cpSync(join(REPO, "node_modules", "@pulumi", "pulumi"), join(modules, "@pulumi", "pulumi"), {
    recursive: true,
  });
  const ours = join(modules, "pulumi-resource-groups");
  cpSync(join(REPO, "provider", "package.json"), join(ours, "package.json"));
  cpSync(join(REPO, "provider", "dist"), join(ours, "dist"), { recursive: true });
  return dir;
}

/** What the SDK stores for each kind in the installed project: a resource's own `__provider`. */
function serializeInstalled(dir: string, kinds: HandlerKind[]): Record<string, string> {
  const script = `
    const pulumi = require("@pulumi/pulumi");
    (async () => {
      const out = {};
      for (const kind of ${JSON.stringify(kinds)}) {
        const provider = require("pulumi-resource-groups/runtime/" + kind);
        out[kind] = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const out = execFileSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" });
  return JSON.parse(out) as Record<string, string>;
}

describe("serialized providers", () => {
  const kinds: HandlerKind[] = ["resourceGroup", "groupMember", "tagRule"];

  describe("as a user's install stores them", () => {
    // Every kind the runtime serves, so a new kind without its lean provider module fails here.
    const all = Object.keys(handlers) as HandlerKind[];
    let dir: string;
    let texts: Record<string, string>;
    beforeAll(() => {
      dir = installedProject();
      texts = serializeInstalled(dir, all);
    }, 60_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(all)("%s: one require of its runtime module, at most 600 bytes", (kind) => {
      const text = texts[kind] ?? "";
      expect(text).toContain(`require("pulumi-resource-groups/runtime/${kind}")`);
      expect(text).not.toContain(SECRET);
      expect(text.length).toBeLessThanOrEqual(600);
    });

    it("loads in a fresh Node process and creates against the emulator", async () => {
      const config = {
        "resourcegroups:endpoint": env.emulator.url,
        "resourcegroups:projectId": PROJECT,
        "resourcegroups:token": env.emulator.token,
      };
      const inputs = { name: "installed", type: "Manual" };
      const group = await runInFreshProcess(texts.resourceGroup ?? "", config, inputs, dir);
      expect(group.id).toMatch(/^rg[A-Za-z0-9]{22}$/);
    });
  });

  it.each(kinds)("%s: by value (a linked package) holds no credential and stays small", async (kind) => {
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

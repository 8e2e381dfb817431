/**
 * A throwaway Pulumi project driven through the real CLI: its own folder under .cache/e2e (so the
 * program resolves this package and @pulumi/pulumi from the repository's node_modules), its own file
 * backend, and a stack configured for an emulator.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunningEmulator } from "../../../emulator";
import { PROJECT } from "../../support/emulator";
import { REPO, pulumiEnv } from "./pulumiEnv";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for assertions on what a user sees. */
  output: string;
}

export const STACK = "e2e";

export class PulumiProject {
  readonly dir: string;
  private readonly env: NodeJS.ProcessEnv;

  private constructor(
    readonly name: string,
    private readonly emulator: RunningEmulator,
  ) {
    this.dir = join(REPO, ".cache", "e2e", `${name}-${randomBytes(4).toString("hex")}`);
    mkdirSync(this.dir, { recursive: true });
    this.env = {
      ...pulumiEnv(),
      PULUMI_BACKEND_URL: `file://${join(this.dir, ".state")}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      // Settings come from stack config only, so tests see what a user's stack would.
      RESOURCEGROUPS_ENDPOINT: "",
      RESOURCEGROUPS_PROJECT_ID: "",
      RESOURCEGROUPS_TOKEN: "",
    };
    mkdirSync(join(this.dir, ".state"), { recursive: true });
  }

  /** Creates the project, writes its program and initializes a stack pointed at the emulator. */
  static async create(
    name: string,
    program: string,
    emulator: RunningEmulator,
    config: Record<string, string> = {},
  ): Promise<PulumiProject> {
    const project = new PulumiProject(name, emulator);
    writeFileSync(
      join(project.dir, "Pulumi.yaml"),
      `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
    );
    // Its own package.json, so the program is index.ts and not the repository's package main.
    writeFileSync(join(project.dir, "package.json"), JSON.stringify({ name, private: true }));
    project.writeProgram(program);
    await project.ok(["stack", "init", STACK]);
    await project.ok(["config", "set", "resourcegroups:endpoint", emulator.url]);
    await project.ok(["config", "set", "resourcegroups:projectId", PROJECT]);
    await project.ok(["config", "set", "--secret", "resourcegroups:token", emulator.token]);
    for (const [key, value] of Object.entries(config)) await project.ok(["config", "set", key, value]);
    return project;
  }

  writeProgram(program: string): void {
    writeFileSync(join(this.dir, "index.ts"), program);
  }

  /** Runs `pulumi <args>` in the project; never throws on a non-zero exit. */
  run(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
      const child = spawn("pulumi", [...args, "--non-interactive"], {
        cwd: this.dir,
        env: { ...this.env, ...extraEnv },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        output += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        output += chunk.toString();
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, output }));
    });
  }

  /** Runs `pulumi <args>` and fails with its whole output when it exits non-zero. */
  async ok(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
    const result = await this.run(args, extraEnv);
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.output}`);
    }
    return result;
  }

  up(extra: string[] = []): Promise<CommandResult> {
    return this.ok(["up", "--yes", "--skip-preview", ...extra]);
  }

  /** Resources in the stack's state, from `pulumi stack export`. */
  async resources(): Promise<
    { type: string; urn: string; id?: string; outputs?: Record<string, unknown> }[]
  > {
    const exported = await this.ok(["stack", "export"]);
    const deployment = JSON.parse(exported.stdout) as {
      deployment: {
        resources?: { type: string; urn: string; id?: string; outputs?: Record<string, unknown> }[];
      };
    };
    return deployment.deployment.resources ?? [];
  }

  /** Destroys the stack's resources, removes the stack and deletes the folder. */
  async dispose(): Promise<void> {
    await this.run(["destroy", "--yes", "--skip-preview"]);
    await this.run(["stack", "rm", "--yes", "--force"]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

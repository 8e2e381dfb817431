/**
 * A throwaway Pulumi project driven through the real CLI: its own folder under .cache/e2e (so the
 * program resolves this package and @pulumi/pulumi from the repository's node_modules), its own file
 * backend, and a stack configured for an emulator.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunningEmulator } from "../../../emulator";
import { CLOUDFLARE_ACCOUNT, PROJECT } from "../../support/emulator";
import { REPO, pulumiEnv } from "./pulumiEnv";

export interface CommandResult {
  /** The arguments given to `pulumi`, for messages and transcripts. */
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for assertions on what a user sees. */
  output: string;
  durationMs: number;
}

/** One resource of `pulumi stack export`. */
export interface StateResource {
  type: string;
  urn: string;
  id?: string;
  provider?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface ProjectOptions {
  /**
   * Type-check the program before running it (Pulumi's default). Off unless asked: checking the
   * generated programs costs about 5 s per command, and only one test needs to show that a user's
   * TypeScript program compiles against the package's types.
   */
  typeCheck?: boolean;
  /**
   * The folder to make the project in; default `.cache/e2e` of the repository, whose node_modules the
   * program then resolves. A folder outside the repository sees only what is installed into it.
   */
  parentDir?: string;
}

/** What a project needs of an emulator: where it listens and each dialect's token. */
export type EmulatorAddress = Pick<RunningEmulator, "url" | "tokens"> &
  Partial<Pick<RunningEmulator, "setFaults">>;

export const STACK = "e2e";

export const TYPES = {
  group: "pulumi-nodejs:dynamic/resourcegroups:ResourceGroup",
  member: "pulumi-nodejs:dynamic/resourcegroups:GroupMember",
  tagRule: "pulumi-nodejs:dynamic/resourcegroups:TagRule",
  cloudflareGroup: "pulumi-nodejs:dynamic/resourcegroups/cloudflare:ResourceGroup",
  cloudflareMember: "pulumi-nodejs:dynamic/resourcegroups/cloudflare:GroupMember",
  stronglyGroup: "pulumi-nodejs:dynamic/resourcegroups/strongly:ResourceGroup",
  stronglyMember: "pulumi-nodejs:dynamic/resourcegroups/strongly:GroupMember",
  zopnightGroup: "pulumi-nodejs:dynamic/resourcegroups/zopnight:ResourceGroup",
  zopnightMember: "pulumi-nodejs:dynamic/resourcegroups/zopnight:GroupMember",
} as const;

export class PulumiProject {
  readonly dir: string;
  /** Every command this project ran, in order, with its whole output. */
  readonly transcript: CommandResult[] = [];
  /** The environment every command of the project runs in (its backend, passphrase, CLI). */
  readonly env: NodeJS.ProcessEnv;

  private constructor(
    readonly name: string,
    private readonly emulator: EmulatorAddress,
    options: ProjectOptions,
  ) {
    const parent = options.parentDir ?? join(REPO, ".cache", "e2e");
    this.dir = join(parent, `${name}-${randomBytes(4).toString("hex")}`);
    mkdirSync(this.dir, { recursive: true });
    // Settings come from stack config only, so tests see what a user's stack would: no
    // RESOURCEGROUPS_* variable of the test process reaches the provider.
    const inherited = Object.entries(pulumiEnv()).filter(([key]) => !key.startsWith("RESOURCEGROUPS_"));
    this.env = {
      ...Object.fromEntries(inherited),
      PULUMI_BACKEND_URL: `file://${join(this.dir, ".state")}`,
      PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
      PULUMI_NODEJS_TRANSPILE_ONLY: options.typeCheck ? "false" : "true",
    };
    mkdirSync(join(this.dir, ".state"), { recursive: true });
  }

  /** Creates the project, writes its program and initializes a stack pointed at the emulator. */
  static async create(
    name: string,
    program: string,
    emulator: EmulatorAddress,
    config: Record<string, string> = {},
    options: ProjectOptions = {},
  ): Promise<PulumiProject> {
    const project = new PulumiProject(name, emulator, options);
    writeFileSync(
      join(project.dir, "Pulumi.yaml"),
      `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
    );
    // Its own package.json, so the program is index.ts and not the repository's package main.
    writeFileSync(join(project.dir, "package.json"), JSON.stringify({ name, private: true }));
    project.writeProgram(program);
    await project.ok(["stack", "init", STACK]);
    // Every vendor's settings, in one command: each `pulumi` call costs about a second.
    const plain: Record<string, string> = {
      "resourcegroups:endpoint": emulator.url,
      "resourcegroups:projectId": PROJECT,
      "resourcegroups:cloudflareEndpoint": `${emulator.url}/client/v4`,
      "resourcegroups:cloudflareAccountId": CLOUDFLARE_ACCOUNT,
      "resourcegroups:stronglyEndpoint": emulator.url,
      "resourcegroups:zopnightEndpoint": `${emulator.url}/api`,
      ...config,
    };
    const secret: Record<string, string> = {
      "resourcegroups:token": emulator.tokens.ces,
      "resourcegroups:cloudflareApiToken": emulator.tokens.cloudflare,
      "resourcegroups:stronglyApiKey": emulator.tokens.strongly,
      "resourcegroups:zopnightToken": emulator.tokens.zopnight,
    };
    await project.ok([
      "config",
      "set-all",
      ...Object.entries(plain).flatMap(([key, value]) => ["--plaintext", `${key}=${value}`]),
      ...Object.entries(secret).flatMap(([key, value]) => ["--secret", `${key}=${value}`]),
    ]);
    return project;
  }

  /**
   * Installs this package from `dir` into the project's own node_modules, as `npm install` would, in
   * place of the repository's; without `dir`, goes back to the repository's code.
   */
  usePackage(dir?: string): void {
    const link = join(this.dir, "node_modules", "pulumi-resource-groups");
    rmSync(link, { recursive: true, force: true });
    if (dir === undefined) return;
    mkdirSync(join(this.dir, "node_modules"), { recursive: true });
    symlinkSync(dir, link, "dir");
  }

  writeProgram(program: string): void {
    writeFileSync(join(this.dir, "index.ts"), program);
  }

  /** Runs `pulumi <args>` in the project; never throws on a non-zero exit. */
  run(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
    const started = Date.now();
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
      child.on("close", (code) => {
        const result = { args, code: code ?? -1, stdout, stderr, output, durationMs: Date.now() - started };
        this.transcript.push(result);
        resolve(result);
      });
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

  /** Runs `pulumi <args>` and fails when it exits 0: for commands that must be refused. */
  async fails(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
    const result = await this.run(args, extraEnv);
    if (result.code === 0) {
      throw new Error(`pulumi ${args.join(" ")} was expected to fail but exited 0:\n${result.output}`);
    }
    return result;
  }

  up(extra: string[] = []): Promise<CommandResult> {
    return this.ok(["up", "--yes", "--skip-preview", ...extra]);
  }

  /** `pulumi stack export` as the CLI prints it (secrets stay encrypted), and parsed. */
  async exportState(): Promise<{ text: string; resources: StateResource[] }> {
    const exported = await this.ok(["stack", "export"]);
    const deployment = JSON.parse(exported.stdout) as { deployment: { resources?: StateResource[] } };
    return { text: exported.stdout, resources: deployment.deployment.resources ?? [] };
  }

  /** Resources in the stack's state, from `pulumi stack export`. */
  async resources(): Promise<StateResource[]> {
    return (await this.exportState()).resources;
  }

  /** Destroys the stack's resources, removes the stack and deletes the folder. */
  async dispose(): Promise<void> {
    // Faults left by a failed test must not make the clean-up fail too.
    this.emulator.setFaults?.({});
    await this.run(["destroy", "--yes", "--skip-preview"]);
    await this.run(["stack", "rm", "--yes", "--force"]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Resources of the state by type token. */
export function ofType(resources: StateResource[], type: string): StateResource[] {
  return resources.filter((r) => r.type === type);
}

/** The resource of the state with this logical name (the last part of its URN). */
export function named(resources: StateResource[], name: string): StateResource {
  const found = resources.filter((r) => r.urn.endsWith(`::${name}`));
  if (found.length !== 1) throw new Error(`expected one resource named ${name}, found ${found.length}`);
  return found[0] as StateResource;
}

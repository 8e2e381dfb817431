/**
 * The hooks most end-to-end suites start with: an emulator of their own and one Pulumi project pointed
 * at it, made before the first test and disposed of after the last, with the time that takes.
 */
import { startE2eEmulator, type TestEmulator } from "./emulator";
import { PulumiProject } from "./project";

/** Starting a project runs `pulumi stack init` and config calls, and may first build the CLI. */
export const HOOK_TIMEOUT = 30 * 60 * 1000;

export interface ProjectSuite {
  /** The suite's emulator, started before its first test. */
  readonly env: TestEmulator;
  /** The suite's project, its stack configured for `env`. */
  readonly project: PulumiProject;
}

/**
 * Registers the hooks of a suite (or of the `describe` it is called in) that runs `program` as the
 * project `name`, with `config` added to the stack's settings.
 */
export function useProject(name: string, program: string, config: Record<string, string> = {}): ProjectSuite {
  let env: TestEmulator | undefined;
  let project: PulumiProject | undefined;
  beforeAll(async () => {
    env = await startE2eEmulator();
    project = await PulumiProject.create(name, program, env.emulator, config);
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await project?.dispose();
    await env?.stop();
  }, HOOK_TIMEOUT);
  return {
    get env() {
      if (!env) throw new Error("the emulator is not running");
      return env;
    },
    get project() {
      if (!project) throw new Error(`the project ${name} was not created`);
      return project;
    },
  };
}

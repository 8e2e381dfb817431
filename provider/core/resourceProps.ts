/**
 * What a resource class registers as its properties, and the resource options it refuses. Loaded by
 * user programs with the classes, so it imports nothing but `@pulumi/pulumi`.
 */
import { RunError } from "@pulumi/pulumi";

/**
 * Every argument given, so arguments the kind does not take reach check(), which refuses them by name
 * instead of dropping them; each argument the kind takes (`inputs`), present even when not given, so
 * the class's output of that name exists; and the kind's `outputs`, unknown until the provider answers.
 * Defaults go into `args` before the call.
 */
export function resourceProps<A extends object>(
  args: A,
  inputs: readonly (keyof A & string)[],
  outputs: readonly string[] = [],
): Record<string, unknown> {
  const props = { ...args } as Record<string, unknown>;
  for (const input of inputs) props[input] = args[input];
  for (const output of outputs) props[output] = undefined;
  return props;
}

/**
 * Fails at once, before anything is registered, when a resource is given the `import` option. Pulumi
 * imports by asking the provider to read an object it holds no state for, which a dynamic provider
 * cannot do (its code travels in the state): the engine would fail later with a TypeError of its own.
 * `adopt` does what `import` is for. A RunError is shown as its message alone.
 */
export function refuseImport(opts: { import?: unknown } | undefined): void {
  if (opts?.import === undefined) return;
  throw new RunError(
    `import ${JSON.stringify(opts.import)}: the import resource option (and pulumi import) cannot work ` +
      `for pulumi-resource-groups, whose resources are served by a dynamic provider, which Pulumi cannot ` +
      `import into. Remove the import option and take the object over instead: a ResourceGroup with ` +
      `adopt: true takes over the group of its name, and a member its group already holds is taken over ` +
      `as it is (README, "Taking over existing groups").`,
  );
}

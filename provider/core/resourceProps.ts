/**
 * What a resource class registers as its properties. Loaded by user programs with the classes, so it
 * imports nothing.
 */

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

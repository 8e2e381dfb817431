/**
 * A resource class's `get(name, id)`, loaded by user programs with the classes, so it imports nothing.
 */
import { refuseImport } from "./resourceProps";

/**
 * The arguments a class registers: none when it is constructed with `opts.id` (what its static `get`
 * does) but the connection to read through. The engine then reads the object with that id, and the
 * provider's read finds it from the id alone, instead of taking defaults filled in here for a
 * declaration.
 */
export function argsUnlessGet<A extends object>(
  args: A,
  opts: { id?: unknown; import?: unknown } | undefined,
): A {
  refuseImport(opts);
  if (opts?.id === undefined) return args;
  const { connection } = args as { connection?: unknown };
  return (connection === undefined ? {} : { connection }) as A;
}

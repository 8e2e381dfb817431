/**
 * Stack traces while the Pulumi SDK registers one of our resources. Loaded by user programs with the
 * classes, so it imports nothing.
 *
 * The SDK records a stack trace on each promise it makes (four per property) for its promise-leak
 * report; in a TypeScript program each trace goes through the source-map hook frame by frame, and the
 * deepest frames (the program's, mapped back to TypeScript, and the loader's) cost the most: at ten
 * frames, registering a ResourceGroup (nine properties) cost about 6 ms of the program's CPU. Seven
 * frames still reach the program's line from every error the SDK raises while registering or reading
 * (an empty name, a bad parent, a transformation that throws, an engine refusal): its own call, its
 * three constructors, our class, `get` where used, then the caller. Each class's constructor calls
 * `super` between `shortTracesWhileRegistering()` and the `restore` it returns, in its own body: a
 * shared base class would add a frame to the stack trace the engine records in the state for every
 * resource. The resource's source position is unaffected: the SDK lifts the limit while it reads it.
 */
const FRAMES_WHILE_REGISTERING = 7;

/**
 * Shortens the stack traces Errors capture until the returned function is called (a lower limit the
 * program set stays). With `PULUMI_DEBUG_PROMISE_LEAKS` set, the leak report prints the traces: they
 * stay whole.
 */
export function shortTracesWhileRegistering(): () => void {
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Math.min(limit, FRAMES_WHILE_REGISTERING);
  return () => {
    Error.stackTraceLimit = limit;
  };
}

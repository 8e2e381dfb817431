/**
 * Stack traces while the Pulumi SDK registers one of our resources. Loaded by user programs with the
 * classes, so it imports nothing.
 *
 * The SDK records a stack trace on each promise it makes (four per property) for its promise-leak
 * report alone; in a TypeScript program each trace goes through the source-map hook frame by frame,
 * which made registering a ResourceGroup (nine properties) cost about 6 ms of the program's CPU. Each
 * class's constructor calls `super` between `shortTracesWhileRegistering()` and the `restore` it
 * returns, in its own body: a shared base class would add a frame to the stack trace the engine
 * records in the state for every resource. One frame keeps the line an error was thrown from (a
 * user's transformation, say). The resource's source position is unaffected: the SDK lifts the limit
 * while it reads it.
 */
const FRAMES_WHILE_REGISTERING = 1;

/**
 * Shortens the stack traces Errors capture until the returned function is called. With
 * `PULUMI_DEBUG_PROMISE_LEAKS` set, the leak report prints the traces: they stay whole.
 */
export function shortTracesWhileRegistering(): () => void {
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = FRAMES_WHILE_REGISTERING;
  return () => {
    Error.stackTraceLimit = limit;
  };
}

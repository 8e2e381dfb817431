/**
 * Failures that are not an HTTP answer: bad settings, a remote state that forbids the change, and a
 * create that succeeded only in part. HTTP failures live in `./http/errors`.
 */

/** The base of every error this package throws, so callers can tell ours from others. */
export class ResourceGroupsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A provider setting is missing or malformed. */
export class ConfigurationError extends ResourceGroupsError {}

/** The request is valid but the remote state forbids it (wrong group type, tag limit, name taken). */
export class ConflictError extends ResourceGroupsError {}

/**
 * The resource exists but a later step of its creation failed. Pulumi records `id` and `properties`
 * in the state, so the resource is never orphaned, and the next update finishes the work.
 */
export class PartialCreateError extends ResourceGroupsError {
  readonly reasons: string[];
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    cause: Error,
  ) {
    super(`${cause.message} (the resource ${id} exists and is kept in the stack; run the update again)`);
    // The CLI shows the reasons of a partial failure, not the message: the whole message, once.
    this.reasons = [this.message];
  }
}

/**
 * An update that applied only part of its change. `properties` is what holds now, which Pulumi records
 * as the resource's state, so the next update starts from the truth and finishes the work.
 */
export class PartialUpdateError extends ResourceGroupsError {
  readonly reasons: string[];
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    cause: Error,
  ) {
    super(`${cause.message} (the stack keeps what was applied; run the update again)`);
    this.reasons = [this.message];
  }
}

/** The cause of a partial create or update: the failure, saying how far the work got before it. */
export function partway(error: unknown, done: string): Error {
  return new Error(`${done} before this failed: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}

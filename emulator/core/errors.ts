/**
 * What every dialect does with a failure: its own errors answer as they are, the failures the server
 * raises itself (vendor.ts) are worded in the dialect's terms, and anything else is an internal error.
 * Only the body differs from dialect to dialect.
 */
import { EmulatorFailure, type RenderedError } from "./vendor";

/** The base of each dialect's error class: a message and the status it answers with. */
export class DialectError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** How a dialect words the server's own failures; each gets the server's message and status. */
export interface FailureWording<E> {
  unauthorized(message: string, status: number): E;
  /** A write with the read-only token. */
  forbidden(message: string, status: number): E;
  /** No route for the path (404) or for the method (405). */
  routeNotFound(message: string, status: number): E;
  bodyTooLarge(message: string, status: number): E;
  /** An injected 429. */
  rateLimited(message: string, status: number): E;
  /** An injected 500 or 503. */
  failed(message: string, status: number): E;
  /** An exception the dialect did not expect: a bug, logged by the server. */
  unexpected(): E;
}

export interface ErrorRendering<E extends DialectError> {
  /** The dialect's error class: errors of it are answered as they are. */
  own: abstract new (...args: never[]) => E;
  failures: FailureWording<E>;
  /** The answer's body; the status is the error's. */
  body(error: E, requestId: string): unknown;
}

function fromFailure<E>(failure: EmulatorFailure, wording: FailureWording<E>): E {
  const { message, status } = failure;
  switch (failure.kind) {
    case "unauthorized":
      return wording.unauthorized(message, status);
    case "forbidden":
      return wording.forbidden(message, status);
    case "route-not-found":
      return wording.routeNotFound(message, status);
    case "body-too-large":
      return wording.bodyTooLarge(message, status);
    case "injected":
      return status === 429 ? wording.rateLimited(message, status) : wording.failed(message, status);
  }
}

/** A dialect's `renderError`, built from its error class, its wording and the shape of its body. */
export function errorRenderer<E extends DialectError>(
  rendering: ErrorRendering<E>,
): (error: unknown, requestId: string) => RenderedError {
  return (error, requestId) => {
    const own =
      error instanceof rendering.own
        ? error
        : error instanceof EmulatorFailure
          ? fromFailure(error, rendering.failures)
          : rendering.failures.unexpected();
    return { status: own.status, body: rendering.body(own, requestId) };
  };
}

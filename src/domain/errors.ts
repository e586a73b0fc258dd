/**
 * The closed list of error codes the domain and services throw. The HTTP layer maps each one
 * to a status in `http/problem.ts` (the compiler checks that every code is mapped).
 */
export type DomainErrorCode =
  /** Input failed validation. `field` names the offending field; the caller must fix the input. */
  | "invalid"
  /** The thing asked for does not exist (or the caller may not know it exists). */
  | "not_found"
  /** The request conflicts with current state (duplicate unique value, reused idempotency key). */
  | "conflict"
  /** No valid credentials were presented. The caller should log in or send an API key. */
  | "unauthenticated"
  /** Credentials are valid but do not allow this action. */
  | "forbidden"
  /** Too many requests from this client; retry after the window passes. */
  | "rate_limited"
  /** The request is well formed but too large to accept (batch size, custom fields size). */
  | "too_large"
  /** A server we talk to on the caller's behalf (their SMTP server) refused or could not be reached; the message quotes its answer. Fix its settings or retry. */
  | "upstream_failed"
  /** Too little history to learn from (the model needs enough closed leads and wins); the message says how much more. Close more leads, then retry. */
  | "insufficient_history";

export type DomainErrorOptions = {
  message: string;
  /** Dotted path of the offending input field, e.g. `email` or `items.3.phone`. */
  field?: string;
  details?: Record<string, unknown>;
};

/** The one error type thrown by domain and service code. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DomainErrorCode, options: DomainErrorOptions) {
    super(options.message);
    this.name = "DomainError";
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

/** Shorthand for the commonest error: a named field is invalid. */
export function invalidField(field: string, message: string): DomainError {
  return new DomainError("invalid", { field, message: `${field}: ${message}` });
}

import { DomainError, type DomainErrorCode } from "../../src/domain/errors.js";

/** What a refusal said: the DomainError's code and the field it names (undefined when it names none). */
export type Failure = { code: DomainErrorCode; field: string | undefined };

/** The code and field of a DomainError (of `code`, when given); anything else is thrown again, failing the test. */
function failureIn(error: unknown, code: DomainErrorCode | undefined): Failure {
  if (error instanceof DomainError && (code === undefined || error.code === code)) return { code: error.code, field: error.field };
  throw error;
}

/**
 * The DomainError a service call fails with, as `{ code, field }`, so one assertion checks both.
 * Takes the call's promise or a function that makes the call; fails the test if the call succeeds
 * or fails with anything but a DomainError.
 */
export async function failureOf(call: Promise<unknown> | (() => unknown)): Promise<Failure> {
  try {
    await (typeof call === "function" ? call() : call);
  } catch (error) {
    return failureIn(error, undefined);
  }
  throw new Error("expected a DomainError");
}

/**
 * The DomainError a synchronous rule throws, as `{ code, field }`. Fails the test if `run` returns,
 * or throws anything but a DomainError (of `code`, when given).
 */
export function refusalOf(run: () => unknown, code?: DomainErrorCode): Failure {
  try {
    run();
  } catch (error) {
    return failureIn(error, code);
  }
  throw new Error("expected a DomainError");
}

/**
 * The field a synchronous check names when it refuses, or undefined when it accepts. Anything thrown
 * but a DomainError (of `code`, when given) fails the test.
 */
export function refusedField(run: () => unknown, code?: DomainErrorCode): string | undefined {
  try {
    run();
  } catch (error) {
    return failureIn(error, code).field;
  }
  return undefined;
}

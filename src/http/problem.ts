import { ISO_INSTANT_HINT } from "./instants.js";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { DomainError, type DomainErrorCode } from "../domain/errors.js";

/** HTTP status and title per domain error code; the Record type makes the compiler check it is complete. */
const PROBLEM_BY_CODE: Record<DomainErrorCode, { status: number; title: string }> = {
  invalid: { status: 400, title: "Invalid request" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Forbidden" },
  rate_limited: { status: 429, title: "Too many requests" },
  too_large: { status: 413, title: "Payload too large" },
  upstream_failed: { status: 502, title: "The other server refused" },
  insufficient_history: { status: 409, title: "Not enough history" },
};

/** An RFC 9457 problem document. */
export type Problem = { type: string; title: string; status: number; detail: string; field?: string; code: string; requestId: string };

/** The problem document for a domain error. */
export function problemOf(error: DomainError, requestId: string): Problem {
  const { status, title } = PROBLEM_BY_CODE[error.code];
  return {
    type: `https://closeloop.dev/problems/${error.code}`,
    title,
    status,
    detail: error.message,
    ...(error.field ? { field: error.field } : {}),
    code: error.code,
    requestId,
  };
}

/** Sends a problem+json response. */
export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type("application/problem+json").send(problem);
}

/**
 * Turns a JSON-schema validation failure into the field it is about: `/items/3/email` →
 * `items.3.email`; a missing property names itself; unknown properties name the extra field.
 */
function fieldOfValidation(error: FastifyError): { field: string; message: string } {
  const first = error.validation?.[0];
  if (!first) return { field: "body", message: error.message };
  const context = error.validationContext ?? "body";
  const path = first.instancePath.split("/").filter(Boolean);
  const params = first.params as Record<string, unknown>;
  if (typeof params.missingProperty === "string") path.push(params.missingProperty);
  if (typeof params.additionalProperty === "string") path.push(params.additionalProperty);
  const field = path.length > 0 ? path.join(".") : context;
  const message =
    typeof params.additionalProperty === "string"
      ? "is not a known field"
      : first.keyword === "format" && params.format === "date-time"
        ? ISO_INSTANT_HINT
        : (first.message ?? "is invalid");
  return { field, message: `${field}: ${message}` };
}

/** Maps every error thrown in a route to problem+json; unknown errors become a logged 500. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof DomainError) return sendProblem(reply, problemOf(error, request.id));
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const { field, message } = fieldOfValidation(fastifyError);
    return sendProblem(reply, problemOf(new DomainError("invalid", { field, message }), request.id));
  }
  const status = fastifyError.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const code: DomainErrorCode = status === 413 ? "too_large" : status === 429 ? "rate_limited" : status === 404 ? "not_found" : "invalid";
    return sendProblem(reply, { ...problemOf(new DomainError(code, { message: fastifyError.message, field: "body" }), request.id), status });
  }
  request.log.error({ err: error }, "unhandled error");
  return sendProblem(reply, {
    type: "https://closeloop.dev/problems/internal",
    title: "Internal error",
    status: 500,
    detail: `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
    code: "internal",
    requestId: request.id,
  });
}

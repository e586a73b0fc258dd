import type { TSchema } from "typebox";
import { Compile } from "typebox/compile";

/** Checks a dequeued payload; returns why it is invalid (`/lead/id: …`), or null when it is valid. */
export type PayloadCheck = (payload: unknown) => string | null;

/** Compiles a payload schema once, at definition time, into a check (TypeBox JIT: microseconds a call). */
export function compilePayloadCheck(schema: TSchema): PayloadCheck {
  const validator = Compile(schema);
  return (payload) => {
    if (validator.Check(payload)) return null;
    const [first] = validator.Errors(payload);
    return `invalid payload: ${first ? `${first.instancePath || "/"} ${first.message}` : "does not match its schema"}`;
  };
}

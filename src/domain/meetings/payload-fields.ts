import { invalidField } from "../errors.js";
import { EMAIL_PATTERN } from "../lead/normalize-lead-input.js";

/**
 * Defensive reads of an untrusted JSON payload (a booking tool's webhook body). Each read names
 * the dotted path of the field it was about when the value is missing or malformed, so the
 * sender gets a 400 that says what to fix: `payload.attendees.0.email: must be an email address`.
 */
export type PayloadObject = { value: Record<string, unknown>; path: string };

/** Longest identifier or text field read from a payload; real ones are far shorter. */
const PAYLOAD_TEXT_MAX_LENGTH = 1000;

// ISO 8601 date-time with an explicit offset; any number of fractional digits (Calendly sends six).
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function pathOf(parent: PayloadObject, key: string): string {
  return parent.path === "" ? key : `${parent.path}.${key}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The payload's root, which must be a JSON object. */
export function payloadRoot(body: unknown): PayloadObject {
  if (!isRecord(body)) throw invalidField("body", "must be a JSON object");
  return { value: body, path: "" };
}

/** Whether the field holds an object (for payloads whose shape varies by event). */
export function hasObject(parent: PayloadObject, key: string): boolean {
  return isRecord(parent.value[key]);
}

/** A nested object. */
export function objectField(parent: PayloadObject, key: string): PayloadObject {
  const value = parent.value[key];
  if (!isRecord(value)) throw invalidField(pathOf(parent, key), "must be an object");
  return { value, path: pathOf(parent, key) };
}

/** The objects of a nested array. */
export function objectList(parent: PayloadObject, key: string): PayloadObject[] {
  const value = parent.value[key];
  const path = pathOf(parent, key);
  if (!Array.isArray(value)) throw invalidField(path, "must be an array");
  return value.map((item, index) => {
    if (!isRecord(item)) throw invalidField(`${path}.${index}`, "must be an object");
    return { value: item, path: `${path}.${index}` };
  });
}

/** The first object of a nested array, which must not be empty. */
export function firstObject(parent: PayloadObject, key: string): PayloadObject {
  const [first] = objectList(parent, key);
  if (!first) throw invalidField(pathOf(parent, key), "must not be empty");
  return first;
}

/** Text that may be missing, null or blank (→ null). */
export function optionalText(parent: PayloadObject, key: string): string | null {
  const value = parent.value[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw invalidField(pathOf(parent, key), "must be a string");
  const trimmed = value.trim();
  if (trimmed.length > PAYLOAD_TEXT_MAX_LENGTH) throw invalidField(pathOf(parent, key), `must be at most ${PAYLOAD_TEXT_MAX_LENGTH} characters`);
  return trimmed === "" ? null : trimmed;
}

/** Text that must be there and not blank. */
export function requiredText(parent: PayloadObject, key: string): string {
  const text = optionalText(parent, key);
  if (text === null) throw invalidField(pathOf(parent, key), "is required");
  return text;
}

/** A flag that may be missing (→ false). */
export function optionalFlag(parent: PayloadObject, key: string): boolean {
  const value = parent.value[key];
  if (value === undefined || value === null) return false;
  if (typeof value !== "boolean") throw invalidField(pathOf(parent, key), "must be true or false");
  return value;
}

/** An email address, lower-cased like the lead match keys. */
export function requiredEmail(parent: PayloadObject, key: string): string {
  const email = requiredText(parent, key).toLowerCase();
  if (!EMAIL_PATTERN.test(email)) throw invalidField(pathOf(parent, key), "must be an email address");
  return email;
}

/** An ISO 8601 date-time with an offset, as epoch ms; null when missing. */
export function optionalInstant(parent: PayloadObject, key: string): number | null {
  const text = optionalText(parent, key);
  if (text === null) return null;
  const at = INSTANT_PATTERN.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(at)) throw invalidField(pathOf(parent, key), "must be an ISO 8601 date-time with an offset");
  return at;
}

/** An ISO 8601 date-time that must be there. */
export function requiredInstant(parent: PayloadObject, key: string): number {
  const at = optionalInstant(parent, key);
  if (at === null) throw invalidField(pathOf(parent, key), "is required");
  return at;
}

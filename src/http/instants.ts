import { Type } from "typebox";
import { invalidField } from "../domain/errors.js";

/**
 * Instants at the HTTP edge. The API speaks ISO 8601 date-times (`2025-03-01T09:30:00.000Z`) in
 * bodies, query strings and responses; domain, services and store keep epoch milliseconds. Schemas,
 * presenters and route handlers convert with these, and nothing further in does.
 */

/** What a person reads when an instant is not one the API can take. */
export const ISO_INSTANT_HINT = "must be an ISO 8601 date-time with an offset, such as 2025-03-01T09:30:00Z";

/** An ISO 8601 date-time with a time zone or offset, as every instant in the API is written. */
export const IsoInstant = (description?: string) => Type.String(description === undefined ? { format: "date-time" } : { format: "date-time", description });

/** The instant as the API writes it: UTC, millisecond precision. */
export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

/** `isoOf`, keeping null (an instant not yet known or not applicable). */
export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : isoOf(ms);
}

/**
 * Epoch ms of a date-time the schema already checked. The `date-time` format also admits what
 * `Date.parse` cannot read (a leap second, an hour-only offset), so those are refused by name.
 */
export function msOf(iso: string, field: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw invalidField(field, ISO_INSTANT_HINT);
  return ms;
}

/** `msOf` for an optional field: absent stays absent. */
export function msOrUndefined(iso: string | undefined, field: string): number | undefined {
  return iso === undefined ? undefined : msOf(iso, field);
}

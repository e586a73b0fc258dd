import { invalidField } from "../../../domain/errors.js";
import type { LeadCursor } from "../../../store/leads.js";

/** Opaque page cursor: base64url of `createdAt:id`. */
export function encodeLeadCursor(cursor: LeadCursor): string {
  return Buffer.from(`${cursor.createdAt}:${cursor.id}`).toString("base64url");
}

/** Decodes a cursor from `encodeLeadCursor`; anything else is an `invalid` cursor. */
export function decodeLeadCursor(raw: string): LeadCursor {
  const decoded = Buffer.from(raw, "base64url").toString();
  const separator = decoded.indexOf(":");
  const createdAt = Number(decoded.slice(0, separator));
  const id = decoded.slice(separator + 1);
  if (separator < 1 || !Number.isSafeInteger(createdAt) || id === "") throw invalidField("cursor", "is not a cursor this API returned");
  return { createdAt, id };
}

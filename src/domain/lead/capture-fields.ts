import { LEAD_TEXT_FIELDS, type Lead, UTM_FIELDS, type UtmField, type UtmTags } from "./lead.js";

/** The lead fields a capture payload sets, named exactly as `POST /api/v1/leads` names them. */
export const CAPTURE_FIELDS = [...LEAD_TEXT_FIELDS, ...UTM_FIELDS] as const;

export type CaptureField = (typeof CAPTURE_FIELDS)[number];

/** `utmSource` → `source`: where each UTM payload field lives on the lead. */
const utmTagOf = (field: UtmField): keyof UtmTags => (field.charAt(3).toLowerCase() + field.slice(4)) as keyof UtmTags;

/** A lead's value for each capture field, in `CAPTURE_FIELDS` order. */
export function captureFieldValues(lead: Lead): Record<CaptureField, string | null> {
  const values = Object.fromEntries(LEAD_TEXT_FIELDS.map((field) => [field, lead[field]]));
  for (const field of UTM_FIELDS) values[field] = lead.utm[utmTagOf(field)];
  return values as Record<CaptureField, string | null>;
}

/** The lead as a capture request body: its capture fields and custom fields, empty ones left out. */
export function capturePayloadOf(lead: Lead): Record<string, unknown> {
  const fields = { ...captureFieldValues(lead), ...lead.custom };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
}

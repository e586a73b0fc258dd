import type { Lead } from "./lead.js";

/** The lead fields a capture payload sets, named exactly as `POST /api/v1/leads` names them. */
export const CAPTURE_FIELDS = [
  "email",
  "phone",
  "firstName",
  "lastName",
  "company",
  "title",
  "country",
  "source",
  "campaign",
  "channel",
  "utmSource",
  "utmMedium",
  "utmCampaign",
  "utmTerm",
  "utmContent",
  "message",
] as const;

export type CaptureField = (typeof CAPTURE_FIELDS)[number];

/** A lead's value for each capture field, in `CAPTURE_FIELDS` order. */
export function captureFieldValues(lead: Lead): Record<CaptureField, string | null> {
  return {
    email: lead.email,
    phone: lead.phone,
    firstName: lead.firstName,
    lastName: lead.lastName,
    company: lead.company,
    title: lead.title,
    country: lead.country,
    source: lead.source,
    campaign: lead.campaign,
    channel: lead.channel,
    utmSource: lead.utm.source,
    utmMedium: lead.utm.medium,
    utmCampaign: lead.utm.campaign,
    utmTerm: lead.utm.term,
    utmContent: lead.utm.content,
    message: lead.message,
  };
}

/** The lead as a capture request body: its capture fields and custom fields, empty ones left out. */
export function capturePayloadOf(lead: Lead): Record<string, unknown> {
  const fields = { ...captureFieldValues(lead), ...lead.custom };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
}

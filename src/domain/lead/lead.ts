/** A lead as the rest of the system sees it. */
export type Lead = {
  id: string;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  title: string | null;
  country: string | null;
  source: string | null;
  campaign: string | null;
  channel: string | null;
  utm: UtmTags;
  /** What the lead asked for, in their words. */
  message: string | null;
  custom: Record<string, unknown>;
  ownerId: string | null;
  stage: string;
  isOptedOut: boolean;
  createdAt: number;
  updatedAt: number;
};

export type UtmTags = {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  term: string | null;
  content: string | null;
};

/** The stage every captured lead starts in. */
export const INITIAL_STAGE = "new";

/** Lead fields a capture may set, after normalisation. */
export type LeadFields = Omit<Lead, "id" | "custom" | "ownerId" | "stage" | "isOptedOut" | "createdAt" | "updatedAt" | "utm"> & {
  utm: UtmTags;
};

/** The text fields of a lead that captures can fill, in a stable order. */
export const LEAD_TEXT_FIELDS = [
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
  "message",
] as const;

export type LeadTextField = (typeof LEAD_TEXT_FIELDS)[number];

export const UTM_FIELDS = ["utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent"] as const;

export type UtmField = (typeof UTM_FIELDS)[number];

/** Display name: "First Last", else the email, else the phone. */
export function leadDisplayName(lead: Pick<Lead, "firstName" | "lastName" | "email" | "phone">): string {
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(" ");
  return name || lead.email || lead.phone || "(no name)";
}

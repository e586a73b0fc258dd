import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js/min";
import { invalidField } from "../errors.js";
import { LEAD_TEXT_FIELDS, type LeadFields, UTM_FIELDS, type UtmTags } from "./lead.js";
import { CUSTOM_FIELD_NAME_MAX_LENGTH, CUSTOM_FIELDS_MAX_BYTES, LEAD_FIELD_MAX_LENGTH } from "./lead-limits.js";
import { type MatchKey, matchKeysOf } from "./match-key.js";

/** A capture request after validation and normalisation. */
export type NormalizedLeadInput = {
  fields: LeadFields;
  custom: Record<string, unknown>;
  matchKeys: MatchKey[];
};

export type NormalizeOptions = {
  /** Region used for phone numbers written without a country code (ISO 3166 alpha-2). */
  defaultPhoneRegion: string;
  /** Prefix for field names in errors, e.g. `items.3.` in a batch. */
  fieldPrefix?: string;
};

/** Names a capture understands besides the lead fields: `name` (split into first/last) and `custom`. */
const KNOWN_EXTRA_FIELDS = new Set(["name", "custom"]);
const KNOWN_FIELDS = new Set<string>([...LEAD_TEXT_FIELDS, ...UTM_FIELDS, ...KNOWN_EXTRA_FIELDS]);

// Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is proven by
// sending, not by a regex; this only rejects what cannot be an address.
export const EMAIL_PATTERN = /^[^\s@"<>()[\],;:]+@[^\s@"<>()[\],;:]+\.[^\s@"<>()[\],;:.]{2,}$/;

/**
 * Validates and normalises a raw capture payload (API body, CSV row or form post). Throws
 * `invalid` naming the first offending field. Unknown fields go to `custom`.
 */
export function normalizeLeadInput(raw: Record<string, unknown>, options: NormalizeOptions): NormalizedLeadInput {
  const prefix = options.fieldPrefix ?? "";
  const text = (name: keyof typeof LEAD_FIELD_MAX_LENGTH): string | null => {
    const value = raw[name];
    if (value === undefined || value === null) return null;
    if (typeof value !== "string" && typeof value !== "number") throw invalidField(prefix + name, "must be a string");
    const trimmed = String(value).trim().replace(/\s+/g, " ");
    if (trimmed.length > LEAD_FIELD_MAX_LENGTH[name]) {
      throw invalidField(prefix + name, `must be at most ${LEAD_FIELD_MAX_LENGTH[name]} characters`);
    }
    return trimmed === "" ? null : trimmed;
  };

  const email = normalizeEmail(text("email"), prefix);
  const country = text("country");
  const phone = normalizePhone(text("phone"), country, options.defaultPhoneRegion, prefix);
  if (email === null && phone === null) {
    throw invalidField(prefix + "email", "an email or a phone number is required");
  }
  const [firstName, lastName] = splitName(text("name"), text("firstName"), text("lastName"));
  const utm: UtmTags = {
    source: text("utmSource"),
    medium: text("utmMedium"),
    campaign: text("utmCampaign"),
    term: text("utmTerm"),
    content: text("utmContent"),
  };
  const fields: LeadFields = {
    email,
    phone,
    firstName,
    lastName,
    company: text("company"),
    title: text("title"),
    country,
    source: text("source") ?? utm.source,
    campaign: text("campaign") ?? utm.campaign,
    channel: text("channel"),
    message: text("message"),
    utm,
  };
  return { fields, custom: collectCustom(raw, prefix), matchKeys: matchKeysOf(email, phone) };
}

function normalizeEmail(value: string | null, prefix: string): string | null {
  if (value === null) return null;
  const email = value.toLowerCase();
  if (!EMAIL_PATTERN.test(email)) throw invalidField(prefix + "email", "must be an email address");
  return email;
}

function normalizePhone(value: string | null, country: string | null, defaultRegion: string, prefix: string): string | null {
  if (value === null) return null;
  const countryCode = country?.toUpperCase();
  const region = (countryCode && isSupportedCountry(countryCode) ? countryCode : defaultRegion) as CountryCode;
  const parsed = parsePhoneNumberFromString(value, region);
  if (!parsed || !parsed.isPossible()) throw invalidField(prefix + "phone", "must be a phone number");
  return parsed.number;
}

function splitName(full: string | null, first: string | null, last: string | null): [string | null, string | null] {
  if (full === null || first !== null || last !== null) return [first, last];
  const space = full.indexOf(" ");
  return space === -1 ? [full, null] : [full.slice(0, space), full.slice(space + 1)];
}

function collectCustom(raw: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const custom: Record<string, unknown> = {};
  const explicit = raw.custom;
  if (explicit !== undefined && explicit !== null) {
    if (typeof explicit !== "object" || Array.isArray(explicit)) throw invalidField(prefix + "custom", "must be an object");
    Object.assign(custom, explicit);
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!KNOWN_FIELDS.has(key) && value !== undefined && value !== null && value !== "") custom[key] = value;
  }
  for (const key of Object.keys(custom)) {
    if (key.length > CUSTOM_FIELD_NAME_MAX_LENGTH || key.trim() === "") {
      throw invalidField(`${prefix}custom`, `field names must be 1 to ${CUSTOM_FIELD_NAME_MAX_LENGTH} characters`);
    }
  }
  if (Buffer.byteLength(JSON.stringify(custom)) > CUSTOM_FIELDS_MAX_BYTES) {
    throw invalidField(`${prefix}custom`, `custom fields must total at most ${CUSTOM_FIELDS_MAX_BYTES} bytes`);
  }
  return custom;
}

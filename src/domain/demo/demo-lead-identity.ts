import type { Lead, UtmTags } from "../lead/lead.js";
import type { Arrival } from "./demo-arrivals.js";
import { COMPANIES_PER_BAND, demoCompanyFor } from "./demo-companies.js";
import type { DemoCountry } from "./demo-countries.js";
import { demoIdFor } from "./demo-id.js";
import { COMPANY_SIZES, type DemoLeadProfile, SENIORITIES } from "./demo-lead-profile.js";
import { DEMO_NAMES, DEMO_TITLES } from "./demo-names.js";
import { type DemoCampaign, type DemoSource, DEMO_SOURCES } from "./demo-sources.js";
import { type SeededRandom, streamFor } from "./seeded-random.js";

/** A demo lead before routing: everything the form or list provided. */
export type DemoLeadIdentity = { lead: Omit<Lead, "ownerId" | "stage" | "updatedAt">; profile: DemoLeadProfile; source: DemoSource };

/** Emails and phone numbers already handed out, so each lead is its own person (de-duplication would merge them otherwise). */
export type TakenContacts = { emails: Set<string>; phones: Set<string> };

/** Where students and job seekers write from: no company domain, reserved TLD. */
const PERSONAL_EMAIL_DOMAIN = "freemail.example";

/** Who lead number `index` is, drawn from its own stream (`lead`, index). */
export function buildDemoLeadIdentity(seed: number, index: number, arrival: Arrival, taken: TakenContacts): DemoLeadIdentity {
  const random = streamFor(seed, "lead", index);
  const source = random.pickWeighted(DEMO_SOURCES, (s) => s.share);
  const campaign = random.pickWeighted(source.campaigns, (c) => c.share);
  const seniority = random.pickWeighted(SENIORITIES, (s) => source.seniorityMix[s]);
  const companySize = random.pickWeighted(COMPANY_SIZES, (s) => source.companySizeMix[s]);
  const company = seniority === "student" ? null : demoCompanyFor(seed, arrival.country, companySize, random.int(0, COMPANIES_PER_BAND - 1));
  const names = DEMO_NAMES[arrival.country.names];
  const firstName = random.pick(names.first);
  const lastName = random.pick(names.last);
  const hasPhone = random.chance(source.phoneShare);
  const lead: DemoLeadIdentity["lead"] = {
    id: demoIdFor("lead", arrival.createdAt, random),
    email: uniqueEmail(firstName, lastName, company?.domain ?? PERSONAL_EMAIL_DOMAIN, random, taken.emails),
    phone: hasPhone ? uniquePhone(arrival.country, random, taken.phones) : null,
    firstName,
    lastName,
    company: company?.name ?? null,
    title: random.pick(DEMO_TITLES[seniority]),
    country: arrival.country.code,
    source: source.name,
    campaign: campaign.name,
    channel: source.channel,
    utm: utmFor(source, campaign),
    message: random.pick(campaign.messages),
    custom: company ? { industry: company.industry, companySize } : {},
    isOptedOut: false,
    createdAt: arrival.createdAt,
  };
  const profile: DemoLeadProfile = { sourceName: source.name, campaignName: campaign.name, intent: campaign.intent, seniority, companySize, industry: company?.industry ?? null, timeZone: arrival.timeZone, hasPhone };
  return { lead, profile, source };
}

/** Lower-case ASCII for an email local part: "Chloé" → "chloe", "van den Berg" → "vandenberg", "O'Brien" → "obrien". */
function emailWord(name: string): string {
  return name.normalize("NFD").replace(/[^A-Za-z]/g, "").toLowerCase();
}

/** first.last (60%), f.last (25%) or first (15%) at the domain; a number is added when the address is taken. */
function uniqueEmail(firstName: string, lastName: string, domain: string, random: SeededRandom, taken: Set<string>): string {
  const first = emailWord(firstName);
  const last = emailWord(lastName);
  const style = random.next();
  const local = style < 0.6 ? `${first}.${last}` : style < 0.85 ? `${first[0]}.${last}` : first;
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}

function uniquePhone(country: DemoCountry, random: SeededRandom, taken: Set<string>): string {
  let phone = country.phone(random);
  while (taken.has(phone)) phone = country.phone(random);
  taken.add(phone);
  return phone;
}

function utmFor(source: DemoSource, campaign: DemoCampaign): UtmTags {
  if (!source.utm) return { source: null, medium: null, campaign: null, term: null, content: null };
  const slug = campaign.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return { source: source.utm.source, medium: source.utm.medium, campaign: slug, term: null, content: null };
}

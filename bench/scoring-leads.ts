import { streamFor } from "../src/domain/demo/seeded-random.js";
import type { NewLeadEvent } from "../src/domain/lead/lead-event.js";
import { INITIAL_STAGE, type Lead } from "../src/domain/lead/lead.js";
import type { LeadEngagement } from "../src/domain/scoring/lead-model-features.js";

/** Synthetic leads for the scoring benchmark: the variety scoring rules and the model react to, reproducible from a number. */

const DAY_MS = 24 * 60 * 60 * 1000;

const TITLES = [
  "CEO", "Founder & CEO", "VP Sales", "VP of Marketing", "Head of Growth", "Director of Operations", "Sales Director", "IT Manager",
  "Marketing Manager", "Team Lead", "Account Executive", "Software Engineer", "Marketing Specialist", "Analyst", "Office Assistant", "Student",
];
const SOURCES: readonly { source: string; weight: number; formKey: string | null }[] = [
  { source: "demo-request", weight: 15, formKey: "demo-request" },
  { source: "newsletter", weight: 20, formKey: "newsletter" },
  { source: "website", weight: 25, formKey: "contact" },
  { source: "webinar", weight: 10, formKey: "webinar" },
  { source: "paid-search", weight: 15, formKey: "contact" },
  { source: "referral", weight: 5, formKey: null },
  { source: "import", weight: 10, formKey: null },
];
const CAMPAIGNS = ["spring-launch", "q3-webinar-series", "retargeting", "partner-week", "pricing-promo"];
const CHANNELS = ["web", "email", "social", "phone"];
const COUNTRIES = ["US", "GB", "DE", "FR", "NL", "SE", "ES", "CA", "AU", "IN"];
const INDUSTRIES = ["software", "manufacturing", "retail", "finance", "healthcare", "education"];
const PERSONAL_DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com"];
const PAGES = [
  { url: "https://closeloop.example/pricing", title: "Pricing" },
  { url: "https://closeloop.example/features", title: "Features" },
  { url: "https://closeloop.example/blog/speed-to-lead", title: "Speed to lead" },
  { url: "https://closeloop.example/customers", title: "Customers" },
];
export const CRITERIA = ["budget", "authority", "need", "timeline"];
const ANSWERS = ["yes", "no", "unknown"] as const;

/** One synthetic lead with what happened to it: its events, qualification answers, first response and engagement. */
export type SyntheticLead = {
  lead: Lead;
  events: NewLeadEvent[];
  answers: { criterion: string; answer: (typeof ANSWERS)[number] }[];
  minutesToFirstResponse: number | null;
  engagement: LeadEngagement;
};

/** Lead number `n`, created in the 90 days before `now`; the same `n` always gives the same lead. */
export function syntheticLead(n: number, now: number): SyntheticLead {
  const random = streamFor(6, "scoring-bench-lead", n);
  const createdAt = now - Math.floor(random.between(0, 90 * DAY_MS));
  const origin = random.pickWeighted(SOURCES, (entry) => entry.weight);
  const company = `Company ${random.int(1, 50_000)}`;
  const email = random.chance(0.25) ? `lead${n}@${random.pick(PERSONAL_DOMAINS)}` : `lead${n}@${company.toLowerCase().replace(" ", "")}.example`;
  const campaign = random.chance(0.5) ? random.pick(CAMPAIGNS) : null;
  const lead: Lead = {
    id: `lead_${n.toString(16).padStart(28, "0")}`,
    email,
    phone: null,
    firstName: `Lee${n}`,
    lastName: "Bench",
    company,
    title: random.chance(0.9) ? random.pick(TITLES) : null,
    country: random.chance(0.95) ? random.pick(COUNTRIES) : null,
    source: origin.source,
    campaign,
    channel: random.pick(CHANNELS),
    utm: { source: random.chance(0.4) ? "google" : null, medium: null, campaign, term: null, content: null },
    message: null,
    custom: {
      ...(random.chance(0.85) ? { employees: Math.round(random.logNormal(60, 1.4)) } : {}),
      ...(random.chance(0.6) ? { industry: random.pick(INDUSTRIES) } : {}),
    },
    ownerId: null,
    stage: INITIAL_STAGE,
    isOptedOut: false,
    createdAt,
    updatedAt: createdAt,
  };
  const actor = origin.formKey ? `form:${origin.formKey}` : "api_key:bench";
  const payload = { email, name: `Lee${n} Bench`, company, source: origin.source, campaign, channel: lead.channel };
  const events: NewLeadEvent[] = [{ leadId: lead.id, type: "created", actor, at: createdAt, data: { payload } }];
  const eventAt = () => createdAt + Math.floor(random.between(0, now - createdAt));
  const engagement: LeadEngagement = { touches: random.poisson(1.5), replies: 0, meetingsBooked: 0, pageViews: 0 };
  for (let views = random.poisson(1); views > 0; views -= 1) {
    const page = random.chance(0.3) ? PAGES[0]! : random.pick(PAGES);
    events.push({ leadId: lead.id, type: "activity", actor: "visitor", at: eventAt(), data: { kind: "page_view", ...page } });
    engagement.pageViews += 1;
  }
  if (random.chance(0.12)) {
    events.push({ leadId: lead.id, type: "replied", actor: "system", at: eventAt(), data: {} });
    engagement.replies += 1;
  }
  if (random.chance(0.05)) {
    events.push({ leadId: lead.id, type: "meeting_booked", actor: "system", at: eventAt(), data: {} });
    engagement.meetingsBooked += 1;
  }
  events.sort((a, b) => a.at - b.at);
  const answers = random.chance(0.25) ? CRITERIA.filter(() => random.chance(0.6)).map((criterion) => ({ criterion, answer: random.pick(ANSWERS) })) : [];
  const minutesToFirstResponse = random.chance(0.8) ? random.logNormal(45, 1.5) : null;
  return { lead, events, answers, minutesToFirstResponse, engagement };
}

import type { CompanySize, IntentLevel, Seniority } from "./demo-lead-profile.js";

/** A campaign inside a source; its intent level is what the lead's action says about buying. */
export type DemoCampaign = {
  name: string;
  /** Share of the source's leads. */
  share: number;
  intent: IntentLevel;
  /** What leads write in the form's message box; null for leads who leave it empty. */
  messages: readonly (string | null)[];
};

/** Where leads come from, how many, how good and what they cost. */
export type DemoSource = {
  /** Stored in `lead.source`. */
  name: string;
  /** Stored in `lead.channel`. */
  channel: string;
  /** UTM source and medium on the landing URL; null when the source sends no UTM tags. */
  utm: { source: string; medium: string } | null;
  /** Share of all leads. */
  share: number;
  /** What one lead costs in USD (media or list price, referral bonus): the economics input of issue #7. */
  costPerLead: number;
  /** P(a persistent rep answering at once reaches the lead at all): contact details and willingness. */
  reachability: number;
  /** P(qualified | reached) for a lead of average fit and medium intent. */
  qualifyRate: number;
  /** Multiplies the rep's close rate: trust the source carries (a referral closes more often). */
  closeFactor: number;
  /** Share of leads that leave a phone number. */
  phoneShare: number;
  seniorityMix: Record<Seniority, number>;
  companySizeMix: Record<CompanySize, number>;
  campaigns: readonly DemoCampaign[];
};

const mix = <K extends string>(keys: readonly K[], weights: number[]): Record<K, number> =>
  Object.fromEntries(keys.map((key, i) => [key, weights[i] ?? 0])) as Record<K, number>;
const seniority = (...weights: number[]) => mix(["executive", "vp", "director", "manager", "individual", "student"] as const, weights);
const companySize = (...weights: number[]) => mix(["1-10", "11-50", "51-200", "201-1000", "1000+"] as const, weights);

/**
 * Six sources. Referrals are few, senior and close best; the purchased list is the cheapest per
 * lead, hardest to reach and rarely qualifies, so its cost per customer is the worst.
 */
export const DEMO_SOURCES: readonly DemoSource[] = [
  {
    name: "Referral", channel: "referral", utm: null, share: 0.07, costPerLead: 150,
    reachability: 0.98, qualifyRate: 0.7, closeFactor: 1.25, phoneShare: 0.9,
    seniorityMix: seniority(12, 18, 30, 30, 10, 0), companySizeMix: companySize(5, 20, 35, 28, 12),
    campaigns: [
      { name: "Customer referral", share: 0.7, intent: "high", messages: ["Introduced by a customer who uses you for inbound leads.", "A colleague recommended you; we want to see a demo.", null] },
      { name: "Partner referral", share: 0.3, intent: "medium", messages: ["Our consultant suggested we talk to you.", null] },
    ],
  },
  {
    name: "Website", channel: "organic", utm: null, share: 0.18, costPerLead: 45,
    reachability: 0.95, qualifyRate: 0.55, closeFactor: 1, phoneShare: 0.55,
    seniorityMix: seniority(6, 10, 20, 34, 25, 5), companySizeMix: companySize(18, 30, 27, 17, 8),
    campaigns: [
      { name: "Demo request", share: 0.45, intent: "high", messages: ["We'd like a demo for our sales team.", "Can we see how routing works for a team of 12 reps?", "Looking to replace spreadsheets for lead follow-up.", null] },
      { name: "Pricing page", share: 0.2, intent: "high", messages: ["What does it cost for 25 seats?", "Do you offer annual pricing?", null] },
      { name: "Contact form", share: 0.2, intent: "medium", messages: ["Do you integrate with HubSpot forms?", "Question about data residency in the EU.", null] },
      { name: "Newsletter signup", share: 0.15, intent: "low", messages: [null] },
    ],
  },
  {
    name: "Google Ads", channel: "paid_search", utm: { source: "google", medium: "cpc" }, share: 0.27, costPerLead: 180,
    reachability: 0.92, qualifyRate: 0.48, closeFactor: 1, phoneShare: 0.7,
    seniorityMix: seniority(5, 8, 20, 35, 27, 5), companySizeMix: companySize(20, 30, 26, 16, 8),
    campaigns: [
      { name: "Brand search", share: 0.35, intent: "high", messages: ["Saw you mentioned on a podcast, want a demo.", "Need pricing and a trial.", null] },
      { name: "Competitor keywords", share: 0.3, intent: "medium", messages: ["We're unhappy with our current CRM's lead routing.", "How are you different from Salesforce?", null] },
      { name: "Lead management software", share: 0.35, intent: "medium", messages: ["Looking for software to follow up on web leads faster.", null, null] },
    ],
  },
  {
    name: "LinkedIn Ads", channel: "paid_social", utm: { source: "linkedin", medium: "paid_social" }, share: 0.18, costPerLead: 240,
    reachability: 0.85, qualifyRate: 0.42, closeFactor: 0.95, phoneShare: 0.45,
    seniorityMix: seniority(6, 14, 25, 30, 22, 3), companySizeMix: companySize(10, 22, 30, 23, 15),
    campaigns: [
      { name: "Speed-to-lead guide", share: 0.55, intent: "low", messages: [null, null, "Downloaded the guide, interesting numbers."] },
      { name: "Sales leaders demo offer", share: 0.45, intent: "high", messages: ["Interested in the demo offer for sales leaders.", null] },
    ],
  },
  {
    name: "Webinar", channel: "event", utm: { source: "webinar", medium: "event" }, share: 0.13, costPerLead: 70,
    reachability: 0.93, qualifyRate: 0.42, closeFactor: 1, phoneShare: 0.5,
    seniorityMix: seniority(3, 7, 18, 32, 30, 10), companySizeMix: companySize(20, 30, 25, 15, 10),
    campaigns: [
      { name: "Speed-to-lead masterclass", share: 0.5, intent: "medium", messages: ["Asked a question about SLAs during the webinar.", null] },
      { name: "Pipeline reviews that work", share: 0.35, intent: "medium", messages: ["Would like the slides and a follow-up call.", null] },
      { name: "Webinar replay", share: 0.15, intent: "low", messages: [null] },
    ],
  },
  {
    name: "Purchased list", channel: "outbound", utm: null, share: 0.17, costPerLead: 12,
    reachability: 0.6, qualifyRate: 0.3, closeFactor: 0.8, phoneShare: 0.95,
    seniorityMix: seniority(4, 5, 10, 25, 50, 6), companySizeMix: companySize(45, 30, 15, 7, 3),
    campaigns: [
      { name: "SaaS contacts list", share: 0.6, intent: "low", messages: [null] },
      { name: "Trade show attendee list", share: 0.4, intent: "low", messages: [null] },
    ],
  },
];

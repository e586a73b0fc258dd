import type { CompanySize, DemoLeadProfile, Industry, IntentLevel, Seniority } from "./demo-lead-profile.js";
import type { DemoSource } from "./demo-sources.js";
import type { RepSkill } from "./demo-team.js";
import type { SeededRandom } from "./seeded-random.js";

/**
 * The generating model of the demo: the chance a lead moves through each link of the chain.
 * win = reach × qualify × propose × close. Each factor has one owner in the data — the source,
 * the lead's fit and intent, the response speed, the rep — so each diagnostic of issue #7 has
 * exactly one cause to find.
 */
export type ConversionChances = { reach: number; qualify: number; propose: number; close: number; win: number };

/** Fit by seniority: VPs and directors own the problem; individual contributors rarely buy; students never. */
export const SENIORITY_FIT: Record<Seniority, number> = { executive: 1.15, vp: 1.25, director: 1.2, manager: 1, individual: 0.6, student: 0.05 };

/** Fit by company size: under ten people there is no sales team to equip. */
export const COMPANY_SIZE_FIT: Record<CompanySize, number> = { "1-10": 0.45, "11-50": 0.85, "51-200": 1.15, "201-1000": 1.2, "1000+": 1 };

export const INDUSTRY_FIT: Record<Industry, number> = {
  Software: 1.2,
  "Professional services": 1.1,
  "Financial services": 1.1,
  Healthcare: 0.9,
  Logistics: 1,
  Manufacturing: 0.9,
  "Real estate": 0.85,
  Retail: 0.8,
  Education: 0.6,
};

/** Intent multiplies reach (a demo request picks up the phone) and qualification. */
export const INTENT_EFFECT: Record<IntentLevel, { reach: number; qualify: number }> = {
  high: { reach: 1.1, qualify: 1.3 },
  medium: { reach: 1, qualify: 1 },
  low: { reach: 0.85, qualify: 0.7 },
};

/**
 * How much of a lead's reachability is left when the first touch comes `minutes` after capture:
 * 0.5 + 0.5·e^(−minutes/180) — 0.99 at 5 minutes, 0.86 at one hour, 0.63 at four, 0.5 after a day.
 */
export function responseSpeedFactor(minutes: number): number {
  return 0.5 + 0.5 * Math.exp(-minutes / 180);
}

/** Share of reachable leads a rep who stops after `attempts` tries still reaches: 1 − 0.5^attempts (2 → 75%, 6 → 98%). */
export function persistenceFactor(attempts: number): number {
  return 1 - 0.5 ** attempts;
}

const atMost = (limit: number, value: number) => Math.min(limit, value);

/** The chances for one lead, given who owns it and how fast they first touched it. */
export function conversionChances(source: DemoSource, profile: DemoLeadProfile, skill: RepSkill, firstResponseMinutes: number): ConversionChances {
  const intent = INTENT_EFFECT[profile.intent];
  const industryFit = profile.industry === null ? 1 : INDUSTRY_FIT[profile.industry];
  const reach = atMost(0.98, source.reachability * intent.reach * responseSpeedFactor(firstResponseMinutes) * persistenceFactor(skill.maxAttempts));
  const fit = SENIORITY_FIT[profile.seniority] * COMPANY_SIZE_FIT[profile.companySize] * industryFit;
  const qualify = atMost(0.95, source.qualifyRate * intent.qualify * fit);
  const propose = skill.proposalRate;
  const close = atMost(0.95, skill.closeRate * source.closeFactor);
  return { reach, qualify, propose, close, win: reach * qualify * propose * close };
}

/** Typical annual contract value in USD by company size (a per-seat product: bigger teams, more seats). */
const DEAL_VALUE_BY_SIZE: Record<CompanySize, number> = { "1-10": 2_400, "11-50": 6_000, "51-200": 14_000, "201-1000": 32_000, "1000+": 60_000 };

/** A proposal amount: the size band's typical value with log-normal spread (σ 0.35 ≈ ±40% for the middle 70%), rounded to $100. */
export function proposalAmountFor(size: CompanySize, random: SeededRandom): number {
  return Math.max(100, Math.round(random.logNormal(DEAL_VALUE_BY_SIZE[size], 0.35) / 100) * 100);
}

/** How much slower each step is for bigger buyers (more people sign off): 0.7× at 1–10 up to 1.7× at 1000+. */
export const CYCLE_LENGTH_FACTOR: Record<CompanySize, number> = { "1-10": 0.7, "11-50": 0.85, "51-200": 1, "201-1000": 1.3, "1000+": 1.7 };

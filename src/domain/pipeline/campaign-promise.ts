import { invalidField } from "../errors.js";
import { LEAD_FIELD_MAX_LENGTH } from "../lead/lead-limits.js";
import { centsOfAmount } from "./deal-amount.js";

/** What a campaign told the people it brought in, so sales can see when a proposal breaks that promise. */
export type CampaignPromise = {
  /** The lead's `campaign` value this promise belongs to, matched exactly. */
  campaign: string;
  /** The price the campaign anchored, minor currency units; null: it named no price. */
  priceAnchorCents: number | null;
  /** The timeline the campaign promised, days; null: none. */
  timelineDays: number | null;
  notes: string | null;
  updatedAt: number;
};

/** Longest campaign notes kept. */
export const CAMPAIGN_PROMISE_NOTES_MAX_LENGTH = 2000;

/** Longest promised timeline: ten years. */
export const MAX_TIMELINE_DAYS = 3650;

/** A promise as the API states it: the anchor in major currency units; a field left out is not promised. */
export type CampaignPromiseInput = { priceAnchor?: number | null | undefined; timelineDays?: number | null | undefined; notes?: string | null | undefined };

/**
 * The promise to record for a campaign (the lead's `campaign` value, trimmed), checked: the
 * anchor above 0 with at most 2 decimals, the timeline whole days up to ten years, notes
 * trimmed (blank is none). Throws `invalid` naming the field.
 */
export function campaignPromiseOf(rawCampaign: string, input: CampaignPromiseInput, now: number): CampaignPromise {
  const campaign = rawCampaign.trim();
  if (campaign === "" || campaign.length > LEAD_FIELD_MAX_LENGTH.campaign) throw invalidField("campaign", `must be 1 to ${LEAD_FIELD_MAX_LENGTH.campaign} characters`);
  const { priceAnchor = null, timelineDays = null } = input;
  if (timelineDays !== null && (!Number.isSafeInteger(timelineDays) || timelineDays < 1 || timelineDays > MAX_TIMELINE_DAYS)) {
    throw invalidField("timelineDays", `must be whole days from 1 to ${MAX_TIMELINE_DAYS}`);
  }
  const notes = input.notes?.trim() || null;
  if (notes !== null && notes.length > CAMPAIGN_PROMISE_NOTES_MAX_LENGTH) throw invalidField("notes", `must be at most ${CAMPAIGN_PROMISE_NOTES_MAX_LENGTH} characters`);
  return { campaign, priceAnchorCents: priceAnchor === null ? null : centsOfAmount(priceAnchor, "priceAnchor"), timelineDays, notes, updatedAt: now };
}

/** How a proposal compares with what the lead's campaign anchored. */
export type Expectation = {
  priceAnchorCents: number | null;
  /** Signed: +25 is 25 % above the anchor, −10 is 10 % below; 2 decimals. Null without an anchor. */
  deviationPercent: number | null;
  /** The proposal strays from the anchor by more than the tolerance, either way. */
  isExpectationMismatch: boolean;
};

/**
 * Compares a proposal amount with the campaign's price anchor: a mismatch when
 * |amount − anchor| / anchor × 100 > tolerancePercent (exactly at the tolerance is not). No
 * promise, or one without a price, never mismatches. The comparison is done in integers
 * (|amount − anchor| × 100 > tolerance × anchor) so rounding never decides a borderline case.
 */
export function expectationOf(amountCents: number, promise: Pick<CampaignPromise, "priceAnchorCents"> | null | undefined, tolerancePercent: number): Expectation {
  const anchor = promise?.priceAnchorCents ?? null;
  if (anchor === null || anchor <= 0) return { priceAnchorCents: anchor, deviationPercent: null, isExpectationMismatch: false };
  const deviationPercent = Math.round(((amountCents - anchor) / anchor) * 100 * 100) / 100;
  return { priceAnchorCents: anchor, deviationPercent, isExpectationMismatch: Math.abs(amountCents - anchor) * 100 > tolerancePercent * anchor };
}

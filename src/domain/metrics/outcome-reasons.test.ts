import { describe, expect, it } from "vitest";
import { DEFAULT_PIPELINE } from "../pipeline/pipeline-config.js";
import { type OutcomeEvent, outcomeReasonCounts } from "./outcome-reasons.js";

let nextId = 0;
function event(leadId: string, type: string, at: number, data: Record<string, unknown> = {}): OutcomeEvent {
  return { id: ++nextId, leadId, type, at, data };
}
const closing = (leadId: string, type: "disqualified" | "lost", at: number, reason: string, source: string | null, campaign: string | null, reasonLabel = reason) =>
  event(leadId, type, at, { reason, reasonLabel, note: null, source, campaign });
const reopened = (leadId: string, at: number) => event(leadId, "stage_changed", at, { from: "lost", to: "contacted", fromMilestone: "lost", toMilestone: "contacted" });

const reasons = { disqualified: DEFAULT_PIPELINE.disqualificationReasons, lost: DEFAULT_PIPELINE.lostReasons };
const range = { from: 1_000, to: 2_000 };

// Hand-computed, range [1000, 2000):
// l1, l2  disqualified no_budget google/spring                       → dq google/spring/no_budget 2
// l3      lost price, reopened, disqualified poor_fit google/spring   → dq google/spring/poor_fit 1 (its last outcome only)
// l4      disqualified spam, then requalified                         → not counted
// l5      lost price linkedin/(none)                                  → lost linkedin/-/price 1
// l6      lost before the range                                       → not counted
// l7      lost price google/spring, won after the range               → lost google/spring/price (with l14: 2)
// l8      disqualified other at 1999 (no source, no campaign)         → dq -/-/other 1
// l9      disqualified at 2000: the range excludes its end            → not counted
// l10     stage_changed into lost then lost timing, same instant      → lost google/summer/timing 1
// l11     lost, reopened, won                                         → not counted
// l12     disqualified with a reason since removed from the list      → dq google/spring/retired_reason 1, label kept from the event
// l14     lost price google/spring                                    → lost google/spring/price
const fixture: OutcomeEvent[] = [
  closing("l1", "disqualified", 1_100, "no_budget", "google", "spring"),
  closing("l2", "disqualified", 1_200, "no_budget", "google", "spring"),
  closing("l3", "lost", 1_300, "price", "google", "spring"),
  reopened("l3", 1_400),
  closing("l3", "disqualified", 1_500, "poor_fit", "google", "spring"),
  closing("l4", "disqualified", 1_100, "spam", "linkedin", null),
  event("l4", "requalified", 1_200),
  closing("l5", "lost", 1_500, "price", "linkedin", null),
  closing("l6", "lost", 900, "competitor", "google", "spring"),
  closing("l7", "lost", 1_600, "price", "google", "spring"),
  event("l7", "won", 2_100, { amountCents: 100_00 }),
  closing("l8", "disqualified", 1_999, "other", null, null),
  closing("l9", "disqualified", 2_000, "spam", "google", "spring"),
  event("l10", "stage_changed", 1_700, { from: "proposal", to: "lost", fromMilestone: "proposal", toMilestone: "lost" }),
  closing("l10", "lost", 1_700, "timing", "google", "summer"),
  closing("l11", "lost", 1_050, "price", "google", "spring"),
  reopened("l11", 1_060),
  event("l11", "won", 1_070, { amountCents: 5_00 }),
  closing("l12", "disqualified", 1_300, "retired_reason", "google", "spring", "Old label"),
  closing("l14", "lost", 1_900, "price", "google", "spring"),
];

describe("outcomeReasonCounts", () => {
  it("matches the hand-computed fixture, each lead once as its latest outcome in the range", () => {
    expect(outcomeReasonCounts(fixture, range, reasons)).toEqual({
      disqualified: [
        { source: "google", campaign: "spring", reason: "no_budget", label: "No budget", count: 2 },
        { source: null, campaign: null, reason: "other", label: "Other", count: 1 },
        { source: "google", campaign: "spring", reason: "poor_fit", label: "Poor fit", count: 1 },
        { source: "google", campaign: "spring", reason: "retired_reason", label: "Old label", count: 1 },
      ],
      lost: [
        { source: "google", campaign: "spring", reason: "price", label: "Price", count: 2 },
        { source: "google", campaign: "summer", reason: "timing", label: "Timing", count: 1 },
        { source: "linkedin", campaign: null, reason: "price", label: "Price", count: 1 },
      ],
    });
  });

  it("orders by time then log id, whatever order the events arrive in", () => {
    expect(outcomeReasonCounts([...fixture].reverse(), range, reasons)).toEqual(outcomeReasonCounts(fixture, range, reasons));
  });

  it("is empty when nothing closed in the range", () => {
    expect(outcomeReasonCounts(fixture, { from: 3_000, to: 4_000 }, reasons)).toEqual({ disqualified: [], lost: [] });
  });
});

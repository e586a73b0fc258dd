import { describe, expect, it } from "vitest";
import { DEFAULT_PIPELINE } from "../../../../src/domain/pipeline/pipeline-config.js";
import { formatDateTime } from "../../format/format-time.js";
import { eventName } from "./event-labels.js";
import { eventSummary } from "./event-summary.js";

const AT = Date.parse("2026-03-02T10:00:00Z");
const context = { team: [{ id: "user_rico", name: "Rico Rep", email: "rico@example.com", role: "rep" as const, timezone: "UTC", isActive: true, createdAt: "2026-01-01T00:00:00.000Z" }], timeZone: "UTC", pipeline: DEFAULT_PIPELINE };
const summary = (type: string, data: Record<string, unknown>) => eventSummary(type, data, context);

describe("pipeline events in words", () => {
  it("names every pipeline event type", () => {
    const types = ["stage_changed", "won", "lost", "proposal_sent", "next_step_set", "next_step_rescheduled", "next_step_done", "next_step_due", "next_step_overdue", "qualification_answered", "qualified", "disqualified", "requalified", "meeting_booked", "meeting_rescheduled", "meeting_held", "no_show", "meeting_canceled", "readiness_checked", "objection_logged"];
    expect(types.map(eventName)).toEqual(["Stage changed", "Won", "Lost", "Proposal sent", "Next step set", "Next step rescheduled", "Next step done", "Next step due", "Next step overdue", "Qualification answered", "Qualified", "Disqualified", "Requalified", "Meeting booked", "Meeting rescheduled", "Meeting held", "No-show", "Meeting canceled", "Readiness checked", "Objection logged"]);
  });

  it("tells a stage move by stage names, with the checklist items skipped", () => {
    expect(summary("stage_changed", { from: "contacted", to: "qualified", missingItems: ["discovery_booked"] })).toBe("Contacted → Qualified. Exit checklist incomplete: Discovery call booked.");
    expect(summary("stage_changed", { from: "proposal", to: "won", missingItems: [] })).toBe("Proposal → Won.");
  });

  it("gives amounts in major units, reasons by label and a proposal's expectation mismatch", () => {
    expect(summary("won", { amountCents: 1_250_000 })).toBe("For 12,500.");
    expect(summary("lost", { reason: "other", reasonLabel: "Other", note: "Built it in-house" })).toBe("Other: Built it in-house");
    expect(summary("disqualified", { reason: "spam", reasonLabel: "Spam", note: null })).toBe("Spam.");
    expect(summary("proposal_sent", { amountCents: 1_450_000, priceAnchorCents: 1_000_000, deviationPercent: 45, isExpectationMismatch: true })).toBe(
      "For 14,500. Expectation mismatch: 45% above the campaign's price anchor of 10,000.",
    );
  });

  it("says what the next step is, when it is due and whose it is", () => {
    expect(summary("next_step_set", { action: "Call back", dueAt: AT, ownerId: "user_rico" })).toBe(`Call back, due ${formatDateTime("2026-03-02T10:00:00Z", "UTC")} (Rico Rep).`);
    expect(summary("next_step_done", { action: "Call back", outcome: "Demo agreed" })).toBe("Call back → Demo agreed");
    const rescheduled = summary("next_step_rescheduled", { action: "Call back", dueAt: AT + 86_400_000, ownerId: "user_rico", previous: { action: "Call back", dueAt: AT } });
    expect(rescheduled).toBe(`Call back, due ${formatDateTime("2026-03-03T10:00:00Z", "UTC")} (Rico Rep). Was due ${formatDateTime("2026-03-02T10:00:00Z", "UTC")}.`);
  });

  it("lists qualification answers by criterion label, with the cost of inaction", () => {
    const answers = [
      { criterion: "budget", answer: "yes", notes: "20k" },
      { criterion: "timeline", answer: "unknown", notes: null },
    ];
    expect(summary("qualification_answered", { answers, costOfInaction: "Losing 3 deals a month" })).toBe("Budget: yes (20k); Timeline: unknown. Why now: Losing 3 deals a month");
  });

  it("reads meetings, the readiness check and objections", () => {
    expect(summary("meeting_booked", { provider: "calcom", startsAt: AT, isFirst: true })).toMatch(/^First meeting\. .+ via Cal\.com\.$/);
    expect(summary("meeting_rescheduled", { provider: "manual", fromStartsAt: AT, startsAt: AT + 3_600_000, title: "Demo" })).toMatch(/^Demo\. Moved from .+ to .+\.$/);
    expect(summary("readiness_checked", { understandsProblem: true, understandsApproach: false, readyToEvaluate: false })).toBe("Belief debt 2 of 3: not there on the approach and being ready to evaluate.");
    expect(summary("objection_logged", { objectionName: "Too expensive", notes: "Compared with a freelancer" })).toBe("Too expensive: Compared with a freelancer");
    expect(summary("requalified", { previousReason: "other", status: "in_progress" })).toBe("Back to qualifying.");
    expect(summary("requalified", {})).toBeNull();
  });
});

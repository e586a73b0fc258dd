import { describe, expect, it } from "vitest";
import { attentionSummary, isUrgentReason, REASON_LABELS, reasonText } from "./attention-reasons.js";

describe("attention reasons in words", () => {
  it("names every reason and adds the API's detail when it says more", () => {
    expect(Object.keys(REASON_LABELS)).toEqual(["sla_breached", "reply_waiting", "next_step_overdue", "sla_at_risk", "no_next_step", "stalled"]);
    expect(reasonText({ code: "next_step_overdue", detail: "Call back about pricing" })).toBe("Next step overdue: Call back about pricing");
    expect(reasonText({ code: "no_next_step", detail: "" })).toBe("No next step");
    expect(reasonText({ code: "stalled", detail: "Stalled" })).toBe("Stalled");
  });

  it("treats a breached SLA, a waiting reply and an overdue step as urgent, the rest not", () => {
    expect(["sla_breached", "reply_waiting", "next_step_overdue"].every((code) => isUrgentReason(code as never))).toBe(true);
    expect(["sla_at_risk", "no_next_step", "stalled"].some((code) => isUrgentReason(code as never))).toBe(false);
  });

  it("counts the leads in a sentence", () => {
    expect(attentionSummary(0)).toBe("Nothing needs attention");
    expect(attentionSummary(1)).toBe("1 lead needs attention, most urgent first");
    expect(attentionSummary(4)).toBe("4 leads need attention, most urgent first");
  });
});

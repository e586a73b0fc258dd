import { describe, expect, it } from "vitest";
import { attentionSummary, isUrgentReason, REASON_LABELS, reasonText } from "./attention-reasons.js";

describe("attention reasons in words", () => {
  it("reads the API's detail, and names the reason when the detail is blank", () => {
    expect(Object.keys(REASON_LABELS)).toEqual(["sla_breached", "reply_waiting", "next_step_overdue", "sla_at_risk", "no_next_step", "stalled"]);
    expect(reasonText({ code: "next_step_overdue", detail: "Next step overdue by 3 h" })).toBe("Next step overdue by 3 h");
    expect(reasonText({ code: "no_next_step", detail: " " })).toBe("No next step");
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

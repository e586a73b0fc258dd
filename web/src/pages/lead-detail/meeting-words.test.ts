import { describe, expect, it } from "vitest";
import type { Meeting } from "../../api/meetings.js";
import { meetingAwaitingReadiness, readinessSummary } from "./meeting-words.js";

const meeting = (id: string, overrides: Partial<Meeting>): Meeting => ({ id, leadId: "lead_1", provider: "manual", title: null, startsAt: "2026-03-02T10:00:00.000Z", endsAt: null, status: "booked", isFirst: false, readiness: null, ...overrides });

describe("meetingAwaitingReadiness", () => {
  it("prompts for the first held meeting until its readiness check is answered", () => {
    const first = meeting("m1", { status: "held", isFirst: true });
    expect(meetingAwaitingReadiness([first, meeting("m2", { status: "held" })])?.id).toBe("m1");
    expect(meetingAwaitingReadiness([meeting("m1", { status: "booked", isFirst: true })])).toBeUndefined();
    const answered = { understandsProblem: true, understandsApproach: true, readyToEvaluate: true, notes: null, answeredBy: "user_1", answeredAt: "2026-03-02T11:00:00.000Z" };
    expect(meetingAwaitingReadiness([{ ...first, readiness: answered }])).toBeUndefined();
  });
});

describe("readinessSummary", () => {
  it("counts each no as belief debt and says which", () => {
    expect(readinessSummary({ understandsProblem: true, understandsApproach: true, readyToEvaluate: true })).toBe("Arrived ready: no belief debt.");
    expect(readinessSummary({ understandsProblem: false, understandsApproach: true, readyToEvaluate: true })).toBe("Belief debt 1 of 3: not there on the problem.");
  });
});

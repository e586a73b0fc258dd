import { describe, expect, it } from "vitest";
import { refusalOf } from "../../../test/support/domain-failure.js";
import { firstMeetingId, withFirstFlags } from "./first-meeting.js";
import { answerReadiness, beliefDebtOf, checkMeetingTimes, type Meeting, meetingDurationSeconds, rescheduleMeeting, settleMeeting } from "./meeting.js";

const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return { id: "mtg_1", leadId: "lead_1", provider: "manual", externalId: null, title: null, startsAt: T0 + 24 * HOUR, endsAt: T0 + 24.5 * HOUR, status: "booked", readiness: null, createdAt: T0, updatedAt: T0, ...overrides };
}

const READY = { understandsProblem: true, understandsApproach: true, readyToEvaluate: true, notes: null, answeredBy: "user:rep", answeredAt: T0 };

describe("meeting status", () => {
  it("settles a booked meeting as held, no-show or canceled", () => {
    for (const outcome of ["held", "no_show", "canceled"] as const) {
      expect(settleMeeting(meeting(), outcome, T0 + HOUR)).toMatchObject({ status: outcome, updatedAt: T0 + HOUR });
    }
  });

  it("refuses to change a meeting that already has an outcome", () => {
    for (const status of ["held", "no_show", "canceled"] as const) {
      expect(refusalOf(() => settleMeeting(meeting({ status }), "held", T0))).toEqual({ code: "conflict", field: "status" });
      expect(refusalOf(() => rescheduleMeeting(meeting({ status }), { startsAt: T0, endsAt: null }, null, T0)).code).toBe("conflict");
    }
  });

  it("reschedules a booked meeting to new times and a new booking id", () => {
    const moved = rescheduleMeeting(meeting({ externalId: "old" }), { startsAt: T0 + 48 * HOUR, endsAt: T0 + 49 * HOUR }, "new", T0 + HOUR);
    expect(moved).toMatchObject({ status: "booked", startsAt: T0 + 48 * HOUR, endsAt: T0 + 49 * HOUR, externalId: "new", updatedAt: T0 + HOUR });
  });

  it("wants an end after the start", () => {
    expect(refusalOf(() => checkMeetingTimes({ startsAt: T0, endsAt: T0 }))).toEqual({ code: "invalid", field: "endsAt" });
    expect(() => checkMeetingTimes({ startsAt: T0, endsAt: null })).not.toThrow();
  });

  it("knows a meeting's length when its end is known", () => {
    expect(meetingDurationSeconds({ startsAt: T0, endsAt: T0 + 30 * 60_000 })).toBe(1800);
    expect(meetingDurationSeconds({ startsAt: T0, endsAt: null })).toBeNull();
  });
});

describe("readiness check", () => {
  it("is answered only after a held meeting", () => {
    expect(answerReadiness(meeting({ status: "held" }), READY, T0).readiness).toEqual(READY);
    for (const status of ["booked", "no_show", "canceled"] as const) {
      expect(refusalOf(() => answerReadiness(meeting({ status }), READY, T0)).code).toBe("conflict");
    }
  });

  it("counts each no as belief debt", () => {
    expect(beliefDebtOf({ understandsProblem: true, understandsApproach: true, readyToEvaluate: true })).toBe(0);
    expect(beliefDebtOf({ understandsProblem: true, understandsApproach: false, readyToEvaluate: false })).toBe(2);
    expect(beliefDebtOf({ understandsProblem: false, understandsApproach: false, readyToEvaluate: false })).toBe(3);
  });
});

describe("first meeting", () => {
  it("is the earliest held meeting, whatever was booked before it", () => {
    const meetings = [
      meeting({ id: "later-held", status: "held", startsAt: T0 + 5 * HOUR }),
      meeting({ id: "booked", status: "booked", startsAt: T0 + HOUR }),
      meeting({ id: "held", status: "held", startsAt: T0 + 3 * HOUR }),
    ];
    expect(firstMeetingId(meetings)).toBe("held");
  });

  it("is the earliest booked meeting while none was held; no-shows and cancellations never count", () => {
    const meetings = [
      meeting({ id: "no-show", status: "no_show", startsAt: T0 }),
      meeting({ id: "canceled", status: "canceled", startsAt: T0 + HOUR }),
      meeting({ id: "second", status: "booked", startsAt: T0 + 4 * HOUR }),
      meeting({ id: "first", status: "booked", startsAt: T0 + 2 * HOUR }),
    ];
    expect(firstMeetingId(meetings)).toBe("first");
    expect(withFirstFlags(meetings).map(({ meeting: m, isFirst }) => [m.id, isFirst])).toEqual([
      ["no-show", false],
      ["canceled", false],
      ["first", true],
      ["second", false],
    ]);
  });

  it("is none for a lead without a booked or held meeting", () => {
    expect(firstMeetingId([])).toBeNull();
    expect(firstMeetingId([meeting({ status: "canceled" })])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { refusalOf } from "../../../test/support/domain-failure.js";
import { schedulingFixtureJson } from "../../../test/support/scheduling-fixtures.js";
import { parseCalcomDelivery } from "./calcom-notice.js";

const fieldOfError = (body: unknown) => refusalOf(() => parseCalcomDelivery(body), "invalid").field;

describe("Cal.com deliveries", () => {
  it("reads a new booking: its uid, the booker's email lower-cased, times and title", () => {
    expect(parseCalcomDelivery(schedulingFixtureJson("calcom-booking-created.json"))).toEqual({
      notice: {
        provider: "calcom",
        externalId: "8JxKdQ3vWbN2mZ7pLcR4tY",
        previousExternalId: null,
        kind: "booked",
        attendeeEmail: "dana.whitfield@northwind-dental.example",
        startsAt: Date.UTC(2026, 2, 5, 15, 0),
        endsAt: Date.UTC(2026, 2, 5, 15, 30),
        title: "Discovery Call between Priya Raman and Dana Whitfield",
      },
    });
  });

  it("reads a reschedule as the new booking replacing the one in rescheduleUid", () => {
    expect(parseCalcomDelivery(schedulingFixtureJson("calcom-booking-rescheduled.json"))).toMatchObject({
      notice: { kind: "rescheduled", externalId: "Fh2Ls9QwE4rT6yUiOp1aZx", previousExternalId: "8JxKdQ3vWbN2mZ7pLcR4tY", startsAt: Date.UTC(2026, 2, 6, 16, 30) },
    });
  });

  it("reads cancellations, no-shows (bookingUid, the attendee marked) and ended meetings (booking at the top level)", () => {
    expect(parseCalcomDelivery(schedulingFixtureJson("calcom-booking-cancelled.json"))).toMatchObject({ notice: { kind: "canceled", externalId: "Fh2Ls9QwE4rT6yUiOp1aZx" } });
    expect(parseCalcomDelivery(schedulingFixtureJson("calcom-booking-no-show-updated.json"))).toMatchObject({
      notice: { kind: "no_show", externalId: "Fh2Ls9QwE4rT6yUiOp1aZx", attendeeEmail: "dana.whitfield@northwind-dental.example", startsAt: null },
    });
    expect(parseCalcomDelivery(schedulingFixtureJson("calcom-meeting-ended.json"))).toMatchObject({
      notice: { kind: "held", externalId: "Fh2Ls9QwE4rT6yUiOp1aZx", startsAt: Date.UTC(2026, 2, 6, 16, 30), endsAt: Date.UTC(2026, 2, 6, 17, 0) },
    });
  });

  it("acknowledges triggers that change no meeting, and a no-show update that only unmarks", () => {
    expect(parseCalcomDelivery({ triggerEvent: "BOOKING_PAID", payload: {} })).toHaveProperty("ignoredBecause");
    expect(parseCalcomDelivery({ triggerEvent: "BOOKING_NO_SHOW_UPDATED", payload: { bookingUid: "x", attendees: [{ email: "a@b.example", noShow: false }] } })).toHaveProperty("ignoredBecause");
  });

  it("refuses a malformed payload, naming the field", () => {
    const created = schedulingFixtureJson("calcom-booking-created.json") as { payload: Record<string, unknown> };
    const broken = (changes: Record<string, unknown>) => ({ ...created, payload: { ...created.payload, ...changes } });
    expect(fieldOfError("not an object")).toBe("body");
    expect(fieldOfError({ payload: {} })).toBe("triggerEvent");
    expect(fieldOfError({ triggerEvent: "BOOKING_CREATED" })).toBe("payload");
    expect(fieldOfError(broken({ uid: 42 }))).toBe("payload.uid");
    expect(fieldOfError(broken({ startTime: "next Tuesday" }))).toBe("payload.startTime");
    expect(fieldOfError(broken({ startTime: undefined }))).toBe("payload.startTime");
    expect(fieldOfError(broken({ attendees: [] }))).toBe("payload.attendees");
    expect(fieldOfError(broken({ attendees: [{ email: "not-an-address" }] }))).toBe("payload.attendees.0.email");
    expect(fieldOfError(broken({ attendees: "dana@example.com" }))).toBe("payload.attendees");
  });
});

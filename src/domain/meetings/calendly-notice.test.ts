import { describe, expect, it } from "vitest";
import { refusalOf } from "../../../test/support/domain-failure.js";
import { schedulingFixtureJson } from "../../../test/support/scheduling-fixtures.js";
import { parseCalendlyDelivery } from "./calendly-notice.js";

const FIRST_INVITEE = "https://api.calendly.com/scheduled_events/b7e2d4c9-1a35-4f60-8e27-5c9d0a3f6e18/invitees/2f8b6d1e-9c04-4a73-b2e5-d16a7c3f9084";
const SECOND_INVITEE = "https://api.calendly.com/scheduled_events/e3a9c1f7-62b4-4d08-b5e1-7f2c8d90a4b6/invitees/9a4e7c2b-15d8-4f3a-86c0-e2b9d5f1a763";

const fieldOfError = (body: unknown) => refusalOf(() => parseCalendlyDelivery(body), "invalid").field;

describe("Calendly deliveries", () => {
  it("reads a new invitee: its URI, email lower-cased, the scheduled event's times (microseconds) and name", () => {
    expect(parseCalendlyDelivery(schedulingFixtureJson("calendly-invitee-created.json"))).toEqual({
      notice: {
        provider: "calendly",
        externalId: FIRST_INVITEE,
        previousExternalId: null,
        kind: "booked",
        attendeeEmail: "marcus.okafor@harbor-logistics.example",
        startsAt: Date.UTC(2026, 2, 5, 17, 0),
        endsAt: Date.UTC(2026, 2, 5, 17, 30),
        title: "30 Minute Intro Call",
      },
    });
  });

  it("reads a reschedule from the new invitee's old_invitee, and ignores the canceled old half", () => {
    expect(parseCalendlyDelivery(schedulingFixtureJson("calendly-invitee-created-rescheduled.json"))).toMatchObject({
      notice: { kind: "rescheduled", externalId: SECOND_INVITEE, previousExternalId: FIRST_INVITEE, startsAt: Date.UTC(2026, 2, 9, 14, 0) },
    });
    expect(parseCalendlyDelivery(schedulingFixtureJson("calendly-invitee-canceled-rescheduled.json"))).toHaveProperty("ignoredBecause");
  });

  it("reads cancellations and no-shows of an invitee", () => {
    expect(parseCalendlyDelivery(schedulingFixtureJson("calendly-invitee-canceled.json"))).toMatchObject({ notice: { kind: "canceled", externalId: SECOND_INVITEE, previousExternalId: null } });
    expect(parseCalendlyDelivery(schedulingFixtureJson("calendly-invitee-no-show-created.json"))).toMatchObject({ notice: { kind: "no_show", externalId: SECOND_INVITEE } });
  });

  it("acknowledges events that change no meeting", () => {
    expect(parseCalendlyDelivery({ event: "routing_form_submission.created", payload: {} })).toHaveProperty("ignoredBecause");
  });

  it("refuses a malformed payload, naming the field", () => {
    const created = schedulingFixtureJson("calendly-invitee-created.json") as { payload: Record<string, unknown> };
    const broken = (changes: Record<string, unknown>) => ({ ...created, payload: { ...created.payload, ...changes } });
    expect(fieldOfError([])).toBe("body");
    expect(fieldOfError({ payload: {} })).toBe("event");
    expect(fieldOfError({ event: "invitee.created", payload: null })).toBe("payload");
    expect(fieldOfError(broken({ uri: "" }))).toBe("payload.uri");
    expect(fieldOfError(broken({ email: null }))).toBe("payload.email");
    expect(fieldOfError(broken({ rescheduled: "yes" }))).toBe("payload.rescheduled");
    expect(fieldOfError(broken({ scheduled_event: "https://api.calendly.com/scheduled_events/x" }))).toBe("payload.scheduled_event");
    expect(fieldOfError(broken({ scheduled_event: { start_time: "2026-03-05 17:00" } }))).toBe("payload.scheduled_event.start_time");
  });
});

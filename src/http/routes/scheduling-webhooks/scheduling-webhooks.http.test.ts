import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLead } from "../../../services/capture-leads.js";
import { listLeadEvents } from "../../../store/events.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";
import { calcomSignature, calendlySignature, schedulingFixture } from "../../../../test/support/scheduling-fixtures.js";

const CALCOM_SECRET = "cal-webhook-secret-9d41";
const CALENDLY_KEY = "calendly-signing-key-2b7e";
const CALCOM_FIRST_UID = "8JxKdQ3vWbN2mZ7pLcR4tY";
const CALCOM_MOVED_UID = "Fh2Ls9QwE4rT6yUiOp1aZx";
const CALENDLY_FIRST_INVITEE = "https://api.calendly.com/scheduled_events/b7e2d4c9-1a35-4f60-8e27-5c9d0a3f6e18/invitees/2f8b6d1e-9c04-4a73-b2e5-d16a7c3f9084";
const CALENDLY_SECOND_INVITEE = "https://api.calendly.com/scheduled_events/e3a9c1f7-62b4-4d08-b5e1-7f2c8d90a4b6/invitees/9a4e7c2b-15d8-4f3a-86c0-e2b9d5f1a763";
const MEETING_EVENTS = ["meeting_booked", "meeting_rescheduled", "meeting_held", "no_show", "meeting_canceled", "touch"];

describe.each(ENGINES)("Cal.com and Calendly booking webhooks (%s)", (engine) => {
  let t: TestApp;
  let danaId: string;
  let marcusId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const settings = await t.app.inject({ method: "PATCH", url: "/api/v1/settings", headers: t.as.admin.headers, payload: { calcomWebhookSecret: CALCOM_SECRET, calendlyWebhookSigningKey: CALENDLY_KEY } });
    expect(settings.statusCode, settings.body).toBe(200);
    danaId = (await captureLead(t.ctx, { payload: { email: "dana.whitfield@northwind-dental.example", name: "Dana Whitfield" }, actor: "test" })).leadId;
    marcusId = (await captureLead(t.ctx, { payload: { email: "marcus.okafor@harbor-logistics.example", name: "Marcus Okafor" }, actor: "test" })).leadId;
  });
  afterAll(() => t.destroy());

  const deliver = (provider: "calcom" | "calendly", body: string, headers: Record<string, string>) =>
    t.app.inject({ method: "POST", url: `/api/v1/webhooks/${provider}`, headers: { "content-type": "application/json", ...headers }, payload: body });

  /** A Cal.com fixture delivered as Cal.com would: signed with the workspace secret. */
  function fromCalcom(fixture: string, replacements: Record<string, string> = {}) {
    const body = schedulingFixture(fixture, replacements);
    return deliver("calcom", body, { "x-cal-signature-256": calcomSignature(body, CALCOM_SECRET) });
  }

  /** A Calendly fixture delivered as Calendly would, signed at `signedAt` (default: now). */
  function fromCalendly(fixture: string, replacements: Record<string, string> = {}, signedAt = t.ctx.clock.now()) {
    const body = schedulingFixture(fixture, replacements);
    return deliver("calendly", body, { "calendly-webhook-signature": calendlySignature(body, CALENDLY_KEY, signedAt) });
  }

  const meetingsOf = async (leadId: string) => (await t.app.inject({ method: "GET", url: `/api/v1/leads/${leadId}/meetings`, headers: t.as.manager.headers })).json().items;

  const meetingEventsOf = async (leadId: string) =>
    (await listLeadEvents(t.ctx.db, leadId)).filter((e) => MEETING_EVENTS.includes(e.type)).map(({ type, actor, data }) => ({ type, actor, data }));

  /** Every meeting row and the event count: what "nothing changed" compares. */
  async function everything(): Promise<unknown> {
    const meetings = await t.ctx.db.selectFrom("meetings").selectAll().orderBy("id").execute();
    const events = await t.ctx.db.selectFrom("events").select((eb) => eb.fn.countAll().as("count")).executeTakeFirstOrThrow();
    return { meetings, events: Number(events.count) };
  }

  describe("Cal.com", () => {
    it("a signed booking creates a meeting on the lead matched by the attendee's email, whatever its case", async () => {
      const response = await fromCalcom("calcom-booking-created.json");
      expect(response.statusCode, response.body).toBe(200);
      const { meetingId } = response.json();
      expect(response.json()).toEqual({ matched: true, meetingId: expect.any(String), isChanged: true });
      expect(await meetingsOf(danaId)).toEqual([
        {
          id: meetingId,
          leadId: danaId,
          provider: "calcom",
          title: "Discovery Call between Priya Raman and Dana Whitfield",
          startsAt: "2026-03-05T15:00:00.000Z",
          endsAt: "2026-03-05T15:30:00.000Z",
          status: "booked",
          isFirst: true,
          readiness: null,
        },
      ]);
      expect(await meetingEventsOf(danaId)).toEqual([
        { type: "meeting_booked", actor: "calcom", data: { meetingId, provider: "calcom", startsAt: Date.UTC(2026, 2, 5, 15, 0), endsAt: Date.UTC(2026, 2, 5, 15, 30), title: "Discovery Call between Priya Raman and Dana Whitfield", isFirst: true } },
      ]);
    });

    it("a repeated delivery changes nothing and appends nothing", async () => {
      const before = await everything();
      const again = await fromCalcom("calcom-booking-created.json");
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ matched: true, isChanged: false });
      expect(await everything()).toEqual(before);
    });

    it("a reschedule moves the booked meeting to the new time; held when the meeting ends, with a meeting touch", async () => {
      const [booked] = await meetingsOf(danaId);
      const moved = await fromCalcom("calcom-booking-rescheduled.json");
      expect(moved.json()).toEqual({ matched: true, meetingId: booked.id, isChanged: true });
      expect(await meetingsOf(danaId)).toMatchObject([{ id: booked.id, status: "booked", startsAt: "2026-03-06T16:30:00.000Z", endsAt: "2026-03-06T17:00:00.000Z" }]);
      const beforeRepeat = await everything();
      expect((await fromCalcom("calcom-booking-rescheduled.json")).json()).toMatchObject({ isChanged: false });
      expect(await everything()).toEqual(beforeRepeat);

      expect((await fromCalcom("calcom-meeting-ended.json")).json()).toEqual({ matched: true, meetingId: booked.id, isChanged: true });
      expect((await meetingsOf(danaId))[0]).toMatchObject({ status: "held", isFirst: true });
      expect((await meetingEventsOf(danaId)).slice(1)).toEqual([
        { type: "meeting_rescheduled", actor: "calcom", data: { meetingId: booked.id, provider: "calcom", fromStartsAt: Date.UTC(2026, 2, 5, 15, 0), startsAt: Date.UTC(2026, 2, 6, 16, 30), endsAt: Date.UTC(2026, 2, 6, 17, 0), isFirst: true } },
        { type: "meeting_held", actor: "calcom", data: { meetingId: booked.id, provider: "calcom", startsAt: Date.UTC(2026, 2, 6, 16, 30), isFirst: true, notes: null } },
        { type: "touch", actor: "calcom", data: { channel: "meeting", direction: "out", outcome: null, durationSeconds: 1800, notes: null, isAutomated: false } },
      ]);
      const beforeLateNotice = await everything();
      expect((await fromCalcom("calcom-booking-cancelled.json")).json()).toMatchObject({ matched: true, isChanged: false });
      expect(await everything()).toEqual(beforeLateNotice);
    });

    it("cancellations and no-shows settle their booked meeting", async () => {
      const cancelLater = { [CALCOM_FIRST_UID]: "CancelLaterUid1", [CALCOM_MOVED_UID]: "CancelLaterUid1" };
      const noShow = { [CALCOM_FIRST_UID]: "NoShowUid2", [CALCOM_MOVED_UID]: "NoShowUid2" };
      const canceled = (await fromCalcom("calcom-booking-created.json", cancelLater)).json().meetingId;
      const missed = (await fromCalcom("calcom-booking-created.json", noShow)).json().meetingId;
      expect((await fromCalcom("calcom-booking-cancelled.json", cancelLater)).json()).toEqual({ matched: true, meetingId: canceled, isChanged: true });
      expect((await fromCalcom("calcom-booking-no-show-updated.json", noShow)).json()).toEqual({ matched: true, meetingId: missed, isChanged: true });
      const statuses = Object.fromEntries((await meetingsOf(danaId)).map((m: { id: string; status: string }) => [m.id, m.status]));
      expect([statuses[canceled], statuses[missed]]).toEqual(["canceled", "no_show"]);
      const types = (await meetingEventsOf(danaId)).map((e) => e.type);
      expect(types.slice(-2)).toEqual(["meeting_canceled", "no_show"]);
    });

    it("refuses a missing, wrong or replayed-onto-another-body signature with 401, changing nothing", async () => {
      const body = schedulingFixture("calcom-booking-created.json", { [CALCOM_FIRST_UID]: "NeverStoredUid" });
      const before = await everything();
      const attempts = [
        await deliver("calcom", body, {}),
        await deliver("calcom", body, { "x-cal-signature-256": calcomSignature(body, "someone-elses-secret") }),
        await deliver("calcom", body, { "x-cal-signature-256": calcomSignature(schedulingFixture("calcom-booking-created.json"), CALCOM_SECRET) }),
        await deliver("calcom", body, { "x-cal-signature-256": "not-hex" }),
      ];
      for (const response of attempts) {
        expect(response.statusCode).toBe(401);
        expect(response.headers["content-type"]).toContain("application/problem+json");
        expect(response.json()).toMatchObject({ code: "unauthenticated", field: "X-Cal-Signature-256" });
      }
      expect(await everything()).toEqual(before);
    });

    it("answers 202 {matched:false} for an attendee no lead has, and 400 naming the field for a malformed payload", async () => {
      const before = await everything();
      const stranger = await fromCalcom("calcom-booking-created.json", { "Dana.Whitfield@Northwind-Dental.example": "someone@elsewhere.example", [CALCOM_FIRST_UID]: "StrangerUid" });
      expect(stranger.statusCode).toBe(202);
      expect(stranger.json()).toEqual({ matched: false });
      const malformed = await fromCalcom("calcom-booking-created.json", { '"startTime": "2026-03-05T15:00:00Z"': '"startTime": "soon"' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toMatchObject({ code: "invalid", field: "payload.startTime" });
      const notJson = await deliver("calcom", "{not json", { "x-cal-signature-256": calcomSignature("{not json", CALCOM_SECRET) });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json()).toMatchObject({ field: "body" });
      expect(await everything()).toEqual(before);
    });
  });

  describe("Calendly", () => {
    it("a signed invitee.created books a meeting on the lead matched by email; a repeat changes nothing", async () => {
      const response = await fromCalendly("calendly-invitee-created.json");
      expect(response.statusCode, response.body).toBe(200);
      const { meetingId } = response.json();
      expect(await meetingsOf(marcusId)).toMatchObject([{ id: meetingId, provider: "calendly", title: "30 Minute Intro Call", startsAt: "2026-03-05T17:00:00.000Z", status: "booked", isFirst: true }]);
      expect(await meetingEventsOf(marcusId)).toMatchObject([{ type: "meeting_booked", actor: "calendly", data: { meetingId, provider: "calendly" } }]);
      const before = await everything();
      expect((await fromCalendly("calendly-invitee-created.json")).json()).toMatchObject({ isChanged: false });
      expect(await everything()).toEqual(before);
    });

    it("a reschedule (canceled old half, then the new invitee) moves the meeting; the no-show then settles it", async () => {
      const [booked] = await meetingsOf(marcusId);
      const oldHalf = await fromCalendly("calendly-invitee-canceled-rescheduled.json");
      expect(oldHalf.statusCode).toBe(202);
      expect(oldHalf.json()).toMatchObject({ matched: false, ignoredBecause: expect.any(String) });
      expect((await fromCalendly("calendly-invitee-created-rescheduled.json")).json()).toEqual({ matched: true, meetingId: booked.id, isChanged: true });
      expect(await meetingsOf(marcusId)).toMatchObject([{ id: booked.id, status: "booked", startsAt: "2026-03-09T14:00:00.000Z" }]);
      expect((await fromCalendly("calendly-invitee-no-show-created.json")).json()).toEqual({ matched: true, meetingId: booked.id, isChanged: true });
      expect((await meetingEventsOf(marcusId)).map((e) => e.type)).toEqual(["meeting_booked", "meeting_rescheduled", "no_show"]);
    });

    it("a cancellation settles its booked meeting", async () => {
      const other = { [CALENDLY_FIRST_INVITEE]: `${CALENDLY_FIRST_INVITEE}-b`, [CALENDLY_SECOND_INVITEE]: `${CALENDLY_FIRST_INVITEE}-b` };
      const meetingId = (await fromCalendly("calendly-invitee-created.json", other)).json().meetingId;
      expect((await fromCalendly("calendly-invitee-canceled.json", other)).json()).toEqual({ matched: true, meetingId, isChanged: true });
      expect((await meetingEventsOf(marcusId)).at(-1)).toMatchObject({ type: "meeting_canceled", actor: "calendly", data: { meetingId } });
    });

    it("refuses a stale timestamp, a wrong key or no signature with 401, changing nothing", async () => {
      const fresh = { [CALENDLY_FIRST_INVITEE]: `${CALENDLY_FIRST_INVITEE}-stale` };
      const body = schedulingFixture("calendly-invitee-created.json", fresh);
      const before = await everything();
      const attempts = [
        await fromCalendly("calendly-invitee-created.json", fresh, t.ctx.clock.now() - 4 * 60_000),
        await deliver("calendly", body, { "calendly-webhook-signature": calendlySignature(body, "not-our-key", t.ctx.clock.now()) }),
        await deliver("calendly", body, {}),
      ];
      for (const response of attempts) {
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ code: "unauthenticated", field: "Calendly-Webhook-Signature" });
      }
      expect(await everything()).toEqual(before);
    });
  });

  it("refuses every delivery while no secret is set, even one signed with the old secret", async () => {
    await t.app.inject({ method: "PATCH", url: "/api/v1/settings", headers: t.as.admin.headers, payload: { calcomWebhookSecret: null } });
    const before = await everything();
    const response = await fromCalcom("calcom-booking-created.json", { [CALCOM_FIRST_UID]: "AfterSecretRemoved" });
    expect(response.statusCode).toBe(401);
    expect(await everything()).toEqual(before);
  });
});

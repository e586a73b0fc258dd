import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listLeadEvents } from "../../store/events.js";
import { listLeadMeetings } from "../../store/meetings.js";
import { writeSetting } from "../../store/settings.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { calendlySignature, schedulingFixture } from "../../../test/support/scheduling-fixtures.js";
import { captureLead } from "../capture-leads.js";
import { receiveBookingNotice } from "./receive-booking-notice.js";

const KEY = "calendly-key-for-services";
const FIRST_INVITEE = "https://api.calendly.com/scheduled_events/b7e2d4c9-1a35-4f60-8e27-5c9d0a3f6e18/invitees/2f8b6d1e-9c04-4a73-b2e5-d16a7c3f9084";
const SECOND_INVITEE = "https://api.calendly.com/scheduled_events/e3a9c1f7-62b4-4d08-b5e1-7f2c8d90a4b6/invitees/9a4e7c2b-15d8-4f3a-86c0-e2b9d5f1a763";

describe.each(ENGINES)("receiveBookingNotice on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  let serial = 0;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { poolSize: 4 });
    ctx = testContext(database.db);
    await writeSetting(database.db, "calendlyWebhookSigningKey", KEY, 0);
  });
  afterAll(() => database.destroy());

  /** A lead of its own and the Calendly fixtures rewritten to its email and its own invitee ids. */
  async function freshBooker() {
    const n = ++serial;
    const email = `booker-${n}@lead.example`;
    const { leadId } = await captureLead(ctx, { payload: { email }, actor: "test" });
    const replacements = { "Marcus.Okafor@Harbor-Logistics.example": email, [FIRST_INVITEE]: `${FIRST_INVITEE}-${n}`, [SECOND_INVITEE]: `${SECOND_INVITEE}-${n}` };
    const deliver = (fixture: string) => {
      const body = schedulingFixture(fixture, replacements);
      return receiveBookingNotice(ctx, { provider: "calendly", rawBody: Buffer.from(body), signature: calendlySignature(body, KEY, ctx.clock.now()) });
    };
    return { leadId, deliver };
  }

  it("leaves one booked meeting at the new time whichever half of a reschedule arrives first", async () => {
    for (const order of [["calendly-invitee-canceled-rescheduled.json", "calendly-invitee-created-rescheduled.json"], ["calendly-invitee-created-rescheduled.json", "calendly-invitee-canceled-rescheduled.json"]]) {
      const { leadId, deliver } = await freshBooker();
      await deliver("calendly-invitee-created.json");
      for (const fixture of order) await deliver(fixture);
      expect((await listLeadMeetings(database.db, leadId)).map((m) => [m.status, m.startsAt, m.externalId])).toEqual([["booked", Date.UTC(2026, 2, 9, 14, 0), `${SECOND_INVITEE}-${serial}`]]);
    }
  });

  it("stores a booking once when the same delivery arrives twice at the same moment", async () => {
    const { leadId, deliver } = await freshBooker();
    const receipts = await Promise.all([deliver("calendly-invitee-created.json"), deliver("calendly-invitee-created.json")]);
    expect(receipts.map((r) => r.matched && r.isChanged).sort()).toEqual([false, true]);
    expect(await listLeadMeetings(database.db, leadId)).toHaveLength(1);
    expect((await listLeadEvents(database.db, leadId)).filter((e) => e.type === "meeting_booked")).toHaveLength(1);
  });

  it("books a reschedule whose original it never saw as a new meeting on the attendee's lead", async () => {
    const { leadId, deliver } = await freshBooker();
    expect(await deliver("calendly-invitee-created-rescheduled.json")).toMatchObject({ matched: true, isChanged: true });
    expect((await listLeadMeetings(database.db, leadId)).map((m) => m.status)).toEqual(["booked"]);
    expect((await listLeadEvents(database.db, leadId)).filter((e) => e.type.startsWith("meeting_")).map((e) => e.type)).toEqual(["meeting_booked"]);
  });

  it("matches nothing for an outcome of a booking it never saw", async () => {
    const { leadId, deliver } = await freshBooker();
    expect(await deliver("calendly-invitee-no-show-created.json")).toEqual({ matched: false });
    expect(await listLeadMeetings(database.db, leadId)).toEqual([]);
  });
});

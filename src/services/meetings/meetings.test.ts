import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import { listLeadEvents } from "../../store/events.js";
import { findLeadPipeline } from "../../store/lead-pipeline.js";
import { findLeadById } from "../../store/leads.js";
import { insertUsers } from "../../store/users.js";
import { failureOf } from "../../../test/support/domain-failure.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildPerson } from "../../../test/support/factories.js";
import { captureLeadOwnedBy } from "../../../test/support/owned-lead.js";
import { logTouch } from "../touches/log-touch.js";
import { bookMeeting } from "./book-meeting.js";
import { checkReadiness } from "./check-readiness.js";
import { listLeadMeetings } from "./list-lead-meetings.js";
import { recordMeetingOutcome } from "./record-meeting-outcome.js";

const HOUR = 60 * 60 * 1000;
const READY = { understandsProblem: true, understandsApproach: true, readyToEvaluate: true };

describe.each(ENGINES)("meetings booked, held and checked by people on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  let serial = 0;
  const rita: Principal = { kind: "user", userId: "user_rita", role: "rep" };
  const oscar: Principal = { kind: "user", userId: "user_oscar", role: "rep" };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertUsers(database.db, [buildPerson("user_rita"), buildPerson("user_oscar")]);
  });
  afterAll(() => database.destroy());

  const ritasLead = () => captureLeadOwnedBy(ctx, "user_rita", { email: `meetings-${++serial}@lead.example` });

  const eventsOf = async (leadId: string, types: string[]) =>
    (await listLeadEvents(ctx.db, leadId)).filter((e) => types.includes(e.type)).map(({ type, actor, data }) => ({ type, actor, data }));

  it("books a meeting, records it held with a meeting touch, then the readiness check and its belief debt", async () => {
    const leadId = await ritasLead();
    const startsAt = ctx.clock.now() + 24 * HOUR;
    const booked = await bookMeeting(ctx, rita, leadId, { startsAt, endsAt: startsAt + 45 * 60_000, title: " Discovery call " });
    expect(booked).toMatchObject({ isFirst: true, meeting: { leadId, provider: "manual", status: "booked", title: "Discovery call", readiness: null } });

    ctx.clock.advance(25 * HOUR);
    const held = await recordMeetingOutcome(ctx, rita, booked.meeting.id, { status: "held", notes: "Walked through their follow-up gaps" });
    expect(held).toMatchObject({ isFirst: true, meeting: { status: "held" } });
    const checked = await checkReadiness(ctx, rita, booked.meeting.id, { understandsProblem: true, understandsApproach: false, readyToEvaluate: false, notes: "Had not seen the pricing page" });
    expect(checked.meeting.readiness).toEqual({ understandsProblem: true, understandsApproach: false, readyToEvaluate: false, notes: "Had not seen the pricing page", answeredBy: "user:user_rita", answeredAt: ctx.clock.now() });

    const meetingId = booked.meeting.id;
    expect(await eventsOf(leadId, ["meeting_booked", "meeting_held", "touch", "readiness_checked"])).toEqual([
      { type: "meeting_booked", actor: "user:user_rita", data: { meetingId, provider: "manual", startsAt, endsAt: startsAt + 45 * 60_000, title: "Discovery call", isFirst: true } },
      { type: "meeting_held", actor: "user:user_rita", data: { meetingId, provider: "manual", startsAt, isFirst: true, notes: "Walked through their follow-up gaps" } },
      { type: "touch", actor: "user:user_rita", data: { channel: "meeting", direction: "out", outcome: null, durationSeconds: 2700, notes: "Walked through their follow-up gaps", isAutomated: false } },
      {
        type: "readiness_checked",
        actor: "user:user_rita",
        data: { meetingId, understandsProblem: true, understandsApproach: false, readyToEvaluate: false, beliefDebt: 2, notes: "Had not seen the pricing page", isFirst: true },
      },
    ]);
  });

  it("ends the lead's wait for a reply when a meeting is held: the rep met them", async () => {
    const leadId = await ritasLead();
    await logTouch(ctx, rita, leadId, { channel: "email", direction: "in", outcome: null, durationSeconds: null, notes: "Can we talk Thursday?", isAutomated: false });
    const lead = (await findLeadById(ctx.db, leadId))!;
    expect((await findLeadPipeline(ctx.db, lead)).replyWaitingSince).toBe(ctx.clock.now());
    const { meeting } = await bookMeeting(ctx, rita, leadId, { startsAt: ctx.clock.now() + HOUR });
    expect((await findLeadPipeline(ctx.db, lead)).replyWaitingSince).toBe(ctx.clock.now());
    await recordMeetingOutcome(ctx, rita, meeting.id, { status: "held" });
    expect((await findLeadPipeline(ctx.db, lead)).replyWaitingSince).toBeNull();
  });

  it("records no-shows and cancellations, and the first meeting moves to the next booked one", async () => {
    const leadId = await ritasLead();
    const now = ctx.clock.now();
    const first = await bookMeeting(ctx, rita, leadId, { startsAt: now + HOUR });
    const second = await bookMeeting(ctx, rita, leadId, { startsAt: now + 2 * HOUR });
    const third = await bookMeeting(ctx, rita, leadId, { startsAt: now + 3 * HOUR });
    expect([first.isFirst, second.isFirst, third.isFirst]).toEqual([true, false, false]);

    expect(await recordMeetingOutcome(ctx, rita, first.meeting.id, { status: "no_show" })).toMatchObject({ isFirst: false, meeting: { status: "no_show" } });
    await recordMeetingOutcome(ctx, rita, second.meeting.id, { status: "canceled", notes: "Asked to wait for budget" });
    const listed = await listLeadMeetings(ctx, rita, leadId);
    expect(listed.map((view) => [view.meeting.id, view.meeting.status, view.isFirst])).toEqual([
      [first.meeting.id, "no_show", false],
      [second.meeting.id, "canceled", false],
      [third.meeting.id, "booked", true],
    ]);
    expect(await eventsOf(leadId, ["no_show", "meeting_canceled", "touch"])).toEqual([
      { type: "no_show", actor: "user:user_rita", data: { meetingId: first.meeting.id, provider: "manual", startsAt: now + HOUR, isFirst: true, notes: null } },
      { type: "meeting_canceled", actor: "user:user_rita", data: { meetingId: second.meeting.id, provider: "manual", startsAt: now + 2 * HOUR, isFirst: true, notes: "Asked to wait for budget" } },
    ]);
  });

  it("refuses a second outcome and a readiness check before the meeting was held, changing nothing", async () => {
    const leadId = await ritasLead();
    const { meeting } = await bookMeeting(ctx, rita, leadId, { startsAt: ctx.clock.now() + HOUR });
    expect(await failureOf(checkReadiness(ctx, rita, meeting.id, READY))).toEqual({ code: "conflict", field: "status" });
    await recordMeetingOutcome(ctx, rita, meeting.id, { status: "canceled" });
    expect(await failureOf(recordMeetingOutcome(ctx, rita, meeting.id, { status: "held" }))).toEqual({ code: "conflict", field: "status" });
    expect(await failureOf(checkReadiness(ctx, rita, meeting.id, READY))).toEqual({ code: "conflict", field: "status" });
    expect((await eventsOf(leadId, ["meeting_held", "touch", "readiness_checked"])).length).toBe(0);
  });

  it("refuses an end before the start, naming endsAt", async () => {
    const leadId = await ritasLead();
    const startsAt = ctx.clock.now() + HOUR;
    expect(await failureOf(bookMeeting(ctx, rita, leadId, { startsAt, endsAt: startsAt - 1 }))).toEqual({ code: "invalid", field: "endsAt" });
  });

  it("hides another rep's lead and its meetings: not found, as if they did not exist", async () => {
    const leadId = await ritasLead();
    const { meeting } = await bookMeeting(ctx, rita, leadId, { startsAt: ctx.clock.now() + HOUR });
    expect(await failureOf(bookMeeting(ctx, oscar, leadId, { startsAt: ctx.clock.now() + HOUR }))).toEqual({ code: "not_found", field: "id" });
    expect(await failureOf(listLeadMeetings(ctx, oscar, leadId))).toEqual({ code: "not_found", field: "id" });
    expect(await failureOf(recordMeetingOutcome(ctx, oscar, meeting.id, { status: "held" }))).toEqual({ code: "not_found", field: "id" });
    expect(await failureOf(recordMeetingOutcome(ctx, rita, "mtg_nope", { status: "held" }))).toEqual({ code: "not_found", field: "id" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import type { SequenceStep } from "../../domain/sequences/sequence.js";
import { listLeadEvents } from "../../store/events.js";
import { findLeadById, updateLead } from "../../store/leads.js";
import { listEnrolmentsOfLead, updateEnrolment } from "../../store/sequence-enrolments.js";
import { findSequence } from "../../store/sequences.js";
import { insertSuppression } from "../../store/suppressions.js";
import { findTimerByKey } from "../../store/timers.js";
import { insertUsers } from "../../store/users.js";
import { failureOf } from "../../../test/support/domain-failure.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildPerson } from "../../../test/support/factories.js";
import { captureLeadOwnedBy } from "../../../test/support/owned-lead.js";
import { applyBookingNotice } from "../meetings/apply-booking-notice.js";
import { bookMeeting } from "../meetings/book-meeting.js";
import { moveLeadStage } from "../pipeline/move-lead-stage.js";
import { disqualifyLead } from "../qualification/disqualify-lead.js";
import { archiveSequence } from "./archive-sequence.js";
import { createSequence } from "./create-sequence.js";
import { enrolLead } from "./enrol-lead.js";
import { pauseEnrolment, resumeEnrolment, stopEnrolment } from "./enrolment-actions.js";
import { finishEnrolmentInTransaction } from "./finish-enrolment.js";
import { pauseLiveEnrolmentInTransaction } from "./pause-live-enrolment.js";
import { sequenceResumeTimerKey, sequenceStepTimerKey } from "./sequence-timers.js";
import { updateSequence } from "./update-sequence.js";
import { ALWAYS_OPEN_WINDOW } from "../../../test/support/sequence-fixtures.js";
import { DAY_MS } from "../../domain/time.js";

const MANAGER: Principal = { kind: "user", userId: "user_mgr", role: "manager" };
const REP: Principal = { kind: "user", userId: "user_rep", role: "rep" };
const BUSINESS_HOURS = { startMinute: 540, endMinute: 1020, weekdays: [1, 2, 3, 4, 5] };

const email = (dayOffset: number, window = ALWAYS_OPEN_WINDOW): SequenceStep => ({ dayOffset, channel: "email", subject: "Hello", body: "Hi {{ lead.firstName | default: 'there' }}", window, proofAssetIds: [] });
const call = (dayOffset: number): SequenceStep => ({ dayOffset, channel: "call", subject: "", body: "Call them", window: ALWAYS_OPEN_WINDOW, proofAssetIds: [] });

describe.each(ENGINES)("sequence enrolment on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertUsers(database.db, [buildPerson("user_mgr", { role: "manager" }), buildPerson("user_rep"), buildPerson("user_other")]);
  });
  afterAll(() => database.destroy());

  const followUp = (steps: SequenceStep[], nurtureSequenceId: string | null = null) =>
    createSequence(ctx, MANAGER, { name: ctx.ids("Follow-up"), purpose: "follow_up", steps, nurtureSequenceId, repeatEveryDays: null });
  const leadOf = (ownerId: string, payload: Record<string, unknown> = {}) => captureLeadOwnedBy(ctx, ownerId, { email: `${ctx.ids("ann")}@lead.test`, firstName: "Ann", ...payload });
  const typesOf = async (leadId: string) => (await listLeadEvents(database.db, leadId)).map((event) => event.type).filter((type) => !["created", "assigned", "unassigned", "sla_started", "scored"].includes(type));

  it("enrols a lead at step 0 with its first step timer at the send time in the lead's zone, and appends enrolled", async () => {
    const sequence = await followUp([email(0, BUSINESS_HOURS), call(2)]);
    const leadId = await leadOf("user_rep");
    const lead = (await findLeadById(database.db, leadId))!;
    // Monday 09:00 UTC is 18:00 in Tokyo: the email waits for Tuesday 09:00 Tokyo time (00:00 UTC).
    await updateLead(database.db, { ...lead, custom: { timezone: "Asia/Tokyo" } });
    const enrolment = await enrolLead(ctx, REP, leadId, { sequenceId: sequence.id, isReplacing: false });
    const tuesdayNineTokyo = Date.UTC(2026, 2, 3, 0, 0);
    expect(enrolment).toMatchObject({ status: "active", cycle: 0, nextStepIndex: 0, anchorAt: ctx.clock.now(), nextSendAt: tuesdayNineTokyo, enrolledVia: "manual", enrolledBy: "user:user_rep" });
    expect(await findTimerByKey(database.db, sequenceStepTimerKey(enrolment.id))).toMatchObject({
      task: "sequence-step",
      payload: { enrolmentId: enrolment.id, cycle: 0, stepIndex: 0 },
      runAt: tuesdayNineTokyo,
    });
    const enrolled = (await listLeadEvents(database.db, leadId)).find((event) => event.type === "enrolled")!;
    expect(enrolled).toMatchObject({ actor: "user:user_rep", data: { enrolmentId: enrolment.id, sequenceId: sequence.id, sequenceName: sequence.name, via: "manual" } });
  });

  it("keeps a lead in one sequence: a second enrolment is a conflict, a replacing one stops the first (re_enrolled)", async () => {
    const [first, second] = [await followUp([email(0)]), await followUp([call(0)])];
    const leadId = await leadOf("user_rep");
    const original = await enrolLead(ctx, REP, leadId, { sequenceId: first.id, isReplacing: false });
    expect(await failureOf(enrolLead(ctx, REP, leadId, { sequenceId: second.id, isReplacing: false }))).toEqual({ code: "conflict", field: "sequenceId" });
    const replacement = await enrolLead(ctx, REP, leadId, { sequenceId: second.id, isReplacing: true });
    const [latest, earlier] = await listEnrolmentsOfLead(database.db, leadId);
    expect([latest!.id, latest!.status]).toEqual([replacement.id, "active"]);
    expect(earlier).toMatchObject({ id: original.id, status: "stopped", stopReason: "re_enrolled", endedAt: ctx.clock.now(), nextSendAt: null });
    expect(await findTimerByKey(database.db, sequenceStepTimerKey(original.id))).toBeUndefined();
    expect(await typesOf(leadId)).toEqual(["enrolled", "sequence_stopped", "enrolled"]);
  });

  it("lets only one of two concurrent enrolments win; the other is a conflict", async () => {
    const [first, second] = [await followUp([email(0)]), await followUp([email(0)])];
    const leadId = await leadOf("user_rep");
    const results = await Promise.allSettled([first, second].map((sequence) => enrolLead(ctx, MANAGER, leadId, { sequenceId: sequence.id, isReplacing: false })));
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await failureOf(Promise.reject((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason))).toEqual({ code: "conflict", field: "sequenceId" });
    expect((await listEnrolmentsOfLead(database.db, leadId)).filter((enrolment) => enrolment.status === "active")).toHaveLength(1);
  });

  it("refuses leads it cannot follow up, naming the field, and changes nothing", async () => {
    const emailFirst = await followUp([email(0)]);
    const noEmail = await captureLeadOwnedBy(ctx, "user_rep", { phone: "+14155550100", firstName: "Bo" });
    expect(await failureOf(enrolLead(ctx, REP, noEmail, { sequenceId: emailFirst.id, isReplacing: false }))).toEqual({ code: "invalid", field: "email" });
    const optedOut = await leadOf("user_rep");
    await updateLead(database.db, { ...(await findLeadById(database.db, optedOut))!, isOptedOut: true });
    expect(await failureOf(enrolLead(ctx, REP, optedOut, { sequenceId: emailFirst.id, isReplacing: false }))).toEqual({ code: "invalid", field: "email" });
    const suppressed = await leadOf("user_rep", { email: "gone@bounced.test" });
    await insertSuppression(database.db, { value: "bounced.test", kind: "domain", reason: "manual", leadId: null, note: null, createdBy: "test", createdAt: 0 });
    expect(await failureOf(enrolLead(ctx, REP, suppressed, { sequenceId: emailFirst.id, isReplacing: false }))).toEqual({ code: "invalid", field: "email" });
    expect(await failureOf(enrolLead(ctx, REP, noEmail, { sequenceId: "sequence_missing", isReplacing: false }))).toEqual({ code: "invalid", field: "sequenceId" });
    const disqualified = await leadOf("user_rep");
    await disqualifyLead(ctx, REP, disqualified, { reason: "spam" });
    expect(await failureOf(enrolLead(ctx, REP, disqualified, { sequenceId: emailFirst.id, isReplacing: false }))).toEqual({ code: "conflict", field: undefined });
    for (const leadId of [noEmail, optedOut, suppressed, disqualified]) expect(await listEnrolmentsOfLead(database.db, leadId)).toEqual([]);
    // A sequence that starts with a call needs no email.
    expect(await enrolLead(ctx, REP, noEmail, { sequenceId: (await followUp([call(0), email(3)])).id, isReplacing: false })).toMatchObject({ status: "active" });
  });

  it("lets reps act only on leads they may work", async () => {
    const sequence = await followUp([email(0)]);
    const othersLead = await leadOf("user_other");
    expect(await failureOf(enrolLead(ctx, REP, othersLead, { sequenceId: sequence.id, isReplacing: false }))).toEqual({ code: "not_found", field: "id" });
    await enrolLead(ctx, MANAGER, othersLead, { sequenceId: sequence.id, isReplacing: false });
    expect(await failureOf(stopEnrolment(ctx, REP, othersLead))).toEqual({ code: "not_found", field: "id" });
  });

  it("pauses (step timer cancelled) and resumes at the same step, shifting later steps by the pause", async () => {
    const sequence = await followUp([email(0), email(2)]);
    const leadId = await leadOf("user_rep");
    const enrolment = await enrolLead(ctx, REP, leadId, { sequenceId: sequence.id, isReplacing: false });
    const paused = await pauseEnrolment(ctx, REP, leadId);
    expect(paused).toMatchObject({ status: "paused", pauseReason: "manual", pausedUntil: null, nextSendAt: null });
    expect(await findTimerByKey(database.db, sequenceStepTimerKey(enrolment.id))).toBeUndefined();
    expect(await failureOf(pauseEnrolment(ctx, REP, leadId))).toEqual({ code: "conflict", field: undefined });
    ctx.clock.advance(3 * DAY_MS);
    const resumed = await resumeEnrolment(ctx, REP, leadId);
    expect(resumed).toMatchObject({ status: "active", nextStepIndex: 0, anchorAt: enrolment.anchorAt + 3 * DAY_MS, nextSendAt: ctx.clock.now(), pauseReason: null });
    expect(await findTimerByKey(database.db, sequenceStepTimerKey(enrolment.id))).toMatchObject({ runAt: ctx.clock.now(), payload: { enrolmentId: enrolment.id, cycle: 0, stepIndex: 0 } });
    expect(await failureOf(resumeEnrolment(ctx, REP, leadId))).toEqual({ code: "conflict", field: undefined });
    const events = (await listLeadEvents(database.db, leadId)).filter((event) => event.type.startsWith("sequence_"));
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ["sequence_paused", { enrolmentId: enrolment.id, reason: "manual", until: null }],
      ["sequence_resumed", { enrolmentId: enrolment.id, nextSendAt: ctx.clock.now() }],
    ]);
  });

  it("finishes instead of resuming when the step it was paused at has been edited away", async () => {
    const sequence = await followUp([email(0), email(2)]);
    const leadId = await leadOf("user_rep");
    await enrolLead(ctx, REP, leadId, { sequenceId: sequence.id, isReplacing: false });
    const [enrolment] = await listEnrolmentsOfLead(database.db, leadId);
    await updateEnrolment(database.db, { ...enrolment!, nextStepIndex: 1 });
    await pauseEnrolment(ctx, REP, leadId);
    await updateSequence(ctx, MANAGER, sequence.id, { name: sequence.name, purpose: "follow_up", steps: [email(0)], nurtureSequenceId: null, repeatEveryDays: null });
    expect(await resumeEnrolment(ctx, REP, leadId)).toMatchObject({ id: enrolment!.id, status: "finished", endedAt: ctx.clock.now(), pauseReason: null });
    expect(await findTimerByKey(database.db, sequenceStepTimerKey(enrolment!.id))).toBeUndefined();
  });

  it("pauses until a date with a resume timer, which resuming or stopping cancels", async () => {
    const sequence = await followUp([email(0)]);
    const leadId = await leadOf("user_rep");
    const enrolment = await enrolLead(ctx, REP, leadId, { sequenceId: sequence.id, isReplacing: false });
    const until = ctx.clock.now() + 7 * DAY_MS;
    await ctx.db.transaction().execute((trx) => pauseLiveEnrolmentInTransaction(trx, ctx, { leadId, reason: "out_of_office", until, actor: "system", now: ctx.clock.now() }));
    expect(await findTimerByKey(database.db, sequenceResumeTimerKey(enrolment.id))).toMatchObject({ task: "sequence-resume", payload: { enrolmentId: enrolment.id }, runAt: until });
    await stopEnrolment(ctx, REP, leadId);
    expect(await findTimerByKey(database.db, sequenceResumeTimerKey(enrolment.id))).toBeUndefined();
    expect(await failureOf(stopEnrolment(ctx, REP, leadId))).toEqual({ code: "conflict", field: undefined });
  });

  it("stops on won, lost, disqualified and a booked meeting (by hand or a booking tool), cancelling the timer", async () => {
    const sequence = await followUp([email(0), email(2)]);
    const outcomes: [string, (leadId: string) => Promise<unknown>][] = [
      ["won", (leadId) => moveLeadStage(ctx, REP, leadId, { stage: "won", amount: 1200 })],
      ["lost", (leadId) => moveLeadStage(ctx, REP, leadId, { stage: "lost", reason: "price" })],
      ["disqualified", (leadId) => disqualifyLead(ctx, REP, leadId, { reason: "poor_fit" })],
      ["meeting_booked", (leadId) => bookMeeting(ctx, REP, leadId, { startsAt: ctx.clock.now() + DAY_MS })],
    ];
    for (const [reason, close] of outcomes) {
      const leadId = await leadOf("user_rep");
      const enrolment = await enrolLead(ctx, REP, leadId, { sequenceId: sequence.id, isReplacing: false });
      await close(leadId);
      expect([reason, (await listEnrolmentsOfLead(database.db, leadId))[0]]).toMatchObject([reason, { status: "stopped", stopReason: reason }]);
      expect(await findTimerByKey(database.db, sequenceStepTimerKey(enrolment.id))).toBeUndefined();
      const stopped = (await listLeadEvents(database.db, leadId)).find((event) => event.type === "sequence_stopped")!;
      expect(stopped).toMatchObject({ actor: "user:user_rep", data: { enrolmentId: enrolment.id, sequenceId: sequence.id, reason } });
    }
    const booker = `${ctx.ids("booker")}@lead.test`;
    const bookerLead = await leadOf("user_rep", { email: booker });
    await enrolLead(ctx, REP, bookerLead, { sequenceId: sequence.id, isReplacing: false });
    const startsAt = ctx.clock.now() + DAY_MS;
    await applyBookingNotice(ctx, { provider: "calcom", externalId: ctx.ids("booking"), previousExternalId: null, kind: "booked", attendeeEmail: booker, startsAt, endsAt: startsAt + 1_800_000, title: "Intro" });
    expect((await listEnrolmentsOfLead(database.db, bookerLead))[0]).toMatchObject({ status: "stopped", stopReason: "meeting_booked" });
  });

  it("finishes a follow-up into its nurture sequence, and just finishes when there is none or the lead cannot go", async () => {
    const nurture = await createSequence(ctx, MANAGER, { name: ctx.ids("Monthly"), purpose: "nurture", steps: [email(30)], nurtureSequenceId: null, repeatEveryDays: 30 });
    const sequence = await followUp([email(0)], nurture.id);
    const finish = async (leadId: string) => {
      const [enrolment] = await listEnrolmentsOfLead(database.db, leadId);
      const lead = (await findLeadById(database.db, leadId))!;
      const saved = (await findSequence(database.db, sequence.id))!;
      return ctx.db.transaction().execute((trx) => finishEnrolmentInTransaction(trx, ctx, { enrolment: enrolment!, sequence: saved, lead, now: ctx.clock.now() }));
    };
    const leadId = await leadOf("user_rep");
    const first = await enrolLead(ctx, REP, leadId, { sequenceId: sequence.id, isReplacing: false });
    const { nurture: moved } = await finish(leadId);
    expect(moved).toMatchObject({ sequenceId: nurture.id, status: "active", enrolledVia: "nurture", enrolledBy: "system", nextSendAt: ctx.clock.now() + 30 * DAY_MS });
    expect((await listEnrolmentsOfLead(database.db, leadId))[1]).toMatchObject({ id: first.id, status: "finished", endedAt: ctx.clock.now(), stopReason: null });
    expect(await findTimerByKey(database.db, sequenceStepTimerKey(moved!.id))).toMatchObject({ runAt: ctx.clock.now() + 30 * DAY_MS });
    const events = (await listLeadEvents(database.db, leadId)).filter((event) => ["sequence_finished", "enrolled"].includes(event.type));
    expect(events.slice(1).map((event) => [event.type, event.data.nurtureSequenceId ?? event.data.via])).toEqual([["sequence_finished", nurture.id], ["enrolled", "nurture"]]);

    const optedOut = await leadOf("user_rep");
    await enrolLead(ctx, REP, optedOut, { sequenceId: sequence.id, isReplacing: false });
    await updateLead(database.db, { ...(await findLeadById(database.db, optedOut))!, isOptedOut: true });
    expect((await finish(optedOut)).nurture).toBeUndefined();
    expect((await listEnrolmentsOfLead(database.db, optedOut)).map((enrolment) => enrolment.status)).toEqual(["finished"]);
    expect((await listLeadEvents(database.db, optedOut)).find((event) => event.type === "sequence_finished")!.data).toMatchObject({ nurtureSequenceId: null });
  });

  it("archiving a sequence stops its live enrolments (sequence_archived) and refuses new ones", async () => {
    const sequence = await followUp([email(0)]);
    const [active, paused] = [await leadOf("user_rep"), await leadOf("user_rep")];
    for (const leadId of [active, paused]) await enrolLead(ctx, REP, leadId, { sequenceId: sequence.id, isReplacing: false });
    await pauseEnrolment(ctx, REP, paused);
    expect(await failureOf(archiveSequence(ctx, REP, sequence.id))).toEqual({ code: "forbidden", field: undefined });
    expect(await archiveSequence(ctx, MANAGER, sequence.id)).toMatchObject({ isArchived: true });
    for (const leadId of [active, paused]) expect((await listEnrolmentsOfLead(database.db, leadId))[0]).toMatchObject({ status: "stopped", stopReason: "sequence_archived" });
    expect(await failureOf(enrolLead(ctx, REP, await leadOf("user_rep"), { sequenceId: sequence.id, isReplacing: false }))).toEqual({ code: "invalid", field: "sequenceId" });
  });
});

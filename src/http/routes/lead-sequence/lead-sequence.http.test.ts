import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/support/http.js";
import { captureLeadOwnedBy } from "../../../../test/support/owned-lead.js";
import { listLeadEvents } from "../../../store/events.js";
import { insertSequenceMessage } from "../../../store/sequence-messages.js";
import { isoOf } from "../../instants.js";

const DAY = 24 * 60 * 60 * 1000;

const STEPS = [
  { dayOffset: 0, channel: "email", subject: "Your enquiry", body: "Hi {{ lead.firstName | default: 'there' }}" },
  { dayOffset: 2, channel: "call", body: "Call them" },
  { dayOffset: 5, channel: "email", subject: "Following up", body: "Any questions?" },
];

describe.each(ENGINES)("lead sequence API (%s)", (engine) => {
  let t: TestApp;
  let sequenceId: string;
  let otherSequenceId: string;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const create = (name: string) => t.app.inject({ method: "POST", url: "/api/v1/sequences", headers: t.as.manager.headers, payload: { name, steps: STEPS } });
    sequenceId = (await create("Inbound follow-up")).json().id;
    otherSequenceId = (await create("Event follow-up")).json().id;
  });
  afterAll(() => t.destroy());

  const url = (leadId: string, action = "") => `/api/v1/leads/${leadId}/sequence${action && `/${action}`}`;
  const get = (leadId: string, as: TestUser = t.as.rep) => t.app.inject({ method: "GET", url: url(leadId), headers: as.headers });
  const post = (leadId: string, action: string, payload?: object, as: TestUser = t.as.rep) =>
    t.app.inject({ method: "POST", url: url(leadId, action), headers: as.headers, ...(payload ? { payload } : {}) });
  const enrol = (leadId: string, payload: object = { sequenceId }, as?: TestUser) => post(leadId, "", payload, as);
  const repLead = (fields: object = {}) => captureLeadOwnedBy(t.ctx, t.as.rep.userId, { email: `lead-${++serial}@sequence.example`, firstName: "Ann", ...fields });
  const typesOf = async (leadId: string) => (await listLeadEvents(t.ctx.db, leadId)).map((e) => e.type).filter((type) => type.startsWith("sequence_") || type === "enrolled");

  it("shows a lead in no sequence", async () => {
    const leadId = await repLead();
    const response = await get(leadId);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ live: null, history: [], messages: [], tasks: [] });
  });

  it("enrols a lead and shows the sequence, the next send time and the step; pauses, resumes and stops it", async () => {
    const leadId = await repLead();
    const enrolled = await enrol(leadId);
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const live = enrolled.json().live;
    expect(live).toEqual({
      id: expect.any(String),
      sequenceId,
      sequenceName: "Inbound follow-up",
      status: "active",
      cycle: 0,
      stepCount: 3,
      currentStep: { index: 0, dayOffset: 0, channel: "email", subject: "Your enquiry" },
      // Monday 09:00 UTC is inside the default window in the owner's zone (UTC): day 0 goes out now.
      nextSendAt: isoOf(t.ctx.clock.now()),
      pausedUntil: null,
      pauseReason: null,
      stopReason: null,
      enrolledVia: "manual",
      enrolledBy: `user:${t.as.rep.userId}`,
      enrolledAt: isoOf(t.ctx.clock.now()),
      endedAt: null,
    });
    expect((await get(leadId)).json()).toMatchObject({ live, history: [live] });

    const paused = await post(leadId, "pause");
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json().live).toMatchObject({ status: "paused", pauseReason: "manual", nextSendAt: null });
    expect((await post(leadId, "pause")).statusCode).toBe(409);

    const resumed = await post(leadId, "resume");
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json().live).toMatchObject({ status: "active", pauseReason: null, nextSendAt: expect.any(String) });

    const stopped = await post(leadId, "stop");
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json().live).toBeNull();
    expect(stopped.json().history).toEqual([expect.objectContaining({ status: "stopped", stopReason: "manual", currentStep: null, nextSendAt: null, endedAt: expect.any(String) })]);
    expect((await post(leadId, "stop")).statusCode).toBe(409);
    expect(await typesOf(leadId)).toEqual(["enrolled", "sequence_paused", "sequence_resumed", "sequence_stopped"]);
  });

  it("keeps a lead in one sequence: a second enrolment is a 409 unless it replaces the first", async () => {
    const leadId = await repLead();
    expect((await enrol(leadId)).statusCode).toBe(201);
    const again = await enrol(leadId, { sequenceId: otherSequenceId });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json()).toMatchObject({ code: "conflict" });

    const replaced = await enrol(leadId, { sequenceId: otherSequenceId, isReplacing: true });
    expect(replaced.statusCode, replaced.body).toBe(201);
    const { live, history } = replaced.json();
    expect(live).toMatchObject({ sequenceId: otherSequenceId, sequenceName: "Event follow-up", status: "active" });
    expect(history.map((e: { sequenceId: string; status: string; stopReason: string | null }) => [e.sequenceId, e.status, e.stopReason])).toEqual([
      [otherSequenceId, "active", null],
      [sequenceId, "stopped", "re_enrolled"],
    ]);
  });

  it("lists the lead's sequence emails with their status", async () => {
    const leadId = await repLead();
    const { live } = (await enrol(leadId)).json();
    const queuedAt = t.ctx.clock.now();
    const message = { enrolmentId: live.id, leadId, cycle: 0, mailboxUserId: t.as.rep.userId, toAddress: `lead-${serial}@sequence.example`, inReplyTo: null, bodyText: "Hi Ann", windowEndsAt: queuedAt + DAY, queuedAt };
    await insertSequenceMessage(t.ctx.db, { ...message, id: "sqm_first", stepIndex: 0, messageId: "<sqm_first@test.example>", subject: "Your enquiry", status: "sent", statusDetail: null, sentAt: queuedAt + 1000 });
    await insertSequenceMessage(t.ctx.db, { ...message, id: "sqm_second", stepIndex: 2, messageId: "<sqm_second@test.example>", subject: "Following up", status: "suppressed", statusDetail: "opted out", sentAt: null, queuedAt: queuedAt + DAY });
    const { messages } = (await get(leadId)).json();
    expect(messages).toEqual([
      { id: "sqm_second", enrolmentId: live.id, cycle: 0, stepIndex: 2, toAddress: message.toAddress, subject: "Following up", status: "suppressed", statusDetail: "opted out", queuedAt: isoOf(queuedAt + DAY), sentAt: null },
      { id: "sqm_first", enrolmentId: live.id, cycle: 0, stepIndex: 0, toAddress: message.toAddress, subject: "Your enquiry", status: "sent", statusDetail: null, queuedAt: isoOf(queuedAt), sentAt: isoOf(queuedAt + 1000) },
    ]);
  });

  it.each([
    [{}, "sequenceId"],
    [{ sequenceId: "" }, "sequenceId"],
    [{ sequenceId: "x", isReplacing: "perhaps" }, "isReplacing"],
    [{ sequenceId: "x", startAt: "2026-03-03T09:00:00Z" }, "startAt"],
  ])("refuses an enrolment %j naming %s", async (payload, field) => {
    const leadId = await repLead();
    const response = await enrol(leadId, payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid", field });
    expect(await typesOf(leadId)).toEqual([]);
  });

  it("refuses a lead without an email address for a sequence that starts with an email, and an archived sequence", async () => {
    const phoneOnly = await captureLeadOwnedBy(t.ctx, t.as.rep.userId, { phone: "+1 415 555 0100", firstName: "Phil" });
    const noEmail = await enrol(phoneOnly);
    expect(noEmail.statusCode, noEmail.body).toBe(400);
    expect(noEmail.json()).toMatchObject({ code: "invalid", field: "email" });

    const archivedId = (await t.app.inject({ method: "POST", url: "/api/v1/sequences", headers: t.as.manager.headers, payload: { name: "Retired", steps: STEPS } })).json().id;
    await t.app.inject({ method: "POST", url: `/api/v1/sequences/${archivedId}/archive`, headers: t.as.manager.headers });
    const archived = await enrol(await repLead(), { sequenceId: archivedId });
    expect(archived.statusCode, archived.body).toBe(400);
    expect(archived.json()).toMatchObject({ code: "invalid", field: "sequenceId" });
  });

  it("hides another rep's lead (404 naming id) and lets managers work any lead", async () => {
    const leadId = await repLead();
    expect((await get(leadId, t.as.otherRep)).statusCode).toBe(404);
    const refused = await enrol(leadId, { sequenceId }, t.as.otherRep);
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: "not_found", field: "id" });
    for (const action of ["pause", "resume", "stop"]) expect((await post(leadId, action, undefined, t.as.otherRep)).statusCode).toBe(404);
    expect(await typesOf(leadId)).toEqual([]);

    expect((await enrol(leadId, { sequenceId }, t.as.manager)).statusCode).toBe(201);
    expect((await get(leadId, t.as.manager)).json().live).toMatchObject({ enrolledBy: `user:${t.as.manager.userId}` });
    expect((await post(leadId, "stop", undefined, t.as.admin)).statusCode).toBe(200);
  });
});

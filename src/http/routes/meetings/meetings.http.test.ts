import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLead } from "../../../services/capture-leads.js";
import { listLeadEvents } from "../../../store/events.js";
import { findLeadById, updateLead } from "../../../store/leads.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";
import { isoOf } from "../../instants.js";

const HOUR = 60 * 60 * 1000;

describe.each(ENGINES)("meetings API (%s)", (engine) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const post = (url: string, payload: object, as = t.as.rep) => t.app.inject({ method: "POST", url, headers: as.headers, payload });
  const get = (url: string, as = t.as.rep) => t.app.inject({ method: "GET", url, headers: as.headers });

  async function repLead(): Promise<string> {
    const { leadId } = await captureLead(t.ctx, { payload: { email: `meeting-api-${++serial}@lead.example` }, actor: "test" });
    await updateLead(t.ctx.db, { ...(await findLeadById(t.ctx.db, leadId))!, ownerId: t.as.rep.userId });
    return leadId;
  }

  const MEETING_EVENTS = ["meeting_booked", "meeting_rescheduled", "meeting_held", "no_show", "meeting_canceled", "touch", "readiness_checked"];
  const typesOf = async (leadId: string) => (await listLeadEvents(t.ctx.db, leadId)).map((e) => e.type).filter((type) => MEETING_EVENTS.includes(type));

  it("books a meeting, records it held and answers the readiness check, with events on the lead", async () => {
    const leadId = await repLead();
    const startsAt = isoOf(t.ctx.clock.now() + 24 * HOUR);
    const endsAt = isoOf(t.ctx.clock.now() + 25 * HOUR);
    const booked = await post(`/api/v1/leads/${leadId}/meetings`, { startsAt, endsAt, title: "Discovery call" });
    expect(booked.statusCode, booked.body).toBe(201);
    const meeting = booked.json();
    expect(meeting).toEqual({ id: expect.any(String), leadId, provider: "manual", title: "Discovery call", startsAt, endsAt, status: "booked", isFirst: true, readiness: null });

    const held = await post(`/api/v1/meetings/${meeting.id}/outcome`, { status: "held", notes: "Good call" });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: "held", isFirst: true });

    const checked = await post(`/api/v1/meetings/${meeting.id}/readiness`, { understandsProblem: true, understandsApproach: false, readyToEvaluate: true });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json().readiness).toEqual({ understandsProblem: true, understandsApproach: false, readyToEvaluate: true, notes: null, answeredBy: `user:${t.as.rep.userId}`, answeredAt: isoOf(t.ctx.clock.now()) });

    expect(await typesOf(leadId)).toEqual(["meeting_booked", "meeting_held", "touch", "readiness_checked"]);
    const readiness = (await listLeadEvents(t.ctx.db, leadId)).find((e) => e.type === "readiness_checked")!;
    expect(readiness.data).toMatchObject({ meetingId: meeting.id, beliefDebt: 1 });
    expect((await get(`/api/v1/leads/${leadId}/meetings`)).json()).toEqual({ items: [checked.json()] });
  });

  it("records no-shows and cancellations; a second outcome or an early readiness check is a 409 that changes nothing", async () => {
    const leadId = await repLead();
    const book = async (hours: number) => (await post(`/api/v1/leads/${leadId}/meetings`, { startsAt: isoOf(t.ctx.clock.now() + hours * HOUR) })).json().id as string;
    const missed = await book(1);
    const dropped = await book(2);
    expect((await post(`/api/v1/meetings/${dropped}/readiness`, { understandsProblem: true, understandsApproach: true, readyToEvaluate: true })).statusCode).toBe(409);
    expect((await post(`/api/v1/meetings/${missed}/outcome`, { status: "no_show" })).json()).toMatchObject({ status: "no_show", isFirst: false });
    expect((await post(`/api/v1/meetings/${dropped}/outcome`, { status: "canceled" })).json()).toMatchObject({ status: "canceled" });

    const again = await post(`/api/v1/meetings/${missed}/outcome`, { status: "held" });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "conflict", field: "status" });
    expect(await typesOf(leadId)).toEqual(["meeting_booked", "meeting_booked", "no_show", "meeting_canceled"]);
    expect((await get(`/api/v1/leads/${leadId}/meetings`)).json().items.map((m: { status: string }) => m.status)).toEqual(["no_show", "canceled"]);
  });

  it.each([
    [{}, "startsAt"],
    [{ startsAt: "tomorrow" }, "startsAt"],
    [{ startsAt: 1.5 }, "startsAt"],
    [{ startsAt: Date.UTC(2026, 2, 3) }, "startsAt"],
    [{ startsAt: "2026-06-30T23:59:60Z" }, "startsAt"],
    [{ startsAt: "2026-03-03T00:00:00Z", endsAt: "2026-03-02T00:00:00Z" }, "endsAt"],
    [{ startsAt: "2026-03-03T00:00:00Z", endsAt: 1772496000000 }, "endsAt"],
    [{ startsAt: "2026-03-03T00:00:00Z", title: "x".repeat(301) }, "title"],
    [{ startsAt: "2026-03-03T00:00:00Z", location: "Zoom" }, "location"],
  ])("refuses a booking %j naming %s", async (payload, field) => {
    const leadId = await repLead();
    const response = await post(`/api/v1/leads/${leadId}/meetings`, payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid", field });
    expect(await typesOf(leadId)).toEqual([]);
  });

  it("refuses an unknown outcome, naming status", async () => {
    const leadId = await repLead();
    const meetingId = (await post(`/api/v1/leads/${leadId}/meetings`, { startsAt: isoOf(t.ctx.clock.now() + HOUR) })).json().id;
    const response = await post(`/api/v1/meetings/${meetingId}/outcome`, { status: "booked" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: "status" });
  });

  it("hides another rep's meetings: 404 naming the id", async () => {
    const leadId = await repLead();
    const meetingId = (await post(`/api/v1/leads/${leadId}/meetings`, { startsAt: isoOf(t.ctx.clock.now() + HOUR) })).json().id;
    expect((await get(`/api/v1/leads/${leadId}/meetings`, t.as.otherRep)).statusCode).toBe(404);
    const outcome = await post(`/api/v1/meetings/${meetingId}/outcome`, { status: "held" }, t.as.otherRep);
    expect(outcome.statusCode).toBe(404);
    expect(outcome.json()).toMatchObject({ code: "not_found", field: "id" });
    expect((await post("/api/v1/meetings/mtg_missing/outcome", { status: "held" })).statusCode).toBe(404);
  });
});

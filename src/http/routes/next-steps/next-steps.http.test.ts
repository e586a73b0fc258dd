import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLead } from "../../../services/capture-leads.js";
import { listLeadEvents } from "../../../store/events.js";
import { findLeadPipeline, saveLeadPipeline } from "../../../store/lead-pipeline.js";
import { findLeadById, updateLead } from "../../../store/leads.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/support/http.js";
import { isoOf } from "../../instants.js";

const HOUR = 3_600_000;

describe.each(ENGINES)("next-step routes (%s)", (engine) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const put = (leadId: string, payload: object, as: TestUser = t.as.rep) => t.app.inject({ method: "PUT", url: `/api/v1/leads/${leadId}/next-step`, headers: as.headers, payload });
  const done = (leadId: string, payload: object, as: TestUser = t.as.rep) => t.app.inject({ method: "POST", url: `/api/v1/leads/${leadId}/next-step/done`, headers: as.headers, payload });

  async function repLead(): Promise<string> {
    const { leadId } = await captureLead(t.ctx, { payload: { email: `next-step-http-${++serial}@example.com` }, actor: "test" });
    await updateLead(t.ctx.db, { ...(await findLeadById(t.ctx.db, leadId))!, ownerId: t.as.rep.userId });
    return leadId;
  }

  it("sets, reschedules and completes a next step", async () => {
    const leadId = await repLead();
    const now = t.ctx.clock.now();
    const set = await put(leadId, { action: "Call about the pilot", dueAt: isoOf(now + HOUR) });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ nextStep: { action: "Call about the pilot", dueAt: isoOf(now + HOUR), ownerId: t.as.rep.userId, setAt: isoOf(now), status: "scheduled" } });

    // Any offset is read as the instant it names; the answer is always UTC.
    const inBerlin = "2026-03-02T12:00:00+01:00";
    const moved = await put(leadId, { action: "Call about the pilot", dueAt: inBerlin, ownerId: t.as.otherRep.userId });
    expect(moved.json().nextStep).toMatchObject({ dueAt: "2026-03-02T11:00:00.000Z", ownerId: t.as.otherRep.userId });
    expect((await findLeadPipeline(t.ctx.db, (await findLeadById(t.ctx.db, leadId))!)).nextStep?.dueAt).toBe(Date.parse(inBerlin));

    const finished = await done(leadId, { outcome: "They want a pilot", next: { action: "Send the pilot terms", dueAt: isoOf(now + 24 * HOUR) } });
    expect(finished.statusCode).toBe(200);
    expect(finished.json().nextStep).toMatchObject({ action: "Send the pilot terms", ownerId: t.as.rep.userId, status: "scheduled" });
    expect((await done(leadId, {})).json()).toEqual({ nextStep: null });

    const types = (await listLeadEvents(t.ctx.db, leadId)).map((event) => event.type).filter((type) => type.startsWith("next_step"));
    expect(types).toEqual(["next_step_set", "next_step_rescheduled", "next_step_done", "next_step_set", "next_step_done"]);
  });

  it("names the offending field", async () => {
    const leadId = await repLead();
    const dueAt = isoOf(t.ctx.clock.now() + HOUR);
    const cases: [object, string][] = [
      [{ action: "   ", dueAt }, "action"],
      [{ action: "x".repeat(501), dueAt }, "action"],
      [{ action: "Call", dueAt: t.ctx.clock.now() + HOUR }, "dueAt"],
      [{ action: "Call", dueAt: "tomorrow" }, "dueAt"],
      [{ action: "Call", dueAt: "2026-03-02T10:00:00" }, "dueAt"],
      [{ action: "Call", dueAt: "2026-06-30T23:59:60Z" }, "dueAt"],
      [{ action: "Call", dueAt, ownerId: "user_nobody" }, "ownerId"],
    ];
    for (const [payload, field] of cases) {
      const response = await put(leadId, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ code: "invalid", field });
    }
    expect((await put(leadId, { action: "Call", dueAt: "tomorrow" })).json().detail).toBe("dueAt: must be an ISO 8601 date-time with an offset, such as 2025-03-01T09:30:00Z");
    await put(leadId, { action: "Call", dueAt });
    const badNext = await done(leadId, { next: { action: "Demo", dueAt, ownerId: "user_nobody" } });
    expect(badNext.statusCode).toBe(400);
    expect(badNext.json()).toMatchObject({ code: "invalid", field: "next.ownerId" });
    const badNextDue = await done(leadId, { next: { action: "Demo", dueAt: "2026-06-30T23:59:60Z" } });
    expect(badNextDue.json()).toMatchObject({ code: "invalid", field: "next.dueAt" });
  });

  it("answers 409 for a closed lead and for completing without a next step", async () => {
    const leadId = await repLead();
    const noStep = await done(leadId, {});
    expect(noStep.statusCode).toBe(409);
    const lead = (await findLeadById(t.ctx.db, leadId))!;
    await saveLeadPipeline(t.ctx.db, { ...(await findLeadPipeline(t.ctx.db, lead)), closedAt: t.ctx.clock.now() }, t.ctx.clock.now());
    const closed = await put(leadId, { action: "Call", dueAt: isoOf(t.ctx.clock.now() + HOUR) });
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: "conflict" });
  });

  it("hides another rep's lead (404) but lets a manager set its next step", async () => {
    const leadId = await repLead();
    const payload = { action: "Call", dueAt: isoOf(t.ctx.clock.now() + HOUR) };
    const stranger = await put(leadId, payload, t.as.otherRep);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json()).toMatchObject({ code: "not_found", field: "id" });
    expect((await put(leadId, payload, t.as.manager)).json().nextStep).toMatchObject({ ownerId: t.as.rep.userId });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLead } from "../../../services/capture-leads.js";
import { listLeadEvents } from "../../../store/events.js";
import { findLeadById, updateLead } from "../../../store/leads.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";

describe.each(ENGINES)("touches, handoffs and the queue (%s)", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  async function repLead(email: string, fields: Record<string, unknown> = {}): Promise<string> {
    const { leadId } = await captureLead(t.ctx, { payload: { email, ...fields }, actor: "test" });
    await updateLead(t.ctx.db, { ...(await findLeadById(t.ctx.db, leadId))!, ownerId: t.as.rep.userId });
    return leadId;
  }

  it.each([
    [{ channel: "fax", direction: "out" }, "channel"],
    [{ channel: "call" }, "direction"],
    [{ channel: "call", direction: "out", outcome: "busy" }, "outcome"],
    [{ channel: "call", direction: "out", durationSeconds: -5 }, "durationSeconds"],
  ])("refuses the touch %j naming %s", async (payload, field) => {
    const leadId = await repLead(`touch-${field}@example.com`);
    const response = await t.app.inject({ method: "POST", url: `/api/v1/leads/${leadId}/touches`, headers: t.as.rep.headers, payload });
    expect([response.statusCode, response.json().field]).toEqual([400, field]);
  });

  it("keeps a null duration as null (not 0)", async () => {
    const leadId = await repLead("touch-null@example.com");
    const response = await t.app.inject({ method: "POST", url: `/api/v1/leads/${leadId}/touches`, headers: t.as.rep.headers, payload: { channel: "call", direction: "out", durationSeconds: null, notes: null } });
    expect(response.statusCode).toBe(201);
    expect((await listLeadEvents(t.ctx.db, leadId)).find((e) => e.type === "touch")!.data).toMatchObject({ durationSeconds: null, notes: null });
  });

  it("hands a lead off with the checklist pre-filled, marks what is missing and moves ownership", async () => {
    const leadId = await repLead("handoff@example.com", { company: "Acme", title: "CFO", message: "Pricing for 40 seats", source: "webinar" });
    const draft = await t.app.inject({ method: "GET", url: `/api/v1/leads/${leadId}/handoff-draft`, headers: t.as.rep.headers });
    expect(draft.json()).toMatchObject({ sourceAndCampaign: "webinar", askedFor: "Pricing for 40 seats", qualifyingDetails: "CFO at Acme" });
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/leads/${leadId}/handoffs`,
      headers: t.as.rep.headers,
      payload: { toUserId: t.as.otherRep.userId, reason: "Enterprise deal: to the AE", checklist: { recommendedNextStep: "Demo on Tuesday" } },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().lead).toMatchObject({ ownerId: t.as.otherRep.userId, sla: { status: "running" } });
    const handoff = (await listLeadEvents(t.ctx.db, leadId)).find((e) => e.type === "handed_off")!;
    expect(handoff.data).toMatchObject({ isComplete: false, missingItems: ["contentEngaged"], checklist: { recommendedNextStep: "Demo on Tuesday" } });
    // The rep no longer owns it, so it is no longer theirs to hand off.
    const again = await t.app.inject({ method: "POST", url: `/api/v1/leads/${leadId}/handoffs`, headers: t.as.rep.headers, payload: { toUserId: t.as.manager.userId } });
    expect(again.statusCode).toBe(404);
  });

  it("refuses a handoff to nobody valid, naming toUserId", async () => {
    const leadId = await repLead("handoff-bad@example.com");
    for (const toUserId of ["user_missing", t.as.rep.userId]) {
      const response = await t.app.inject({ method: "POST", url: `/api/v1/leads/${leadId}/handoffs`, headers: t.as.manager.headers, payload: { toUserId } });
      expect([response.statusCode, response.json().field]).toEqual([400, "toUserId"]);
    }
  });

  it("orders the queue by SLA deadline, answered leads last, and keeps reps to their own", async () => {
    const first = await repLead("queue-first@example.com");
    t.ctx.clock.advance(60_000);
    const second = await repLead("queue-second@example.com");
    await t.app.inject({ method: "POST", url: `/api/v1/leads/${first}/touches`, headers: t.as.rep.headers, payload: { channel: "email", direction: "out" } });
    const queue = (await t.app.inject({ method: "GET", url: "/api/v1/queue", headers: t.as.rep.headers })).json().items.map((l: { id: string }) => l.id);
    expect(queue.indexOf(second)).toBeLessThan(queue.indexOf(first));
    const managersView = await t.app.inject({ method: "GET", url: `/api/v1/queue?userId=${t.as.rep.userId}`, headers: t.as.manager.headers });
    expect(managersView.json().items.map((l: { id: string }) => l.id)).toEqual(queue);
    const snooping = await t.app.inject({ method: "GET", url: `/api/v1/queue?userId=${t.as.rep.userId}`, headers: t.as.otherRep.headers });
    expect([snooping.statusCode, snooping.json().field]).toEqual([403, "userId"]);
  });
});

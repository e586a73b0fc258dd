import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextStepTimerKey } from "../../../domain/pipeline/lead-pipeline.js";
import { captureLead } from "../../../services/capture-leads.js";
import { listLeadEvents } from "../../../store/events.js";
import { findLeadById, updateLead } from "../../../store/leads.js";
import { findTimerByKey } from "../../../store/timers.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";
import { isoOf } from "../../instants.js";

const HOUR = 3_600_000;

describe.each(ENGINES)("qualification API (%s)", (engine) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const send = (method: "PUT" | "POST", url: string, payload: object | undefined, as = t.as.rep) =>
    t.app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
  const get = (url: string, as = t.as.rep) => t.app.inject({ method: "GET", url, headers: as.headers });
  const qualify = (leadId: string, payload: object, as = t.as.rep) => send("PUT", `/api/v1/leads/${leadId}/qualification`, payload, as);

  async function repLead(): Promise<string> {
    const { leadId } = await captureLead(t.ctx, { payload: { email: `qualification-${++serial}@example.com`, source: "webinar", campaign: "q2-launch" }, actor: "test" });
    await updateLead(t.ctx.db, { ...(await findLeadById(t.ctx.db, leadId))!, ownerId: t.as.rep.userId });
    return leadId;
  }

  it("answers criteria with who and when, and reaches qualified with its event", async () => {
    const leadId = await repLead();
    const fresh = (await get(`/api/v1/leads/${leadId}/qualification`)).json();
    expect(fresh).toMatchObject({ status: "unqualified", costOfInaction: null, disqualification: null });
    expect(fresh.answers.map((a: { criterion: string }) => a.criterion)).toEqual(["budget", "authority", "need", "timeline"]);

    const partial = await qualify(leadId, { answers: [{ criterion: "budget", answer: "yes", notes: "Signed off" }], costOfInaction: "Missed renewals cost 8k a month" });
    expect(partial.statusCode).toBe(200);
    expect(partial.json()).toMatchObject({ status: "in_progress", costOfInaction: "Missed renewals cost 8k a month" });
    expect(partial.json().answers[0]).toEqual({ criterion: "budget", label: "Budget", question: expect.any(String), answer: "yes", notes: "Signed off", answeredBy: `user:${t.as.rep.userId}`, answeredAt: isoOf(t.ctx.clock.now()) });

    const done = await qualify(leadId, { answers: ["authority", "need", "timeline"].map((criterion) => ({ criterion, answer: "yes" })) }, t.as.manager);
    expect(done.json()).toMatchObject({ status: "qualified", costOfInaction: "Missed renewals cost 8k a month" });
    expect(done.json().answers[1].answeredBy).toBe(`user:${t.as.manager.userId}`);
    const types = (await listLeadEvents(t.ctx.db, leadId)).map((e) => e.type).filter((type) => type.startsWith("quali"));
    expect(types).toEqual(["qualification_answered", "qualification_answered", "qualified"]);
  });

  it.each([
    [{ answers: [{ criterion: "champion", answer: "yes" }] }, "answers.0.criterion"],
    [{ answers: [{ criterion: "budget", answer: "yes" }, { criterion: "need", answer: "maybe" }] }, "answers.1.answer"],
    [{ answers: [{ criterion: "budget", answer: "yes", notes: "x".repeat(2001) }] }, "answers.0.notes"],
    [{ costOfInaction: "x".repeat(2001) }, "costOfInaction"],
    [{}, "answers"],
    [{ answers: [], extra: true }, "extra"],
  ])("PUT qualification %j → 400 naming %s", async (payload, field) => {
    const response = await qualify(await repLead(), payload);
    expect([response.statusCode, response.json().field]).toEqual([400, field]);
  });

  it("disqualifies with a listed reason (note for other), clearing the next step and its timer, then requalifies", async () => {
    const leadId = await repLead();
    await qualify(leadId, { answers: [{ criterion: "need", answer: "yes" }] });
    expect((await send("PUT", `/api/v1/leads/${leadId}/next-step`, { action: "Send the pricing sheet", dueAt: isoOf(t.ctx.clock.now() + HOUR) })).statusCode).toBe(200);
    expect(await findTimerByKey(t.ctx.db, nextStepTimerKey(leadId))).toBeDefined();

    for (const [payload, field] of [[{ reason: "bored" }, "reason"], [{ reason: "other" }, "note"], [{ reason: "other", note: "   " }, "note"]] as const) {
      const refused = await send("POST", `/api/v1/leads/${leadId}/disqualify`, payload);
      expect([refused.statusCode, refused.json().field]).toEqual([400, field]);
    }
    const disqualified = await send("POST", `/api/v1/leads/${leadId}/disqualify`, { reason: "other", note: "Reseller" });
    expect(disqualified.statusCode).toBe(200);
    expect(disqualified.json()).toMatchObject({ status: "disqualified", disqualification: { reason: "other", label: "Other", note: "Reseller", at: isoOf(t.ctx.clock.now()) } });
    expect(await findTimerByKey(t.ctx.db, nextStepTimerKey(leadId))).toBeUndefined();
    expect((await get(`/api/v1/leads/${leadId}/qualification`)).json().status).toBe("disqualified");

    expect((await qualify(leadId, { answers: [{ criterion: "budget", answer: "yes" }] })).statusCode).toBe(409);
    expect((await send("POST", `/api/v1/leads/${leadId}/disqualify`, { reason: "spam" })).statusCode).toBe(409);

    const requalified = await send("POST", `/api/v1/leads/${leadId}/requalify`, undefined);
    expect(requalified.statusCode).toBe(200);
    expect(requalified.json()).toMatchObject({ status: "in_progress", disqualification: null });
    expect((await send("POST", `/api/v1/leads/${leadId}/requalify`, undefined)).statusCode).toBe(409);
    const [event] = (await listLeadEvents(t.ctx.db, leadId)).filter((e) => e.type === "disqualified");
    expect(event!.data).toEqual({ reason: "other", reasonLabel: "Other", note: "Reseller", source: "webinar", campaign: "q2-launch" });
  });

  it("hides another rep's lead: 404 on every qualification route", async () => {
    const leadId = await repLead();
    const responses = [
      await get(`/api/v1/leads/${leadId}/qualification`, t.as.otherRep),
      await qualify(leadId, { answers: [{ criterion: "budget", answer: "yes" }] }, t.as.otherRep),
      await send("POST", `/api/v1/leads/${leadId}/disqualify`, { reason: "spam" }, t.as.otherRep),
      await send("POST", `/api/v1/leads/${leadId}/requalify`, undefined, t.as.otherRep),
    ];
    expect(responses.map((r) => [r.statusCode, r.json().field])).toEqual(Array(4).fill([404, "id"]));
    expect((await get(`/api/v1/leads/${leadId}/qualification`)).json().status).toBe("unqualified");
  });
});

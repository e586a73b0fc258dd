import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LeadEventType } from "../../../domain/lead/lead-event.js";
import { captureLead } from "../../../services/capture-leads.js";
import { appendEvents, listLeadEvents } from "../../../store/events.js";
import { findLeadById, updateLead } from "../../../store/leads.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";

describe.each(ENGINES)("objections, responses, proof and suggestions (%s)", (engine) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const post = (url: string, payload: object, as = t.as.manager) => t.app.inject({ method: "POST", url, headers: as.headers, payload });
  const patch = (url: string, payload: object, as = t.as.manager) => t.app.inject({ method: "PATCH", url, headers: as.headers, payload });
  const get = (url: string, as = t.as.rep) => t.app.inject({ method: "GET", url, headers: as.headers });

  async function repLead(custom: Record<string, unknown> = {}): Promise<string> {
    const { leadId } = await captureLead(t.ctx, { payload: { email: `objection-${++serial}@example.com`, custom }, actor: "test" });
    await updateLead(t.ctx.db, { ...(await findLeadById(t.ctx.db, leadId))!, ownerId: t.as.rep.userId });
    return leadId;
  }

  async function objection(name: string): Promise<string> {
    return (await post("/api/v1/objections", { name, category: "price" })).json().id;
  }

  async function response(objectionId: string, text: string, responseId?: string): Promise<{ id: string; responseId: string }> {
    return (await post(`/api/v1/objections/${objectionId}/responses`, { text, ...(responseId ? { responseId } : {}) })).json();
  }

  /** Won and lost events arrive with the outcomes part of issue 4; until then tests append them directly. */
  async function close(leadId: string, outcome: "won" | "lost" | "disqualified"): Promise<void> {
    await appendEvents(t.ctx.db, [{ leadId, type: outcome as LeadEventType, actor: "test", at: t.ctx.clock.now(), data: {} }]);
  }

  async function heard(objectionId: string, responseVersionId: string, outcome: "won" | "lost" | "disqualified" | "open"): Promise<void> {
    const leadId = await repLead();
    expect((await post(`/api/v1/leads/${leadId}/objections`, { objectionId, responseVersionId }, t.as.rep)).statusCode).toBe(201);
    if (outcome !== "open") await close(leadId, outcome);
  }

  it("versions a response when its wording changes and keeps the old version", async () => {
    const objectionId = await objection("Bad timing");
    const first = await response(objectionId, "What does waiting cost you?");
    const second = await post(`/api/v1/objections/${objectionId}/responses`, { text: "What does each month of waiting cost?", responseId: first.responseId });
    expect(second.json()).toMatchObject({ responseId: first.responseId, version: 2, isCurrent: true });
    const catalog = (await get("/api/v1/objections")).json().items.find((o: { id: string }) => o.id === objectionId);
    expect(catalog.responses.map((r: { version: number; isCurrent: boolean }) => [r.version, r.isCurrent])).toEqual([[1, false], [2, true]]);
  });

  it("ranks responses by win rate, ties by sample size, and matches proof to the objection and industry", async () => {
    const objectionId = await objection("Too expensive");
    const roi = await response(objectionId, "Walk through the ROI example");
    const pilot = await response(objectionId, "Offer a paid pilot");
    const pilotV2 = await response(objectionId, "Offer a two-week paid pilot", pilot.responseId);
    // Hand-computed: roi 2 won / 1 lost / 1 open → 2/3 on 3 closed; pilot v1 won + lost → 1/2 on 2;
    // pilot v2 won + disqualified + won + lost → 2/4 = 1/2 on 4 closed, so it ranks above v1.
    for (const outcome of ["won", "won", "lost", "open"] as const) await heard(objectionId, roi.id, outcome);
    for (const outcome of ["won", "lost"] as const) await heard(objectionId, pilot.id, outcome);
    for (const outcome of ["won", "disqualified", "won", "lost"] as const) await heard(objectionId, pilotV2.id, outcome);

    const other = await objection("Need to check with my boss");
    const generic = (await post("/api/v1/proof-assets", { kind: "roi_example", title: "ROI calculator", url: "https://proof.example/roi", tags: { objectionIds: [objectionId] } })).json();
    const peer = (await post("/api/v1/proof-assets", { kind: "case_study", title: "Clinic case study", url: "https://proof.example/clinic", tags: { objectionIds: [objectionId], industries: ["Healthcare"] } })).json();
    await post("/api/v1/proof-assets", { kind: "testimonial", title: "Boss quote", url: "https://proof.example/boss", tags: { objectionIds: [other] } });

    const leadId = await repLead({ industry: "healthcare" });
    const suggestions = await get(`/api/v1/leads/${leadId}/objection-suggestions?objectionId=${objectionId}`);
    expect(suggestions.statusCode).toBe(200);
    const body = suggestions.json();
    expect(body.responses.map((r: Record<string, unknown>) => [r.id, r.wins, r.losses, r.open, r.sampleSize, r.winRate])).toEqual([
      [roi.id, 2, 1, 1, 3, 2 / 3],
      [pilotV2.id, 2, 2, 0, 4, 0.5],
      [pilot.id, 1, 1, 0, 2, 0.5],
    ]);
    expect(body.proofAssets.map((a: { id: string }) => a.id)).toEqual([peer.id, generic.id]);
    expect(body.industry).toBe("healthcare");
  });

  it("appends objection_logged with the response version used, and counts a lead once per version", async () => {
    const objectionId = await objection("We use a competitor");
    const version = await response(objectionId, "Ask what they would change about it");
    const leadId = await repLead();
    for (let i = 0; i < 2; i++) await post(`/api/v1/leads/${leadId}/objections`, { objectionId, responseVersionId: version.id, notes: " Said it twice " }, t.as.rep);
    const logged = (await listLeadEvents(t.ctx.db, leadId)).filter((e) => e.type === "objection_logged");
    expect(logged).toHaveLength(2);
    expect(logged[0]!.data).toMatchObject({ objectionId, responseVersionId: version.id, responseId: version.responseId, notes: "Said it twice" });
    await close(leadId, "won");
    const [ranked] = (await get(`/api/v1/leads/${leadId}/objection-suggestions?objectionId=${objectionId}`)).json().responses;
    expect(ranked).toMatchObject({ wins: 1, sampleSize: 1, winRate: 1 });
  });

  it.each([
    ["POST", "/api/v1/objections", { name: "X", category: "budget" }, 400, "category"],
    ["POST", "/api/v1/objections", { name: "   ", category: "price" }, 400, "name"],
    ["POST", "/api/v1/proof-assets", { kind: "case_study", title: "Bad link", url: "javascript:alert(1)" }, 400, "url"],
    ["POST", "/api/v1/proof-assets", { kind: "case_study", title: "Unknown tag", url: "https://p.example", tags: { objectionIds: ["objection_nope"] } }, 400, "tags.objectionIds.0"],
    ["PATCH", "/api/v1/objections/objection_nope", { name: "Renamed" }, 404, "id"],
    ["PATCH", "/api/v1/proof-assets/proof_nope", { title: "Renamed" }, 404, "id"],
    ["POST", "/api/v1/objections/objection_nope/responses", { text: "Hello" }, 404, "id"],
  ] as const)("%s %s %j → %i naming %s", async (method, url, payload, status, field) => {
    const response = method === "POST" ? await post(url, payload) : await patch(url, payload);
    expect([response.statusCode, response.json().field]).toEqual([status, field]);
  });

  it("refuses unknown or mismatched ids on a lead, naming the field", async () => {
    const objectionId = await objection("Not a priority");
    const otherId = await objection("Do not trust vendors");
    const foreign = await response(otherId, "Share references");
    const leadId = await repLead();
    const cases: [object, string][] = [
      [{ objectionId: "objection_nope" }, "objectionId"],
      [{ objectionId, responseVersionId: foreign.id }, "responseVersionId"],
      [{ objectionId, extra: 1 }, "extra"],
    ];
    for (const [payload, field] of cases) {
      const logged = await post(`/api/v1/leads/${leadId}/objections`, payload, t.as.rep);
      expect([logged.statusCode, logged.json().field]).toEqual([400, field]);
    }
    expect((await post(`/api/v1/objections/${objectionId}/responses`, { text: "Reword", responseId: foreign.responseId })).json().field).toBe("responseId");
    expect((await get(`/api/v1/leads/${leadId}/objection-suggestions?objectionId=objection_nope`)).json()).toMatchObject({ field: "objectionId" });
    expect((await get(`/api/v1/leads/${leadId}/objection-suggestions`)).json()).toMatchObject({ field: "objectionId" });
  });

  it("hides another rep's lead and refuses retired objections", async () => {
    const objectionId = await objection("Retired one");
    const leadId = await repLead();
    expect((await post(`/api/v1/leads/${leadId}/objections`, { objectionId }, t.as.otherRep)).statusCode).toBe(404);
    expect((await get(`/api/v1/leads/${leadId}/objection-suggestions?objectionId=${objectionId}`, t.as.otherRep)).statusCode).toBe(404);
    expect((await patch(`/api/v1/objections/${objectionId}`, { isActive: false })).json()).toMatchObject({ isActive: false });
    expect((await post(`/api/v1/leads/${leadId}/objections`, { objectionId }, t.as.rep)).json()).toMatchObject({ field: "objectionId" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/support/http.js";
import { captureLeadOwnedBy } from "../../../../test/support/owned-lead.js";

const BUSINESS_HOURS = { startMinute: 540, endMinute: 1020, weekdays: [1, 2, 3, 4, 5] };

/** Day 0 email, day 2 call, day 5 and day 10 emails: the four-step follow-up the editor builds. */
const FOUR_STEPS = [
  { dayOffset: 0, channel: "email", subject: "Your enquiry, {{ lead.firstName }}", body: "Hi {{ lead.firstName }},\n\nThanks for asking about {{ company.name | default: 'us' }}.\n\n{{ owner.name }}" },
  { dayOffset: 2, channel: "call", body: "Call {{ lead.name }} about their enquiry" },
  { dayOffset: 5, channel: "email", subject: "Re: your enquiry", body: "Any questions, {{ lead.firstName }}?", window: { startMinute: 600, endMinute: 960, weekdays: [2, 4] } },
  { dayOffset: 10, channel: "email", subject: "Closing the loop", body: "Shall I close your file?" },
];

describe.each(ENGINES)("sequences API (%s)", (engine) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const send = (method: "POST" | "PUT" | "GET", url: string, payload?: object, as: TestUser = t.as.manager) =>
    t.app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
  const create = (body: object, as?: TestUser) => send("POST", "/api/v1/sequences", body, as);
  const named = (name: string) => `${name} ${++serial}`;

  it("creates a sequence, filling in business hours, no subject on tasks and no proof assets; reads, replaces and archives it", async () => {
    const created = await create({ name: "Inbound follow-up", steps: FOUR_STEPS });
    expect(created.statusCode, created.body).toBe(201);
    const sequence = created.json();
    expect(sequence).toMatchObject({ name: "Inbound follow-up", purpose: "follow_up", nurtureSequenceId: null, repeatEveryDays: null, isArchived: false });
    expect(sequence.steps).toHaveLength(4);
    expect(sequence.steps[0]).toEqual({ ...FOUR_STEPS[0], window: BUSINESS_HOURS, proofAssetIds: [] });
    expect(sequence.steps[1]).toEqual({ ...FOUR_STEPS[1], subject: "", window: BUSINESS_HOURS, proofAssetIds: [] });
    expect(sequence.steps[2].window).toEqual({ startMinute: 600, endMinute: 960, weekdays: [2, 4] });
    expect(sequence.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);

    expect((await send("GET", `/api/v1/sequences/${sequence.id}`, undefined, t.as.rep)).json()).toEqual(sequence);

    const replaced = await send("PUT", `/api/v1/sequences/${sequence.id}`, { name: "Inbound follow-up v2", steps: FOUR_STEPS.slice(0, 2) });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ id: sequence.id, name: "Inbound follow-up v2" });
    expect(replaced.json().steps).toHaveLength(2);

    const archived = await send("POST", `/api/v1/sequences/${sequence.id}/archive`);
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json()).toMatchObject({ id: sequence.id, isArchived: true });
    const changeArchived = await send("PUT", `/api/v1/sequences/${sequence.id}`, { name: "Inbound follow-up v3", steps: FOUR_STEPS });
    expect(changeArchived.statusCode, changeArchived.body).toBe(409);
    const listed = (await send("GET", "/api/v1/sequences", undefined, t.as.rep)).json().items.map((s: { id: string }) => s.id);
    expect(listed).not.toContain(sequence.id);
    const all = (await send("GET", "/api/v1/sequences?includeArchived=true", undefined, t.as.rep)).json().items.map((s: { id: string }) => s.id);
    expect(all).toContain(sequence.id);
  });

  it("links a follow-up to a repeating nurture sequence", async () => {
    const nurture = (await create({ name: named("Monthly nurture"), purpose: "nurture", repeatEveryDays: 30, steps: [{ dayOffset: 0, channel: "email", subject: "News", body: "What is new this month" }] })).json();
    expect(nurture).toMatchObject({ purpose: "nurture", repeatEveryDays: 30 });
    const followUp = await create({ name: named("Follow-up"), nurtureSequenceId: nurture.id, steps: FOUR_STEPS });
    expect(followUp.statusCode, followUp.body).toBe(201);
    expect(followUp.json()).toMatchObject({ nurtureSequenceId: nurture.id });
  });

  it.each([
    [{ steps: FOUR_STEPS }, "name"],
    [{ name: "x".repeat(121), steps: FOUR_STEPS }, "name"],
    [{ name: "No steps", steps: [] }, "steps"],
    [{ name: "Bad offset", steps: [{ dayOffset: -1, channel: "email", subject: "Hi", body: "Hi" }] }, "steps.0.dayOffset"],
    [{ name: "Bad channel", steps: [{ dayOffset: 0, channel: "fax", subject: "Hi", body: "Hi" }] }, "steps.0.channel"],
    [{ name: "Bad weekday", steps: [{ dayOffset: 0, channel: "email", subject: "Hi", body: "Hi", window: { startMinute: 540, endMinute: 1020, weekdays: [8] } }] }, "steps.0.window.weekdays.0"],
    [{ name: "Unknown field", steps: FOUR_STEPS, colour: "blue" }, "colour"],
    [{ name: "Unknown step field", steps: [{ ...FOUR_STEPS[0], delayHours: 3 }] }, "steps.0.delayHours"],
    [{ name: "Offsets go back", steps: [FOUR_STEPS[2], FOUR_STEPS[0]] }, "steps.1.dayOffset"],
    [{ name: "Unknown variable", steps: [FOUR_STEPS[0], { dayOffset: 3, channel: "email", subject: "Hi", body: "Your {{ lead.favouriteColour }} offer" }] }, "steps.1.body"],
    [{ name: "Broken template", steps: [{ dayOffset: 0, channel: "email", subject: "Hi {{ lead.firstName", body: "Hi" }] }, "steps.0.subject"],
    [{ name: "Email without subject", steps: [{ dayOffset: 0, channel: "email", body: "Hi" }] }, "steps.0.subject"],
    [{ name: "Unknown proof asset", steps: [{ ...FOUR_STEPS[0], proofAssetIds: ["proof_missing"] }] }, "steps.0.proofAssetIds.0"],
  ])("refuses %j naming %s", async (body, field) => {
    const response = await create(body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid", field });
  });

  it("refuses a taken name with 409 and an unknown id with 404", async () => {
    const name = named("Taken");
    expect((await create({ name, steps: FOUR_STEPS })).statusCode).toBe(201);
    const again = await create({ name, steps: FOUR_STEPS });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json()).toMatchObject({ code: "conflict", field: "name" });
    expect((await send("GET", "/api/v1/sequences/seq_missing")).statusCode).toBe(404);
    expect((await send("PUT", "/api/v1/sequences/seq_missing", { name: named("Nowhere"), steps: FOUR_STEPS })).statusCode).toBe(404);
  });

  it("lets reps read sequences but not build or archive them", async () => {
    expect((await create({ name: named("Rep's own"), steps: FOUR_STEPS }, t.as.rep)).statusCode).toBe(403);
    const id = (await create({ name: named("Team"), steps: FOUR_STEPS })).json().id;
    expect((await send("PUT", `/api/v1/sequences/${id}`, { name: named("Hijacked"), steps: FOUR_STEPS }, t.as.rep)).statusCode).toBe(403);
    expect((await send("POST", `/api/v1/sequences/${id}/archive`, undefined, t.as.rep)).statusCode).toBe(403);
    expect((await send("GET", "/api/v1/sequences", undefined, t.as.rep)).statusCode).toBe(200);
    expect((await send("POST", "/api/v1/sequences", { name: named("Admin's"), steps: FOUR_STEPS }, t.as.admin)).statusCode).toBe(201);
  });

  it("lists the template variables", async () => {
    const response = await send("GET", "/api/v1/sequences/variables", undefined, t.as.rep);
    expect(response.statusCode).toBe(200);
    const names = response.json().items.map((variable: { name: string }) => variable.name);
    expect(names).toEqual(expect.arrayContaining(["lead.firstName", "lead.company", "owner.name", "company.name", "unsubscribeUrl"]));
    for (const variable of response.json().items) expect(variable.description).not.toBe("");
  });

  describe("preview", () => {
    const preview = (leadId: string, step: object, as: TestUser = t.as.rep) => send("POST", "/api/v1/sequences/preview", { leadId, step }, as);

    it("renders a step for a real lead: its fields and its owner's", async () => {
      const leadId = await captureLeadOwnedBy(t.ctx, t.as.rep.userId, { email: "ann@preview.example", firstName: "Ann", company: "Acme" });
      const response = await preview(leadId, { dayOffset: 0, channel: "email", subject: "Hello {{ lead.firstName }}", body: "{{ lead.company }} and {{ owner.name }}" });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ subject: "Hello Ann", text: expect.stringContaining("Acme and Rita Rep") });
    });

    it("refuses a variable empty on this lead, naming the field and the variable", async () => {
      const leadId = await captureLeadOwnedBy(t.ctx, t.as.rep.userId, { email: "nameless@preview.example" });
      const response = await preview(leadId, { dayOffset: 0, channel: "email", subject: "Hi", body: "Dear {{ lead.firstName }}" });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code: "invalid", field: "step.body", detail: expect.stringContaining("lead.firstName") });
      const withDefault = await preview(leadId, { dayOffset: 0, channel: "email", subject: "Hi", body: "Dear {{ lead.firstName | default: 'there' }}" });
      expect(withDefault.json()).toMatchObject({ text: expect.stringContaining("Dear there") });
    });

    it("refuses a bad step naming its field, and another rep's lead as not found", async () => {
      const leadId = await captureLeadOwnedBy(t.ctx, t.as.rep.userId, { email: "bob@preview.example", firstName: "Bob" });
      const unknown = await preview(leadId, { dayOffset: 0, channel: "email", subject: "{{ lead.shoeSize }}", body: "Hi" });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ field: "step.subject" });
      const missingBody = await preview(leadId, { dayOffset: 0, channel: "email", subject: "Hi" });
      expect(missingBody.json()).toMatchObject({ code: "invalid", field: "step.body" });
      const hidden = await preview(leadId, { dayOffset: 0, channel: "email", subject: "Hi", body: "Hi" }, t.as.otherRep);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json()).toMatchObject({ code: "not_found", field: "leadId" });
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertLeads } from "../../../store/leads.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { buildLead } from "../../../../test/support/factories.js";
import { createTestApp, type TestApp, type TestCaller, type TestUser } from "../../../../test/support/http.js";
import { isoOf } from "../../instants.js";
import { DAY_MS } from "../../../domain/time.js";

describe.each(ENGINES)("pipeline board over HTTP (%s)", (engine) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const get = (url: string, as: TestCaller) => t.app.inject({ method: "GET", url, headers: as.headers });
  const post = (url: string, payload: object, as: TestCaller = t.as.rep) => t.app.inject({ method: "POST", url, headers: as.headers, payload });
  type Column = { stage: { key: string }; total: number; cards: { leadId: string }[] };
  const boardOf = async (as: TestCaller, query = "") => {
    const response = await get(`/api/v1/pipeline/board${query}`, as);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().columns as Column[];
  };
  const totals = (columns: Column[]) => Object.fromEntries(columns.map((column) => [column.stage.key, column.total]));

  async function leadOf(owner: TestUser, stage: string, firstName: string): Promise<string> {
    const lead = buildLead({ id: `lead_board_${++serial}`, email: `board-${serial}@example.com`, firstName, lastName: "Buyer", company: "Acme", ownerId: owner.userId, stage, createdAt: t.ctx.clock.now() });
    await insertLeads(t.ctx.db, [lead]);
    return lead.id;
  }

  it("shows a column per stage with the stage's board fields and cards with what a card needs", async () => {
    const leadId = await leadOf(t.as.rep, "new", "Nora");
    expect((await post(`/api/v1/leads/${leadId}/stage`, { stage: "contacted", nextStep: { action: "Book discovery", dueAt: isoOf(t.ctx.clock.now() + DAY_MS) } })).statusCode).toBe(200);
    t.ctx.clock.advance(8 * DAY_MS);
    const columns = await boardOf(t.as.rep);
    expect(columns.map((column) => column.stage.key)).toEqual(["new", "contacted", "qualified", "proposal", "won", "lost"]);
    const contacted = columns[1]!;
    expect(contacted.stage).toEqual({ key: "contacted", name: "Contacted", milestone: "contacted", checklistMode: "warn", exitChecklist: [{ key: "conversation_held", label: "Two-way conversation held" }, { key: "discovery_booked", label: "Discovery call booked" }], maxDaysInStage: 7 });
    expect(contacted.total).toBe(1);
    expect(contacted.cards).toEqual([
      {
        leadId,
        name: "Nora Buyer",
        company: "Acme",
        ownerId: t.as.rep.userId,
        daysInStage: 8,
        isStalled: true,
        nextStep: { action: "Book discovery", dueAt: isoOf(t.ctx.clock.now() - 7 * DAY_MS), ownerId: t.as.rep.userId, setAt: isoOf(t.ctx.clock.now() - 8 * DAY_MS), status: "scheduled" },
        value: null,
        qualificationStatus: "unqualified",
      },
    ]);
  });

  it("puts won leads in the won column with their amount", async () => {
    const leadId = await leadOf(t.as.rep, "proposal", "Wanda");
    expect((await post(`/api/v1/leads/${leadId}/stage`, { stage: "won", amount: 4_200.25 })).statusCode).toBe(200);
    const won = (await boardOf(t.as.rep)).find((column) => column.stage.key === "won")!;
    expect(won.cards).toEqual([expect.objectContaining({ leadId, value: 4_200.25, isStalled: false, nextStep: null })]);
  });

  it("shows a rep their own leads, refuses someone else's (403 naming ownerId), and lets managers pick", async () => {
    await leadOf(t.as.otherRep, "qualified", "Otto");
    expect(totals(await boardOf(t.as.rep))).toMatchObject({ qualified: 0 });
    const refused = await get(`/api/v1/pipeline/board?ownerId=${t.as.otherRep.userId}`, t.as.rep);
    expect([refused.statusCode, refused.json().field]).toEqual([403, "ownerId"]);
    expect(totals(await boardOf(t.as.manager))).toMatchObject({ contacted: 1, qualified: 1, won: 1 });
    expect(totals(await boardOf(t.as.manager, `?ownerId=${t.as.otherRep.userId}`))).toEqual({ new: 0, contacted: 0, qualified: 1, proposal: 0, won: 0, lost: 0 });
  });

  it("refuses unknown query fields, naming them", async () => {
    const response = await get("/api/v1/pipeline/board?stage=new", t.as.manager);
    expect([response.statusCode, response.json().field]).toEqual([400, "stage"]);
  });
});

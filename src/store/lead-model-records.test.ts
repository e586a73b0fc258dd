import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshLeadPipeline } from "../domain/pipeline/lead-pipeline.js";
import { seedClosedLeads } from "../../test/support/closed-lead-history.js";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestDatabase } from "../../test/support/engines.js";
import { buildLead } from "../../test/support/factories.js";
import { appendEvents } from "./events.js";
import { countClosedLeads, loadClosedModelRecords, loadModelRecords } from "./lead-model-records.js";
import { insertLeadPipelines } from "./lead-pipeline.js";
import { saveLeadSlas } from "./lead-sla.js";
import { insertLeads } from "./leads.js";
import { saveQualificationAnswers } from "./qualification-answers.js";

const HOUR_MS = 60 * 60 * 1000;
const CREATED_AT = REFERENCE_TIME - 10 * 24 * HOUR_MS;
const CLOSED_AT = CREATED_AT + 5 * 24 * HOUR_MS;

const at = (hours: number) => CREATED_AT + hours * HOUR_MS;
const answer = (criterion: string, value: "yes" | "no" | "unknown", answeredAt: number) => ({ criterion, answer: value, notes: null, answeredBy: "user:user_rep", answeredAt });

describe.each(ENGINES)("lead model records on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const db = database.db;
    await insertLeads(db, [
      buildLead({ id: "lead_won", title: "VP Sales", email: "ann@acme.example", source: "referral", custom: { employees: 120, tags: ["x"] }, stage: "won", createdAt: CREATED_AT }),
      buildLead({ id: "lead_open", title: "Analyst", email: "bob@gmail.com", source: "website", stage: "contacted", createdAt: CREATED_AT }),
      buildLead({ id: "lead_dq", stage: "won", createdAt: CREATED_AT }),
    ]);
    await insertLeadPipelines(
      db,
      [
        { ...freshLeadPipeline({ id: "lead_won", createdAt: CREATED_AT }), qualificationStatus: "qualified", closedAt: CLOSED_AT },
        { ...freshLeadPipeline({ id: "lead_dq", createdAt: CREATED_AT }), qualificationStatus: "disqualified", closedAt: CLOSED_AT - HOUR_MS },
      ],
      CLOSED_AT,
    );
    await saveQualificationAnswers(db, "lead_won", [answer("budget", "yes", at(2)), answer("authority", "no", CLOSED_AT + HOUR_MS)]);
    await saveQualificationAnswers(db, "lead_open", [answer("budget", "unknown", at(1))]);
    const clock = { policyId: "sla_standard", startedAt: CREATED_AT, warnAt: at(1), dueAt: at(2), status: "met" as const };
    await saveLeadSlas(db, [{ ...clock, leadId: "lead_won", firstResponseAt: CREATED_AT + 45 * 60_000 }, { ...clock, leadId: "lead_dq", firstResponseAt: CLOSED_AT + HOUR_MS }], CLOSED_AT);
    const event = (leadId: string, type: "touch" | "replied" | "meeting_booked" | "activity" | "won", hours: number, data: Record<string, unknown> = {}) => ({ leadId, type, actor: "user:user_rep", at: at(hours), data });
    const afterClose = (CLOSED_AT - CREATED_AT) / HOUR_MS + 1;
    await appendEvents(db, [
      event("lead_won", "touch", 1, { direction: "out" }),
      event("lead_won", "touch", 3, { direction: "in" }),
      event("lead_won", "replied", 4),
      event("lead_won", "meeting_booked", 5),
      event("lead_won", "activity", 6, { kind: "page_view", url: "https://acme.example/pricing" }),
      event("lead_won", "activity", 7, { kind: "content", url: "https://acme.example/guide" }),
      event("lead_won", "won", afterClose - 1),
      event("lead_won", "touch", afterClose, { direction: "out" }),
      event("lead_won", "activity", afterClose, { kind: "page_view", url: "https://acme.example/" }),
      event("lead_open", "touch", 1),
      event("lead_open", "activity", 2, { kind: "page_view", url: "https://acme.example/" }),
      event("lead_open", "activity", afterClose + 100, { kind: "page_view", url: "https://acme.example/" }),
    ]);
  });
  afterAll(() => database.destroy());

  it("describes a closed lead by what happened before it closed only", async () => {
    const records = await loadModelRecords(database.db, ["lead_won"]);
    expect(records.get("lead_won")).toEqual({
      source: "referral",
      campaign: null,
      channel: null,
      country: null,
      titleSeniority: "executive",
      personalAddress: false,
      "custom.employees": 120,
      "qualification.budget": "yes",
      minutesToFirstResponse: 45,
      touches: 2,
      replies: 1,
      meetingsBooked: 1,
      pageViews: 1,
    });
  });

  it("counts everything on an open lead, and a first response after the close not at all", async () => {
    const records = await loadModelRecords(database.db, ["lead_open", "lead_dq", "lead_missing"]);
    expect(records.get("lead_open")).toMatchObject({ titleSeniority: "individual", personalAddress: true, "qualification.budget": "unknown", minutesToFirstResponse: null, touches: 1, pageViews: 2 });
    expect(records.get("lead_dq")).toMatchObject({ minutesToFirstResponse: null, touches: 0 });
    expect(records.has("lead_missing")).toBe(false);
  });

  it("reads leads in chunks, whatever the number of ids", async () => {
    const ids = [...Array.from({ length: 1200 }, (_, i) => `lead_unknown_${i}`), "lead_open", "lead_won"];
    expect([...(await loadModelRecords(database.db, ids)).keys()].sort()).toEqual(["lead_open", "lead_won"]);
  });

  it("loads the closed leads with their outcomes, oldest close first: a disqualified lead lost even in a won stage", async () => {
    const closed = await loadClosedModelRecords(database.db);
    expect(closed.leadIds).toEqual(["lead_dq", "lead_won"]);
    expect(closed.outcomes).toEqual([false, true]);
    expect(closed.records[1]).toMatchObject({ source: "referral", touches: 2 });
    expect(await countClosedLeads(database.db)).toEqual({ closed: 2, wins: 1 });
  });

  it("counts a seeded history's closed leads and wins", async () => {
    const history = await seedClosedLeads(database.db, { count: 30, wins: 7, prefix: "count" });
    const closed = await loadClosedModelRecords(database.db);
    expect(closed.leadIds).toHaveLength(32);
    expect(closed.outcomes.filter(Boolean)).toHaveLength(8);
    expect(closed.leadIds).toEqual(expect.arrayContaining(history.leadIds));
    expect(await countClosedLeads(database.db)).toEqual({ closed: 32, wins: 8 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshLeadPipeline, type LeadPipeline } from "../domain/pipeline/lead-pipeline.js";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestDatabase } from "../../test/support/engines.js";
import { buildLead, buildPerson } from "../../test/support/factories.js";
import { insertLeads } from "./leads.js";
import { findLeadPipeline, findLeadPipelines, saveLeadPipeline } from "./lead-pipeline.js";
import { insertUsers } from "./users.js";

const lead = (id: string) => buildLead({ id, email: `${id}@lead.test` });


describe.each(ENGINES)("lead pipeline store on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await insertUsers(database.db, [buildPerson("user_1")]);
    await insertLeads(database.db, [lead("lead_a"), lead("lead_b")]);
  });
  afterAll(() => database.destroy());

  it("gives a never-worked lead its fresh state, entered at capture", async () => {
    expect(await findLeadPipeline(database.db, lead("lead_a"))).toEqual(freshLeadPipeline(lead("lead_a")));
  });

  it("round-trips every field and overwrites on a second save", async () => {
    const worked: LeadPipeline = {
      ...freshLeadPipeline(lead("lead_a")),
      stageEnteredAt: REFERENCE_TIME + 1,
      qualificationStatus: "disqualified",
      disqualificationReason: "other",
      disqualificationNote: "Reseller",
      costOfInaction: "Losing 3 deals a month",
      nextStep: { action: "Call back", dueAt: REFERENCE_TIME + 2, ownerId: "user_1", setAt: REFERENCE_TIME + 1, status: "overdue" },
      valueCents: 1_250_000,
      proposalAmountCents: 1_250_000,
      proposalSentAt: REFERENCE_TIME + 3,
      isExpectationMismatch: true,
      lostReason: "price",
      lostNote: null,
      closedAt: REFERENCE_TIME + 4,
      replyWaitingSince: REFERENCE_TIME + 5,
    };
    await saveLeadPipeline(database.db, worked, REFERENCE_TIME);
    expect(await findLeadPipeline(database.db, lead("lead_a"))).toEqual(worked);
    const cleared = { ...worked, nextStep: null, isExpectationMismatch: false };
    await saveLeadPipeline(database.db, cleared, REFERENCE_TIME + 10);
    const states = await findLeadPipelines(database.db, [lead("lead_a"), lead("lead_b")]);
    expect(states.get("lead_a")).toEqual(cleared);
    expect(states.get("lead_b")).toEqual(freshLeadPipeline(lead("lead_b")));
  });
});

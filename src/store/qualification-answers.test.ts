import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestDatabase, type TestDatabase } from "../../test/support/engines.js";
import { buildLead } from "../../test/support/factories.js";
import { insertLeads } from "./leads.js";
import { listQualificationAnswers, saveQualificationAnswers } from "./qualification-answers.js";


describe.each(ENGINES)("qualification answers store on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await insertLeads(database.db, [buildLead({ id: "lead_a" }), buildLead({ id: "lead_b" })]);
  });
  afterAll(() => database.destroy());

  it("keeps one answer per criterion, the latest with who and when", async () => {
    await saveQualificationAnswers(database.db, "lead_a", [
      { criterion: "need", answer: "unknown", notes: null, answeredBy: "user:u1", answeredAt: 1 },
      { criterion: "budget", answer: "yes", notes: "40k", answeredBy: "user:u1", answeredAt: 1 },
    ]);
    await saveQualificationAnswers(database.db, "lead_a", [{ criterion: "need", answer: "yes", notes: "Three tools today", answeredBy: "user:u2", answeredAt: 2 }]);
    await saveQualificationAnswers(database.db, "lead_b", [{ criterion: "need", answer: "no", notes: null, answeredBy: "api_key:k", answeredAt: 3 }]);
    expect(await listQualificationAnswers(database.db, "lead_a")).toEqual([
      { criterion: "budget", answer: "yes", notes: "40k", answeredBy: "user:u1", answeredAt: 1 },
      { criterion: "need", answer: "yes", notes: "Three tools today", answeredBy: "user:u2", answeredAt: 2 },
    ]);
    expect(await listQualificationAnswers(database.db, "lead_b")).toHaveLength(1);
  });
});

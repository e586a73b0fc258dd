import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestDatabase } from "../../test/support/engines.js";
import { buildLead, buildPerson } from "../../test/support/factories.js";
import { insertUsers } from "./users.js";
import {
  claimMatchKeys,
  countLeads,
  findLeadById,
  findLeadIdsByMatchKeys,
  findLeadsByIds,
  insertLeads,
  listLeads,
  lockLeadsByIds,
  updateLead,
} from "./leads.js";

const HOUR = 3_600_000;


describe.each(ENGINES)("lead store on %s", (engine) => {
  let database: TestDatabase;
  const leads = [
    buildLead({ id: "lead_a", firstName: "Ann", email: "ann@acme.test", company: "Acme 100% Corp", source: "ads", campaign: "spring", ownerId: "user_1", createdAt: REFERENCE_TIME }),
    buildLead({ id: "lead_b", firstName: "Bob", email: "bob@beta.test", company: "Beta_Co", source: "ads", ownerId: "user_2", createdAt: REFERENCE_TIME + HOUR }),
    buildLead({ id: "lead_c", firstName: "Cy", phone: "+14155550100", company: "Gamma", source: "referral", stage: "contacted", createdAt: REFERENCE_TIME + 2 * HOUR }),
    buildLead({ id: "lead_d", firstName: "Di", email: "di@acme.test", source: "ads", campaign: "spring", ownerId: "user_1", createdAt: REFERENCE_TIME + 2 * HOUR, custom: { seats: 5 } }),
  ];

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await insertUsers(database.db, [buildPerson("user_1"), buildPerson("user_2")]);
    await insertLeads(database.db, leads);
  });
  afterAll(() => database.destroy());

  const ids = async (filter: Parameters<typeof listLeads>[1], sort: "created_desc" | "created_asc" = "created_asc") =>
    (await listLeads(database.db, filter, sort, 50, undefined)).map((lead) => lead.id);

  it("round-trips every field, custom fields included", async () => {
    expect(await findLeadById(database.db, "lead_d")).toEqual(leads[3]);
    expect((await findLeadsByIds(database.db, ["lead_a", "lead_c"])).map((l) => l.id).sort()).toEqual(["lead_a", "lead_c"]);
    expect(await countLeads(database.db)).toBe(4);
  });

  it("filters by owner (or none), stage, source, campaign and created range", async () => {
    expect(await ids({ ownerId: "user_1" })).toEqual(["lead_a", "lead_d"]);
    expect(await ids({ ownerId: null })).toEqual(["lead_c"]);
    expect(await ids({ stage: "contacted" })).toEqual(["lead_c"]);
    expect(await ids({ source: "ads", campaign: "spring" })).toEqual(["lead_a", "lead_d"]);
    expect(await ids({ createdFrom: REFERENCE_TIME + HOUR, createdTo: REFERENCE_TIME + 2 * HOUR })).toEqual(["lead_b"]);
    expect(await ids({ visibleToOwnerId: "user_2" })).toEqual(["lead_b"]);
  });

  it("searches name, email and company case-insensitively, taking % and _ literally", async () => {
    expect(await ids({ text: "ACME" })).toEqual(["lead_a", "lead_d"]);
    expect(await ids({ text: "100%" })).toEqual(["lead_a"]);
    expect(await ids({ text: "a_co" })).toEqual(["lead_b"]);
    expect(await ids({ text: "%" })).toEqual(["lead_a"]);
  });

  it("pages by (created, id) in both directions without skipping ties", async () => {
    const pageThrough = async (sort: "created_asc" | "created_desc") => {
      const seen: string[] = [];
      let after: { createdAt: number; id: string } | undefined;
      for (;;) {
        const page = await listLeads(database.db, {}, sort, 1, after);
        if (page.length === 0) return seen;
        seen.push(page[0]!.id);
        after = { createdAt: page[0]!.createdAt, id: page[0]!.id };
      }
    };
    expect(await pageThrough("created_asc")).toEqual(["lead_a", "lead_b", "lead_c", "lead_d"]);
    expect(await pageThrough("created_desc")).toEqual(["lead_d", "lead_c", "lead_b", "lead_a"]);
  });

  it("claims match keys once: a key already taken is reported, not stolen", async () => {
    expect(await claimMatchKeys(database.db, [{ matchKey: "email:ann@acme.test", leadId: "lead_a" }])).toEqual([]);
    const taken = await claimMatchKeys(database.db, [
      { matchKey: "email:ann@acme.test", leadId: "lead_b" },
      { matchKey: "email:bob@beta.test", leadId: "lead_b" },
    ]);
    expect(taken).toEqual(["email:ann@acme.test"]);
    const owners = await findLeadIdsByMatchKeys(database.db, ["email:ann@acme.test", "email:bob@beta.test", "email:nobody@x.test"]);
    expect(Object.fromEntries(owners)).toEqual({ "email:ann@acme.test": "lead_a", "email:bob@beta.test": "lead_b" });
  });

  it("updates a lead inside a locking transaction", async () => {
    await database.db.transaction().execute(async (trx) => {
      const [lead] = await lockLeadsByIds(trx, ["lead_c"]);
      await updateLead(trx, { ...lead!, title: "CEO", updatedAt: REFERENCE_TIME + 5 * HOUR });
    });
    expect(await findLeadById(database.db, "lead_c")).toMatchObject({ title: "CEO", updatedAt: REFERENCE_TIME + 5 * HOUR, createdAt: REFERENCE_TIME + 2 * HOUR });
    expect(await ids({ text: "gamma" })).toEqual(["lead_c"]);
  });
});

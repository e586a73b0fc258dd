import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import type { Lead } from "../../domain/lead/lead.js";
import { insertLeads } from "../../store/leads.js";
import { writeSetting } from "../../store/settings.js";
import { insertUsers } from "../../store/users.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildLead, buildPerson } from "../../../test/support/factories.js";
import { moveLeadStage } from "../pipeline/move-lead-stage.js";
import { disqualifyLead } from "../qualification/disqualify-lead.js";
import { type BoardColumn, readBoard } from "./read-board.js";

const DAY = 24 * 60 * 60 * 1000;
const REP_A: Principal = { kind: "user", userId: "rep_a", role: "rep" };
const REP_B: Principal = { kind: "user", userId: "rep_b", role: "rep" };
const MANAGER: Principal = { kind: "user", userId: "manager", role: "manager" };

describe.each(ENGINES)("readBoard on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  const leads: Record<string, Lead> = {};
  let newLeadIds: string[];

  async function lead(name: string, ownerId: string, stage: string): Promise<Lead> {
    const created = buildLead({ id: `lead_${name}`, email: `${name}@lead.test`, firstName: name, company: "Acme", ownerId, stage, createdAt: ctx.clock.now(), updatedAt: ctx.clock.now() });
    await insertLeads(database.db, [created]);
    leads[name] = created;
    return created;
  }

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertUsers(database.db, [buildPerson("rep_a"), buildPerson("rep_b"), buildPerson("manager", { role: "manager" })]);
    // 52 of rep A's leads captured a second apart, still in New.
    const start = ctx.clock.now();
    const captured = Array.from({ length: 52 }, (_, index) => buildLead({ id: `lead_new_${String(index).padStart(2, "0")}`, ownerId: "rep_a", createdAt: start + index * 1000 }));
    await insertLeads(database.db, captured);
    newLeadIds = captured.map((l) => l.id).reverse();
    await moveLeadStage(ctx, REP_A, (await lead("won_long_ago", "rep_a", "proposal")).id, { stage: "won", amount: 100 });
    ctx.clock.advance(35 * DAY);
    await moveLeadStage(ctx, REP_B, (await lead("won_recent", "rep_b", "proposal")).id, { stage: "won", amount: 12_500.5 });
    await moveLeadStage(ctx, REP_B, (await lead("stalling", "rep_b", "new")).id, { stage: "contacted", nextStep: { action: "Book discovery", dueAt: ctx.clock.now() + 30 * DAY } });
    await lead("qualified", "rep_a", "qualified");
    await disqualifyLead(ctx, REP_A, (await lead("disqualified", "rep_a", "qualified")).id, { reason: "spam" });
    ctx.clock.advance(8 * DAY);
  });
  afterAll(() => database.destroy());

  const summary = (columns: BoardColumn[]) => columns.map((column) => [column.stage.key, column.total, column.cards.length]);
  const column = (columns: BoardColumn[], key: string) => columns.find((c) => c.stage.key === key)!;

  it("has a column per stage in order, totals over all leads and at most 50 cards, newest in stage first", async () => {
    const columns = await readBoard(ctx, MANAGER, { ownerId: undefined });
    expect(summary(columns)).toEqual([
      ["new", 52, 50],
      ["contacted", 1, 1],
      ["qualified", 1, 1],
      ["proposal", 0, 0],
      ["won", 1, 1],
      ["lost", 0, 0],
    ]);
    expect(column(columns, "new").cards.map((card) => card.lead.id)).toEqual(newLeadIds.slice(0, 50));
    expect(column(columns, "won").cards.map((card) => [card.lead.id, card.state.valueCents, card.isStalled])).toEqual([[leads.won_recent!.id, 1_250_050, false]]);
  });

  it("marks cards stalled past their stage's limit, with days in stage and the next step", async () => {
    const columns = await readBoard(ctx, MANAGER, { ownerId: undefined });
    const [stalling] = column(columns, "contacted").cards;
    expect(stalling).toMatchObject({ lead: { id: leads.stalling!.id }, daysInStage: 8, isStalled: true, state: { nextStep: { action: "Book discovery" } } });
    expect(column(columns, "qualified").cards.map((card) => [card.lead.id, card.daysInStage, card.isStalled, card.state.qualificationStatus])).toEqual([
      [leads.qualified!.id, 8, false, "unqualified"],
    ]);
    // The newest was captured 51 s after the start: a little under 43 days ago.
    expect(column(columns, "new").cards[0]).toMatchObject({ daysInStage: 42, isStalled: true });
  });

  it("shows a rep their own leads only, and refuses someone else's", async () => {
    expect(summary(await readBoard(ctx, REP_B, { ownerId: undefined }))).toEqual([
      ["new", 0, 0],
      ["contacted", 1, 1],
      ["qualified", 0, 0],
      ["proposal", 0, 0],
      ["won", 1, 1],
      ["lost", 0, 0],
    ]);
    expect((await readBoard(ctx, REP_A, { ownerId: "rep_a" })).map((c) => c.total)).toEqual([52, 0, 1, 0, 0, 0]);
    await expect(readBoard(ctx, REP_A, { ownerId: "rep_b" })).rejects.toMatchObject({ code: "forbidden", field: "ownerId" });
  });

  it("lets reps see everyone's board when the workspace allows it, and anyone narrow it to one owner", async () => {
    await writeSetting(database.db, "repsSeeAllLeads", true, ctx.clock.now());
    onTestFinished(() => writeSetting(database.db, "repsSeeAllLeads", false, ctx.clock.now()));
    expect((await readBoard(ctx, REP_A, { ownerId: undefined })).map((c) => c.total)).toEqual([52, 1, 1, 0, 1, 0]);
    expect((await readBoard(ctx, REP_A, { ownerId: "rep_b" })).map((c) => c.total)).toEqual([0, 1, 0, 0, 1, 0]);
    expect((await readBoard(ctx, MANAGER, { ownerId: "rep_a" })).map((c) => c.total)).toEqual([52, 0, 1, 0, 0, 0]);
  });
});

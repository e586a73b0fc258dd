import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import type { Lead } from "../../domain/lead/lead.js";
import { DEFAULT_PIPELINE } from "../../domain/pipeline/pipeline-config.js";
import { insertLeads } from "../../store/leads.js";
import { insertUsers } from "../../store/users.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildLead, buildPerson } from "../../../test/support/factories.js";
import { moveLeadStage } from "../pipeline/move-lead-stage.js";
import { sendProposal } from "../pipeline/send-proposal.js";
import { disqualifyLead } from "../qualification/disqualify-lead.js";
import { logTouch } from "../touches/log-touch.js";
import { readLeadPipeline } from "./read-lead-pipeline.js";

const DAY = 24 * 60 * 60 * 1000;
const REP: Principal = { kind: "user", userId: "user_rep", role: "rep" };
const OTHER_REP: Principal = { kind: "user", userId: "user_other_rep", role: "rep" };

describe.each(ENGINES)("readLeadPipeline on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertUsers(database.db, [buildPerson("user_rep"), buildPerson("user_other_rep")]);
  });
  afterAll(() => database.destroy());

  async function repLead(stage = "new"): Promise<Lead> {
    const lead = buildLead({ id: ctx.ids("lead"), email: `${ctx.ids("mail")}@lead.test`, ownerId: "user_rep", stage, createdAt: ctx.clock.now() });
    await insertLeads(database.db, [lead]);
    return lead;
  }

  it("shows a captured lead in its first stage since capture, with the stage as documented", async () => {
    const lead = await repLead();
    ctx.clock.advance(3 * DAY);
    const view = await readLeadPipeline(ctx, REP, lead.id);
    expect(view.stage).toEqual(DEFAULT_PIPELINE.stages[0]);
    expect(view).toMatchObject({ daysInStage: 3, isStalled: true, outcome: null, state: { stageEnteredAt: lead.createdAt, nextStep: null, qualificationStatus: "unqualified", replyWaitingSince: null } });
  });

  it("follows the lead through a move, a proposal, a waiting reply and a win", async () => {
    const lead = await repLead();
    const dueAt = ctx.clock.now() + DAY;
    await moveLeadStage(ctx, REP, lead.id, { stage: "proposal", nextStep: { action: "Walk through the proposal", dueAt } });
    const sentAt = ctx.clock.now();
    await sendProposal(ctx, REP, lead.id, { amount: 9_900.99 });
    await logTouch(ctx, REP, lead.id, { channel: "email", direction: "in", outcome: null, durationSeconds: null, notes: null, isAutomated: false });
    ctx.clock.advance(DAY);
    const open = await readLeadPipeline(ctx, REP, lead.id);
    expect(open).toMatchObject({
      stage: { key: "proposal" },
      daysInStage: 1,
      isStalled: false,
      outcome: null,
      state: { stageEnteredAt: sentAt, nextStep: { action: "Walk through the proposal", dueAt }, proposalAmountCents: 990_099, proposalSentAt: sentAt, valueCents: 990_099, replyWaitingSince: sentAt },
    });
    await moveLeadStage(ctx, REP, lead.id, { stage: "won", amount: 10_000 });
    expect(await readLeadPipeline(ctx, REP, lead.id)).toMatchObject({ stage: { key: "won" }, isStalled: false, outcome: { kind: "won", amountCents: 1_000_000 } });
  });

  it("gives the reason, its label and the note of a lost or disqualified lead", async () => {
    const lost = await repLead("proposal");
    await moveLeadStage(ctx, REP, lost.id, { stage: "lost", reason: "other", note: "Budget moved to hiring" });
    expect((await readLeadPipeline(ctx, REP, lost.id)).outcome).toEqual({ kind: "lost", reason: "other", label: "Other", note: "Budget moved to hiring" });
    const disqualified = await repLead("qualified");
    ctx.clock.advance(30 * DAY);
    await disqualifyLead(ctx, REP, disqualified.id, { reason: "competitor" });
    const view = await readLeadPipeline(ctx, REP, disqualified.id);
    expect(view).toMatchObject({ isStalled: false, outcome: { kind: "disqualified", reason: "competitor", label: "Competitor", note: null } });
  });

  it("is not found for another rep's lead, as if it did not exist", async () => {
    const lead = await repLead();
    await expect(readLeadPipeline(ctx, OTHER_REP, lead.id)).rejects.toMatchObject({ code: "not_found", field: "id" });
    await expect(readLeadPipeline(ctx, REP, "lead_missing")).rejects.toMatchObject({ code: "not_found", field: "id" });
  });
});

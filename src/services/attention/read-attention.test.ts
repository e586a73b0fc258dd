import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import type { Lead } from "../../domain/lead/lead.js";
import { saveLeadSlas } from "../../store/lead-sla.js";
import { insertLeads } from "../../store/leads.js";
import { insertUsers } from "../../store/users.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildLead, buildPerson } from "../../../test/support/factories.js";
import { completeNextStep } from "../next-steps/complete-next-step.js";
import { setNextStep } from "../next-steps/set-next-step.js";
import { moveLeadStage } from "../pipeline/move-lead-stage.js";
import { sendProposal } from "../pipeline/send-proposal.js";
import { disqualifyLead } from "../qualification/disqualify-lead.js";
import { logTouch } from "../touches/log-touch.js";
import { readAttention } from "./read-attention.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const MANAGER: Principal = { kind: "user", userId: "user_manager", role: "manager" };

describe.each(ENGINES)("readAttention on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertUsers(database.db, [buildPerson("user_manager", { email: "manager@team.test", name: "Manager", role: "manager" })]);
  });
  afterAll(() => database.destroy());

  /** A rep of their own, so each test reads a queue no other test writes to. */
  async function freshRep(): Promise<Principal & { kind: "user" }> {
    const id = ctx.ids("user");
    await insertUsers(database.db, [buildPerson(id)]);
    return { kind: "user", userId: id, role: "rep" };
  }

  async function leadOf(rep: Principal & { kind: "user" }, stage = "new"): Promise<Lead> {
    const lead = buildLead({ id: ctx.ids("lead"), email: `${ctx.ids("mail")}@lead.test`, ownerId: rep.userId, stage, createdAt: ctx.clock.now(), updatedAt: ctx.clock.now() });
    await insertLeads(database.db, [lead]);
    return lead;
  }

  const queue = async (principal: Principal, ownerId?: string, limit = 50) =>
    (await readAttention(ctx, principal, { ownerId, limit })).map((entry) => ({ leadId: entry.lead.id, reasons: entry.reasons.map((reason) => reason.code) }));

  it("flags the SLA at risk from its warning, breached after its due time, and drops it at the first response", async () => {
    const rep = await freshRep();
    const lead = await leadOf(rep);
    const now = ctx.clock.now();
    await saveLeadSlas(database.db, [{ leadId: lead.id, policyId: "sla_standard", startedAt: now, warnAt: now + 4 * MIN, dueAt: now + 5 * MIN, firstResponseAt: null, status: "running" }], now);
    expect(await queue(rep)).toEqual([]);
    ctx.clock.advance(4 * MIN);
    const atRisk = await readAttention(ctx, rep, { ownerId: undefined, limit: 50 });
    expect(atRisk.map((entry) => entry.reasons)).toEqual([[{ code: "sla_at_risk", detail: "First response due in 1 min" }]]);
    ctx.clock.advance(21 * MIN);
    const breached = await readAttention(ctx, rep, { ownerId: undefined, limit: 50 });
    expect(breached.map((entry) => entry.reasons)).toEqual([[{ code: "sla_breached", detail: "SLA breached 20 min ago" }]]);
    expect(breached[0]!.sla).toMatchObject({ dueAt: now + 5 * MIN, firstResponseAt: null });
    await logTouch(ctx, rep, lead.id, { channel: "call", direction: "out", outcome: "connected", durationSeconds: 60, notes: null, isAutomated: false });
    expect(await queue(rep)).toEqual([]);
  });

  it("flags a reply waiting from an inbound message until a person answers", async () => {
    const rep = await freshRep();
    const lead = await leadOf(rep);
    await logTouch(ctx, rep, lead.id, { channel: "email", direction: "in", outcome: null, durationSeconds: null, notes: "Any update?", isAutomated: false });
    ctx.clock.advance(2 * HOUR);
    const [entry] = await readAttention(ctx, rep, { ownerId: undefined, limit: 50 });
    expect(entry!.reasons).toEqual([{ code: "reply_waiting", detail: "Reply waiting for 2 h" }]);
    expect(entry!.state.replyWaitingSince).toBe(ctx.clock.now() - 2 * HOUR);
    await logTouch(ctx, rep, lead.id, { channel: "email", direction: "out", outcome: null, durationSeconds: null, notes: null, isAutomated: false });
    expect(await queue(rep)).toEqual([]);
  });

  it("flags a next step once overdue (the workspace's grace after its due time) until it is done", async () => {
    const rep = await freshRep();
    const lead = await leadOf(rep);
    await moveLeadStage(ctx, rep, lead.id, { stage: "contacted", nextStep: { action: "Book the discovery call", dueAt: ctx.clock.now() + HOUR } });
    ctx.clock.advance(2 * HOUR - 1);
    expect(await queue(rep)).toEqual([]);
    ctx.clock.advance(1);
    const [entry] = await readAttention(ctx, rep, { ownerId: undefined, limit: 50 });
    expect(entry!.reasons).toEqual([{ code: "next_step_overdue", detail: "Next step overdue by 1 h" }]);
    expect(entry!.state.nextStep).toMatchObject({ action: "Book the discovery call" });
    await completeNextStep(ctx, rep, lead.id, { outcome: "Booked", next: { action: "Run discovery", dueAt: ctx.clock.now() + DAY } });
    expect(await queue(rep)).toEqual([]);
  });

  it("flags an open lead past the first stage without a next step, and one stalled beyond its stage's limit", async () => {
    const rep = await freshRep();
    const withoutStep = await leadOf(rep, "qualified");
    const waiting = await leadOf(rep);
    await moveLeadStage(ctx, rep, waiting.id, { stage: "contacted", nextStep: { action: "Follow up", dueAt: ctx.clock.now() + 30 * DAY } });
    expect(await queue(rep)).toEqual([{ leadId: withoutStep.id, reasons: ["no_next_step"] }]);
    ctx.clock.advance(8 * DAY);
    const entries = await readAttention(ctx, rep, { ownerId: undefined, limit: 50 });
    expect(entries.map((entry) => [entry.lead.id, entry.reasons.map((reason) => reason.detail), entry.daysInStage])).toEqual([
      [withoutStep.id, ["No next step in Qualified"], 8],
      [waiting.id, ["Stalled 8 days in Contacted (limit 7)"], 8],
    ]);
    await setNextStep(ctx, rep, withoutStep.id, { action: "Confirm budget", dueAt: ctx.clock.now() + DAY });
    expect(await queue(rep)).toEqual([{ leadId: waiting.id, reasons: ["stalled"] }]);
  });

  it("orders by the most urgent reason, then the higher value, then the older lead", async () => {
    const rep = await freshRep();
    const inProposal = async (amount: number | null) => {
      const lead = await leadOf(rep, "proposal");
      if (amount !== null) await sendProposal(ctx, rep, lead.id, { amount });
      ctx.clock.advance(1000);
      return lead;
    };
    const small = await inProposal(1_000);
    const unpriced = await inProposal(null);
    const large = await inProposal(25_000.5);
    const olderTwin = await inProposal(25_000.5);
    const replied = await leadOf(rep, "proposal");
    await logTouch(ctx, rep, replied.id, { channel: "sms", direction: "in", outcome: null, durationSeconds: null, notes: null, isAutomated: false });
    const entries = await readAttention(ctx, rep, { ownerId: undefined, limit: 50 });
    expect(entries.map((entry) => entry.lead.id)).toEqual([replied.id, large.id, olderTwin.id, small.id, unpriced.id]);
    expect(entries.map((entry) => entry.state.valueCents)).toEqual([null, 2_500_050, 2_500_050, 100_000, null]);
    expect((await readAttention(ctx, rep, { ownerId: undefined, limit: 2 })).map((entry) => entry.lead.id)).toEqual([replied.id, large.id]);
  });

  it("leaves out won, lost and disqualified leads", async () => {
    const rep = await freshRep();
    const won = await leadOf(rep, "proposal");
    const lost = await leadOf(rep, "proposal");
    const disqualified = await leadOf(rep, "qualified");
    expect(await queue(rep)).toHaveLength(3);
    await moveLeadStage(ctx, rep, won.id, { stage: "won", amount: 5_000 });
    await moveLeadStage(ctx, rep, lost.id, { stage: "lost", reason: "price" });
    await disqualifyLead(ctx, rep, disqualified.id, { reason: "no_budget" });
    expect(await queue(rep)).toEqual([]);
  });

  it("gives a rep their own queue only (403 for someone else's), and managers the team or one person", async () => {
    const rep = await freshRep();
    const otherRep = await freshRep();
    const own = await leadOf(rep, "qualified");
    const others = await leadOf(otherRep, "qualified");
    const unassigned = buildLead({ id: ctx.ids("lead"), email: `${ctx.ids("mail")}@lead.test`, stage: "qualified", createdAt: ctx.clock.now() });
    await insertLeads(database.db, [unassigned]);
    expect(await queue(rep)).toEqual([{ leadId: own.id, reasons: ["no_next_step"] }]);
    expect(await queue(rep, rep.userId)).toEqual([{ leadId: own.id, reasons: ["no_next_step"] }]);
    await expect(readAttention(ctx, rep, { ownerId: otherRep.userId, limit: 50 })).rejects.toMatchObject({ code: "forbidden", field: "ownerId" });
    const team = (await queue(MANAGER, undefined, 200)).map((entry) => entry.leadId);
    expect(team).toEqual(expect.arrayContaining([own.id, others.id, unassigned.id]));
    expect(await queue(MANAGER, otherRep.userId)).toEqual([{ leadId: others.id, reasons: ["no_next_step"] }]);
  });
});

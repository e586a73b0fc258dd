import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import type { Lead } from "../../domain/lead/lead.js";
import { type LeadPipeline, nextStepTimerKey } from "../../domain/pipeline/lead-pipeline.js";
import { listLeadEvents } from "../../store/events.js";
import { findLeadPipeline, saveLeadPipeline } from "../../store/lead-pipeline.js";
import { findLeadById, insertLeads } from "../../store/leads.js";
import { findTimerByKey } from "../../store/timers.js";
import { fromJsonColumn } from "../../store/engine.js";
import { insertWebhookSubscription } from "../../store/webhook-subscriptions.js";
import { insertUsers } from "../../store/users.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildLead, buildPerson } from "../../../test/support/factories.js";
import { setNextStep } from "../next-steps/set-next-step.js";
import { type LeadStageMove, moveLeadStage } from "./move-lead-stage.js";

const HOUR_MS = 60 * 60 * 1000;
const REP: Principal = { kind: "user", userId: "user_rep", role: "rep" };
const OTHER_REP: Principal = { kind: "user", userId: "user_other_rep", role: "rep" };

describe.each(ENGINES)("moveLeadStage on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertUsers(database.db, [buildPerson("user_rep"), buildPerson("user_other_rep")]);
    const hook = { url: "https://crm.example/hooks", secret: "whsec_c2VjcmV0", isActive: true, createdBy: null, createdAt: 0 };
    await insertWebhookSubscription(database.db, { ...hook, id: "hook_outcomes", eventTypes: ["lead.won", "lead.lost"] });
    await insertWebhookSubscription(database.db, { ...hook, id: "hook_moves", eventTypes: ["lead.stage_changed"] });
  });
  afterAll(() => database.destroy());

  /** A lead of the rep's in `stage`, from the "spring" campaign, with a next step unless told otherwise. */
  async function leadIn(stage: string, options: { hasNextStep?: boolean; pipeline?: Partial<LeadPipeline> } = {}): Promise<Lead> {
    const lead = buildLead({ id: ctx.ids("lead"), email: `${ctx.ids("mail")}@lead.test`, stage, ownerId: "user_rep", source: "google", campaign: "spring" });
    await insertLeads(database.db, [lead]);
    if (options.hasNextStep ?? true) await setNextStep(ctx, REP, lead.id, { action: "Call back", dueAt: ctx.clock.now() + HOUR_MS });
    if (options.pipeline) await saveLeadPipeline(database.db, { ...(await findLeadPipeline(database.db, lead)), ...options.pipeline }, ctx.clock.now());
    return lead;
  }

  const move = (lead: Lead, body: LeadStageMove, principal = REP) => moveLeadStage(ctx, principal, lead.id, body);
  const stateOf = (lead: Lead) => findLeadPipeline(database.db, lead);
  const eventsOf = async (lead: Lead) => (await listLeadEvents(database.db, lead.id)).filter((event) => !event.type.startsWith("next_step_set"));

  /** Runs a refused move and checks it changed nothing: stage, pipeline state and timeline as before. */
  async function expectRefused(lead: Lead, body: LeadStageMove, expected: { code: string; field?: string }): Promise<void> {
    const before = { lead: await findLeadById(database.db, lead.id), state: await stateOf(lead), events: await listLeadEvents(database.db, lead.id) };
    await expect(move(lead, body)).rejects.toMatchObject(expected);
    expect({ lead: await findLeadById(database.db, lead.id), state: await stateOf(lead), events: await listLeadEvents(database.db, lead.id) }).toEqual(before);
  }

  it("refuses to leave a block stage with checklist items unticked, naming checkedItems, and changes nothing", async () => {
    const lead = await leadIn("qualified");
    await expectRefused(lead, { stage: "proposal", checkedItems: ["decision_maker_met"] }, { code: "invalid", field: "checkedItems" });
    await expect(move(lead, { stage: "proposal", checkedItems: ["decision_maker_met"] })).rejects.toThrow(/Cost of inaction agreed with the buyer/);
  });

  it("lets a warn stage go with items unticked and records the warning in stage_changed", async () => {
    const lead = await leadIn("new");
    ctx.clock.advance(1000);
    const moved = await move(lead, { stage: "contacted" });
    expect(moved.warnings).toEqual([{ code: "checklist_incomplete", missing: [{ key: "first_contact", label: "First contact attempted" }] }]);
    expect(moved.lead).toMatchObject({ stage: "contacted", updatedAt: ctx.clock.now() });
    expect(await findLeadById(database.db, lead.id)).toMatchObject({ stage: "contacted", updatedAt: ctx.clock.now() });
    expect((await stateOf(lead)).stageEnteredAt).toBe(ctx.clock.now());
    const events = await eventsOf(lead);
    expect(events.map((event) => [event.type, event.actor, event.at])).toEqual([["stage_changed", "user:user_rep", ctx.clock.now()]]);
    expect(events[0]!.data).toEqual({ from: "new", to: "contacted", fromMilestone: "new", toMilestone: "contacted", checkedItems: [], missingItems: [{ key: "first_contact", label: "First contact attempted" }], isChecklistOverridden: true });
  });

  it("refuses to move forward without a next step (field nextStep), and sets the one given with the move", async () => {
    const lead = await leadIn("new", { hasNextStep: false });
    await expectRefused(lead, { stage: "contacted", checkedItems: ["first_contact"] }, { code: "invalid", field: "nextStep" });
    await expectRefused(lead, { stage: "contacted", nextStep: { action: " ", dueAt: ctx.clock.now() } }, { code: "invalid", field: "nextStep.action" });
    const dueAt = ctx.clock.now() + 2 * HOUR_MS;
    await move(lead, { stage: "contacted", checkedItems: ["first_contact"], nextStep: { action: "Book the discovery call", dueAt } });
    expect((await stateOf(lead)).nextStep).toMatchObject({ action: "Book the discovery call", dueAt, ownerId: "user_rep", status: "scheduled" });
    expect((await listLeadEvents(database.db, lead.id)).map((event) => event.type)).toEqual(["stage_changed", "next_step_set"]);
    expect(await findTimerByKey(database.db, nextStepTimerKey(lead.id))).toMatchObject({ status: "pending", runAt: dueAt });
  });

  it("wins only with an amount, then closes the lead, keeps the value, clears the next step and cancels its reminder", async () => {
    const lead = await leadIn("proposal");
    const checkedItems = ["proposal_reviewed", "decision_date_set"];
    expect(await findTimerByKey(database.db, nextStepTimerKey(lead.id))).toBeDefined();
    await expectRefused(lead, { stage: "won", checkedItems }, { code: "invalid", field: "amount" });
    await expectRefused(lead, { stage: "won", checkedItems, amount: 0 }, { code: "invalid", field: "amount" });
    await move(lead, { stage: "won", checkedItems, amount: 12500.5 });
    expect(await stateOf(lead)).toMatchObject({ closedAt: ctx.clock.now(), valueCents: 1_250_050, nextStep: null });
    expect(await findTimerByKey(database.db, nextStepTimerKey(lead.id))).toBeUndefined();
    const events = await eventsOf(lead);
    expect(events.map((event) => event.type)).toEqual(["stage_changed", "won"]);
    expect(events[1]!.data).toEqual({ amountCents: 1_250_050, source: "google", campaign: "spring" });
  });

  it("loses only with a reason from the list, and a note for other", async () => {
    const lead = await leadIn("qualified");
    await expectRefused(lead, { stage: "lost" }, { code: "invalid", field: "reason" });
    await expectRefused(lead, { stage: "lost", reason: "bad_vibes" }, { code: "invalid", field: "reason" });
    await expectRefused(lead, { stage: "lost", reason: "other" }, { code: "invalid", field: "note" });
    await move(lead, { stage: "lost", reason: "other", note: "Acquired by a customer of ours" });
    expect(await stateOf(lead)).toMatchObject({ closedAt: ctx.clock.now(), lostReason: "other", lostNote: "Acquired by a customer of ours", nextStep: null });
    const lost = (await eventsOf(lead)).find((event) => event.type === "lost")!;
    expect(lost.data).toEqual({ reason: "other", reasonLabel: "Other", note: "Acquired by a customer of ours", source: "google", campaign: "spring" });
  });

  it("moves back without the checklist or a new next step", async () => {
    const lead = await leadIn("proposal");
    const moved = await move(lead, { stage: "contacted" });
    expect(moved.warnings).toEqual([]);
    expect((await eventsOf(lead)).map((event) => [event.type, event.data.from, event.data.to])).toEqual([["stage_changed", "proposal", "contacted"]]);
    expect((await stateOf(lead)).nextStep).toMatchObject({ action: "Call back" });
  });

  it("reopens a won lead: open again, entered now, outcome cleared, value kept", async () => {
    const lead = await leadIn("proposal");
    await move(lead, { stage: "won", checkedItems: ["proposal_reviewed", "decision_date_set"], amount: 800 });
    ctx.clock.advance(HOUR_MS);
    await move(lead, { stage: "proposal" });
    expect(await stateOf(lead)).toMatchObject({ closedAt: null, stageEnteredAt: ctx.clock.now(), valueCents: 80_000 });
    expect((await findLeadById(database.db, lead.id))!.stage).toBe("proposal");
    expect((await eventsOf(lead)).map((event) => event.type)).toEqual(["stage_changed", "won", "stage_changed", "reopened"]);
  });

  it("refuses to move a disqualified lead (conflict) and unknown or unchanged stages (field stage)", async () => {
    const lead = await leadIn("contacted", { pipeline: { qualificationStatus: "disqualified", disqualificationReason: "spam", closedAt: ctx.clock.now() } });
    await expectRefused(lead, { stage: "new" }, { code: "conflict" });
    const open = await leadIn("contacted");
    await expectRefused(open, { stage: "negotiation" }, { code: "invalid", field: "stage" });
    await expectRefused(open, { stage: "contacted" }, { code: "invalid", field: "stage" });
  });

  it("hides another rep's lead: not_found, nothing changed", async () => {
    const lead = await leadIn("new");
    await expect(move(lead, { stage: "contacted" }, OTHER_REP)).rejects.toMatchObject({ code: "not_found", field: "id" });
    expect((await findLeadById(database.db, lead.id))!.stage).toBe("new");
  });

  it("tells webhook subscribers of the outcomes they asked for, and only those", async () => {
    const lead = await leadIn("proposal");
    await move(lead, { stage: "won", amount: 4200, checkedItems: ["proposal_reviewed", "decision_date_set"] });
    const lost = await leadIn("contacted");
    await move(lost, { stage: "lost", reason: "price" });
    const contacted = await leadIn("new");
    await move(contacted, { stage: "contacted" });
    const ours = [lead.id, lost.id, contacted.id];
    await move(lost, { stage: "contacted" });
    const rows = await database.db.selectFrom("outbox").select(["payload", "subscription_id"]).where("channel", "=", "webhook").orderBy("id").execute();
    const sent = rows
      .map((row) => ({ subscriptionId: row.subscription_id, body: fromJsonColumn<{ body: { type: string; data: Record<string, unknown> } }>(row.payload).body }))
      .filter(({ body }) => ours.includes(body.data.leadId as string));
    expect(sent.filter((s) => s.subscriptionId === "hook_moves").map(({ body }) => [body.type, body.data.leadId, body.data.to])).toEqual([
      ["lead.stage_changed", lead.id, "won"],
      ["lead.stage_changed", lost.id, "lost"],
      ["lead.stage_changed", contacted.id, "contacted"],
      ["lead.stage_changed", lost.id, "contacted"],
    ]);
    const bodies = sent.filter((s) => s.subscriptionId === "hook_outcomes").map(({ body }) => body);
    expect(bodies.map((body) => [body.type, body.data.leadId])).toEqual([["lead.won", lead.id], ["lead.lost", lost.id]]);
    expect(bodies[0]!.data).toMatchObject({ stage: "won", amountCents: 420_000, source: "google", campaign: "spring" });
    expect(bodies[1]!.data).toMatchObject({ stage: "lost", reason: "price", reasonLabel: "Price" });
  });
});

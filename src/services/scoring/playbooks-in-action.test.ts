import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCORING_CONFIG } from "../../domain/scoring/scoring-config.js";
import { SCORES_REFRESH_TASK, scoresRefreshTimerKey } from "../../domain/scoring/rescoring-triggers.js";
import { appendEvents, listLeadEvents } from "../../store/events.js";
import { findLeadScores } from "../../store/lead-scores.js";
import { findLeadSla } from "../../store/lead-sla.js";
import { saveRoutingProfile } from "../../store/routing-profiles.js";
import { listEnrolmentsOfLead } from "../../store/sequence-enrolments.js";
import { findTimerByKey } from "../../store/timers.js";
import { insertUsers } from "../../store/users.js";
import { runDueWork } from "../../worker/run-worker.js";
import { TIMER_TASKS } from "../../worker/timer-tasks.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildPerson } from "../../../test/support/factories.js";
import { ALWAYS_OPEN_WINDOW, emailStep, insertOwnerWithMailbox, insertTestSequence } from "../../../test/support/sequence-fixtures.js";
import { captureLead, captureLeads } from "../capture-leads.js";
import { createRoutingRule } from "../routing-config/create-routing-rule.js";
import { createSlaPolicy } from "../routing-config/create-sla-policy.js";
import { previewScoring } from "./preview-scoring.js";
import { refreshScoresPage } from "./rescore-leads.js";
import { saveScoringConfig } from "./scoring-config.js";

describe.each(ENGINES)("scoring and playbooks on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  let hotPolicyId: string;
  const work = () => runDueWork(ctx, { tasks: TIMER_TASKS, channels: [], random: () => 0 });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertUsers(database.db, [buildPerson("user_mgr", { role: "manager" })]);
    await insertOwnerWithMailbox(ctx, "user_rep", { smtpUrl: "smtp://127.0.0.1:1" });
    await saveRoutingProfile(database.db, { userId: "user_rep", workingHours: null, capacity: null, routingWeight: 1, backupUserId: null, managerId: null }, 0);
    await createRoutingRule(ctx, { name: "Everyone", conditions: [{ field: "channel", operator: "matches", value: ".*" }], target: { userIds: ["user_rep"], strategy: "round_robin" }, slaPolicyId: null, sequenceId: null, isActive: true }, "user:user_mgr");
    hotPolicyId = (await createSlaPolicy(ctx, { name: "Hot: 5 minutes", targetMinutes: 5, clock: "wall" }, "user:user_mgr")).id;
    await insertTestSequence(ctx, "sequence_demo", [emailStep(0, { window: ALWAYS_OPEN_WINDOW })]);
    await insertTestSequence(ctx, "sequence_nurture", [emailStep(0, { window: ALWAYS_OPEN_WINDOW }), emailStep(7, { window: ALWAYS_OPEN_WINDOW })]);
    const playbook = (id: string, intentLevel: string, slaPolicyId: string | null, sequenceId: string, stageGuidance: string) => ({
      id,
      name: id,
      intent_level: intentLevel as "high" | "low",
      source: null,
      sla_policy_id: slaPolicyId,
      sequence_id: sequenceId,
      stage_guidance: stageGuidance,
      created_at: 0,
      updated_at: 0,
    });
    await database.db
      .insertInto("playbooks")
      .values([playbook("playbook_high", "high", hotPolicyId, "sequence_demo", "Call within 5 minutes; book the demo."), playbook("playbook_low", "low", null, "sequence_nurture", "Educate: send the guide.")])
      .execute();
  });
  afterAll(() => database.destroy());

  const capture = async (payload: Record<string, unknown>) => (await captureLead(ctx, { payload: { channel: "web", ...payload }, actor: "api_key:site" })).leadId;
  const typesOf = async (leadId: string) => (await listLeadEvents(database.db, leadId)).map((event) => event.type);

  it("scores a high-intent lead at capture, starts its SLA under the high playbook's policy and enrols it in the playbook's sequence", async () => {
    const leadId = await capture({ email: "ann@buyer.test", title: "VP Sales", source: "demo-request" });
    const score = (await findLeadScores(database.db, [leadId])).get(leadId)!;
    expect(score).toMatchObject({ intentLevel: "high", playbookId: "playbook_high" });
    // Fit: senior title 25. Intent: asked for a demo 45 (no decay at capture). Rule score 0.5·25 + 0.5·45 = 35.
    expect(score).toMatchObject({ fitScore: 25, intentScore: 45, ruleScore: 35, score: 35, bucket: "cold", modelVersion: null });
    expect((await findLeadSla(database.db, leadId))!.policyId).toBe(hotPolicyId);
    const [enrolment] = await listEnrolmentsOfLead(database.db, leadId);
    expect(enrolment).toMatchObject({ sequenceId: "sequence_demo", enrolledVia: "playbook", status: "active" });
    const events = await listLeadEvents(database.db, leadId);
    expect(events.find((event) => event.type === "playbook_applied")?.data).toMatchObject({ playbookId: "playbook_high", reason: "capture", intentLevel: "high", previousPlaybookId: null });
    expect(events.find((event) => event.type === "scored")?.data).toMatchObject({ score: 35, bucket: "cold", intentLevel: "high", previousScore: null });
  });

  it("switches playbook, sequence and SLA clock with events when the lead's intent rises", async () => {
    const leadId = await capture({ email: "bo@reader.test", source: "newsletter" });
    expect((await findLeadScores(database.db, [leadId])).get(leadId)).toMatchObject({ intentLevel: "low", playbookId: "playbook_low" });
    expect((await listEnrolmentsOfLead(database.db, leadId))[0]).toMatchObject({ sequenceId: "sequence_nurture", enrolledVia: "playbook" });
    expect((await findLeadSla(database.db, leadId))!.policyId).not.toBe(hotPolicyId);

    ctx.clock.advance(60_000);
    await appendEvents(database.db, [{ leadId, type: "activity", actor: "visitor", at: ctx.clock.now(), data: { kind: "page_view", url: "https://closeloop.test/pricing", title: "Pricing" } }]);
    expect(await findTimerByKey(database.db, `rescore:${leadId}`)).toBeDefined();
    await work();

    expect((await findLeadScores(database.db, [leadId])).get(leadId)).toMatchObject({ intentLevel: "high", playbookId: "playbook_high" });
    const enrolments = await listEnrolmentsOfLead(database.db, leadId);
    expect(enrolments.map((e) => [e.sequenceId, e.status, e.stopReason])).toEqual([
      ["sequence_demo", "active", null],
      ["sequence_nurture", "stopped", "re_enrolled"],
    ]);
    expect((await findLeadSla(database.db, leadId))!.policyId).toBe(hotPolicyId);
    const events = await listLeadEvents(database.db, leadId);
    expect(events.filter((event) => event.type === "playbook_applied").map((event) => event.data)).toMatchObject([
      { playbookId: "playbook_low", reason: "capture" },
      { playbookId: "playbook_high", reason: "intent_changed", previousPlaybookId: "playbook_low", intentLevel: "high" },
    ]);
    expect(await typesOf(leadId)).toEqual(expect.arrayContaining(["sequence_stopped", "sla_started", "enrolled"]));
  });

  it("records no playbook on an imported lead, and starts none with follow-up for a lead that already replied when its intent rises", async () => {
    const [result] = await captureLeads(ctx, [{ payload: { email: "di@import.test", source: "newsletter" }, actor: "import" }], { isSpeedToLead: false });
    const leadId = result!.ok ? result!.leadId : "";
    expect((await findLeadScores(database.db, [leadId])).get(leadId)).toMatchObject({ intentLevel: "low", playbookId: null });
    expect(await listEnrolmentsOfLead(database.db, leadId)).toEqual([]);

    ctx.clock.advance(60_000);
    await appendEvents(database.db, [
      { leadId, type: "replied", actor: "system", at: ctx.clock.now(), data: { via: "webhook" } },
      { leadId, type: "activity", actor: "visitor", at: ctx.clock.now(), data: { kind: "page_view", url: "https://closeloop.test/pricing", title: "Pricing" } },
    ]);
    await work();
    expect((await findLeadScores(database.db, [leadId])).get(leadId)).toMatchObject({ intentLevel: "high", playbookId: "playbook_high" });
    expect((await listLeadEvents(database.db, leadId)).find((event) => event.type === "playbook_applied")?.data).toMatchObject({ playbookId: "playbook_high", reason: "intent_changed" });
    expect(await listEnrolmentsOfLead(database.db, leadId)).toEqual([]);
  });

  it("does not schedule a rescore for an outbound touch, which carries no intent", async () => {
    const leadId = await capture({ email: "ed@quiet.test", source: "newsletter" });
    await work();
    await appendEvents(database.db, [{ leadId, type: "touch", actor: "user:user_rep", at: ctx.clock.now(), data: { channel: "call", direction: "out" } }]);
    expect(await findTimerByKey(database.db, `rescore:${leadId}`)).toBeUndefined();
  });

  it("leaves a lead whose intent moved during a refresh pass to its own rescore, which switches its playbook", async () => {
    const leadId = await capture({ email: "flo@later.test", source: "newsletter" });
    await work();
    // A pricing visit recorded without its rescore (as if the rescore had not run yet).
    await database.db.insertInto("events").values({ lead_id: leadId, type: "activity", actor: "visitor", at: ctx.clock.now(), data: JSON.stringify({ kind: "page_view", url: "https://closeloop.test/pricing", title: "Pricing" }) }).execute();
    await database.db.transaction().execute((trx) => refreshScoresPage(trx, ctx, null, ctx.clock.now()));
    expect((await findLeadScores(database.db, [leadId])).get(leadId)).toMatchObject({ intentLevel: "low", playbookId: "playbook_low" });
    expect(await findTimerByKey(database.db, `rescore:${leadId}`)).toBeDefined();
    await work();
    expect((await findLeadScores(database.db, [leadId])).get(leadId)).toMatchObject({ intentLevel: "high", playbookId: "playbook_high" });
  });

  it("previews draft rules without saving them, and a saved change rescores open leads in a background pass", async () => {
    const draft = { ...DEFAULT_SCORING_CONFIG, intentRules: DEFAULT_SCORING_CONFIG.intentRules.map((rule) => (rule.id === "asked_for_demo" ? { ...rule, points: 85 } : rule)) };
    const [preview] = await previewScoring(ctx, { config: draft, leadIds: [(await database.db.selectFrom("leads").select("id").where("email", "=", "ann@buyer.test").executeTakeFirstOrThrow()).id] });
    // Intent 85 (less a minute of decay, well under a point): rule score 0.5·25 + 0.5·85 = 55.
    expect(preview).toMatchObject({ current: { score: 35 }, preview: { score: 55, intentScore: 85 } });

    await saveScoringConfig(ctx, draft, "user:user_mgr");
    expect(await findTimerByKey(database.db, scoresRefreshTimerKey)).toMatchObject({ task: SCORES_REFRESH_TASK, payload: { afterId: null } });
    await database.db.transaction().execute((trx) => refreshScoresPage(trx, ctx, null, ctx.clock.now()));
    const ann = await database.db.selectFrom("leads").select("id").where("email", "=", "ann@buyer.test").executeTakeFirstOrThrow();
    expect((await findLeadScores(database.db, [ann.id])).get(ann.id)).toMatchObject({ score: 55, bucket: "warm" });
    expect((await findTimerByKey(database.db, scoresRefreshTimerKey))!.runAt).toBe(ctx.clock.now() + 24 * 60 * 60 * 1000);
  });

  it("refuses rules that do not check, naming the field", async () => {
    const bad = { ...DEFAULT_SCORING_CONFIG, buckets: { hot: 30, warm: 40, cold: 10 } };
    await expect(saveScoringConfig(ctx, bad, "user:user_mgr")).rejects.toMatchObject({ code: "invalid", field: expect.stringMatching(/^buckets/) });
  });

  it("leaves closed leads with the score they closed with", async () => {
    const leadId = await capture({ email: "cy@closed.test", source: "newsletter" });
    const before = (await findLeadScores(database.db, [leadId])).get(leadId)!;
    await database.db.insertInto("lead_pipeline").values({ lead_id: leadId, stage_entered_at: 0, qualification_status: "disqualified", disqualification_reason: "poor_fit", disqualification_note: null, cost_of_inaction: null, next_step_action: null, next_step_due_at: null, next_step_owner_id: null, next_step_set_at: null, next_step_status: null, value_cents: null, proposal_amount_cents: null, proposal_sent_at: null, is_expectation_mismatch: 0, lost_reason: null, lost_note: null, closed_at: ctx.clock.now(), reply_waiting_since: null, updated_at: 0 }).execute();
    await appendEvents(database.db, [{ leadId, type: "activity", actor: "visitor", at: ctx.clock.now(), data: { kind: "page_view", url: "https://closeloop.test/pricing", title: "Pricing" } }]);
    await work();
    expect((await findLeadScores(database.db, [leadId])).get(leadId)).toEqual(before);
  });
});

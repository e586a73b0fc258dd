import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listLeadEvents } from "../store/events.js";
import { countLeads, findLeadById, listLeads } from "../store/leads.js";
import { countUsers, findUserCredentialsByEmail, insertUsers } from "../store/users.js";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestDatabase, testContext } from "../../test/support/engines.js";
import { DEMO_COMPANY_NAME } from "../domain/demo/demo-sequence-set.js";
import type { Principal } from "../domain/access/permission.js";
import { readSettings } from "../store/settings.js";
import { verifyPassword } from "./passwords.js";
import { DEMO_PASSWORD, type DemoSummary, seedDemo } from "./seed-demo.js";
import { readLeadSequence } from "./sequences/read-lead-sequence.js";
import { runSequenceStep } from "./sequence-sending/run-sequence-step.js";
import type { SequenceStep } from "../domain/sequences/sequence.js";
import { fromJsonColumn } from "../store/engine.js";
import { BUCKETS } from "../domain/scoring/scoring-config.js";
import { LEAD_RESCORE_TASK, SCORES_REFRESH_TASK } from "../domain/scoring/rescoring-triggers.js";
import { listPlaybooks } from "../store/playbooks.js";
import { listSlaPolicies } from "../store/sla-policies.js";
import { readModelReport } from "./scoring/read-model-report.js";
import { DAY_MS } from "../domain/time.js";

const DAYS = 60;

/** Events scoring writes after the history, which `eventCount` leaves out. */
const SCORING_EVENTS = ["scored", "playbook_saved", "model_trained"];

const firstAdmin = { id: "user_admin", email: "admin@example.com", name: "Admin", role: "admin" as const, timezone: "UTC", isActive: true, createdAt: REFERENCE_TIME };

describe.each(ENGINES)("seedDemo on %s", (engine) => {
  let database: TestDatabase;
  let summary: DemoSummary;
  let refusalWithAdmin: unknown;
  beforeAll(async () => {
    // One database per engine: a second migrated PostgreSQL schema in the same process trips
    // Kysely's migrator, which looks for its tables in every schema.
    database = await openTestDatabase(engine);
    await insertUsers(database.db, [{ user: firstAdmin, passwordHash: null }]);
    refusalWithAdmin = await seedDemo(testContext(database.db), { seed: 1, days: 5, leadsPerDay: 5 }).catch((error: unknown) => error);
    await database.db.deleteFrom("users").execute();
    // Two months: enough closed leads and wins (≥ 200, ≥ 40) for the model.
    summary = await seedDemo(testContext(database.db), { seed: 3, days: DAYS, leadsPerDay: 20 });
  });
  afterAll(() => database.destroy());

  it("refuses a workspace that already has its first admin, writing nothing", () => {
    expect(refusalWithAdmin).toMatchObject({ code: "conflict", details: { users: 1, leads: 0 } });
  });

  it("writes the team with the shared demo password and returns their logins", async () => {
    expect(await countUsers(database.db)).toBe(9);
    expect(summary.users.map((u) => u.email)).toContain("ana@demo.closeloop.test");
    expect(summary.password).toBe(DEMO_PASSWORD);
    const credentials = await findUserCredentialsByEmail(database.db, "maria@demo.closeloop.test");
    expect(credentials?.user).toMatchObject({ name: "Maria Rossi", role: "manager", isActive: true });
    expect(await verifyPassword(credentials!.passwordHash!, DEMO_PASSWORD)).toBe(true);
  });

  it("writes the period's leads with owners, stages and their match keys", async () => {
    expect(summary.leadCount).toBeGreaterThan(DAYS * 20 * 0.8);
    expect(await countLeads(database.db)).toBe(summary.leadCount);
    expect(summary.endAt).toBe(REFERENCE_TIME);
    expect(summary.startAt).toBe(REFERENCE_TIME - DAYS * DAY_MS);
    const { won, lost, disqualified, open } = summary.outcomes;
    expect(won + lost + disqualified + open).toBe(summary.leadCount);
    const keys = await database.db.selectFrom("lead_match_keys").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
    const leads = await listLeads(database.db, {}, "created_asc", 10_000, undefined);
    expect(Number(keys.count)).toBe(leads.filter((l) => l.email).length + leads.filter((l) => l.phone).length);
    expect(leads.every((l) => l.ownerId !== null && l.createdAt >= summary.startAt && l.createdAt < summary.endAt)).toBe(true);
    expect(new Set(leads.map((l) => l.stage))).toContain("won");
  });

  it("records `created` and `assigned` at their historical times, then the pipeline's events in time order", async () => {
    const leads = await listLeads(database.db, {}, "created_asc", 10_000, undefined);
    for (const { id } of leads.slice(0, 50)) {
      const lead = await findLeadById(database.db, id);
      const events = await listLeadEvents(database.db, id);
      expect(events.slice(0, 2).map((e) => e.type)).toEqual(["created", "assigned"]);
      expect(events[0]).toMatchObject({ actor: "demo", at: lead!.createdAt, data: { payload: { email: lead!.email, source: lead!.source } } });
      expect(events[1]!.data).toMatchObject({ ownerId: lead!.ownerId, strategy: "round_robin", reason: expect.stringContaining("round robin: ") });
      // Scoring came after the history: a closed lead's score is written now, dated at its close.
      const history = events.filter((e) => e.type !== "scored");
      expect(history.map((e) => e.at)).toEqual(history.map((e) => e.at).sort((a, b) => a - b));
      const lastMove = events.filter((e) => e.type === "stage_changed").at(-1);
      expect(lastMove?.data.to ?? "new").toBe(lead!.stage);
    }
    const total = await database.db.selectFrom("events").where("type", "not in", SCORING_EVENTS).select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
    expect(Number(total.count)).toBe(summary.eventCount);
    expect(summary.eventCount).toBeGreaterThan(2 * summary.leadCount);
  });

  it("writes outcomes and pipeline states that agree with the summary", async () => {
    const countOf = async (type: string) =>
      Number((await database.db.selectFrom("events").where("type", "=", type).select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow()).count);
    expect(await countOf("won")).toBe(summary.outcomes.won);
    expect(await countOf("lost")).toBe(summary.outcomes.lost);
    expect(await countOf("disqualified")).toBe(summary.outcomes.disqualified);
    const states = await database.db.selectFrom("lead_pipeline").select(["closed_at", "next_step_action"]).execute();
    expect(states.filter((s) => s.closed_at !== null)).toHaveLength(summary.outcomes.won + summary.outcomes.lost + summary.outcomes.disqualified);
    expect(states.some((s) => s.next_step_action !== null)).toBe(true);
    expect(states.every((s) => s.closed_at === null || s.next_step_action === null)).toBe(true);
    const reminders = await database.db.selectFrom("timers").select(["task", "run_at"]).where("task", "=", "next-step-due").execute();
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((timer) => timer.run_at > summary.endAt)).toBe(true);
  });

  it("writes the sequences, signs their emails with the demo company, and records what they sent", async () => {
    expect((await readSettings(database.db)).companyName).toBe(DEMO_COMPANY_NAME);
    const sequences = await database.db.selectFrom("sequences").select(["id", "name", "purpose", "nurture_sequence_id", "repeat_every_days"]).orderBy("name").execute();
    const nurture = sequences.find((sequence) => sequence.purpose === "nurture")!;
    expect(nurture).toMatchObject({ name: "Monthly nurture", repeat_every_days: 30 });
    expect(sequences.filter((sequence) => sequence.purpose === "follow_up").map((sequence) => sequence.nurture_sequence_id)).toEqual([nurture.id, nurture.id]);
    const messages = await database.db.selectFrom("sequence_messages").select(["id", "message_id", "status", "sent_at", "subject"]).execute();
    expect(messages).toHaveLength(summary.sequences.emailsSent);
    expect(messages.length).toBeGreaterThan(50);
    expect(messages.every((m) => m.status === "sent" && m.sent_at! < summary.endAt && m.message_id === `<${m.id}@demo.closeloop.test>` && !m.subject.includes("{{"))).toBe(true);
    const sentEvents = await database.db.selectFrom("events").where("type", "=", "message_sent").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
    expect(Number(sentEvents.count)).toBe(messages.length);
    const openTasks = await database.db.selectFrom("sequence_tasks").select(["due_at"]).where("done_at", "is", null).execute();
    expect(openTasks).toHaveLength(summary.sequences.openTasks);
    expect(openTasks.every((task) => task.due_at < summary.endAt)).toBe(true);
  });

  it("keeps live enrolments quiet: each waits for a step timer at least a day ahead, and the lead page shows it", async () => {
    const live = await database.db.selectFrom("sequence_enrolments").select(["id", "lead_id", "next_send_at", "cycle", "next_step_index"]).where("status", "in", ["active", "paused"]).execute();
    expect(live).toHaveLength(summary.sequences.live);
    expect(live.length).toBeGreaterThan(0);
    const timers = await database.db.selectFrom("timers").select(["key", "payload", "run_at"]).where("task", "=", "sequence-step").execute();
    expect(timers).toHaveLength(live.length);
    const byKey = new Map(timers.map((timer) => [timer.key, timer]));
    for (const enrolment of live) {
      expect(enrolment.next_send_at!).toBeGreaterThanOrEqual(summary.endAt + 86_400_000);
      expect(byKey.get(`sequence-step:${enrolment.id}`)?.run_at).toBe(enrolment.next_send_at);
    }
    const manager: Principal = { kind: "user", userId: (await findUserCredentialsByEmail(database.db, "maria@demo.closeloop.test"))!.user.id, role: "manager" };
    const view = await readLeadSequence(testContext(database.db), manager, live[0]!.lead_id);
    expect(view.live).toMatchObject({ id: live[0]!.id, nextSendAt: live[0]!.next_send_at });
  });

  it("puts the opted-out and bounced addresses on the suppression list and marks opted-out leads", async () => {
    const suppressions = await database.db.selectFrom("suppressions").select(["value", "reason"]).execute();
    expect(summary.sequences.optedOut).toBeGreaterThan(0);
    expect(suppressions.filter((s) => s.reason === "opted_out")).toHaveLength(summary.sequences.optedOut);
    expect(suppressions.filter((s) => s.reason === "bounced")).toHaveLength(summary.sequences.bounced);
    const optedOut = await database.db.selectFrom("leads").select("email").where("is_opted_out", "=", 1).execute();
    expect(optedOut.map((lead) => lead.email!.toLowerCase()).sort()).toEqual(suppressions.filter((s) => s.reason === "opted_out").map((s) => s.value).sort());
  });

  it("sets up a playbook per intent level with the demo's sequences, the high one on the fastest SLA policy", async () => {
    const playbooks = await listPlaybooks(database.db);
    const sequences = new Map((await database.db.selectFrom("sequences").select(["id", "name"]).execute()).map((sequence) => [sequence.id, sequence.name]));
    expect(playbooks.map((p) => [p.intentLevel, p.source, sequences.get(p.sequenceId!), p.stageGuidance])).toEqual([
      ["high", null, "Demo request", "Call within 5 minutes and book the demo."],
      ["medium", null, "New lead follow-up", "Qualify: budget, authority, timeline."],
      ["low", null, "Monthly nurture", "Educate; do not push for a meeting."],
    ]);
    const [fastest] = (await listSlaPolicies(database.db)).sort((a, b) => a.targetMinutes - b.targetMinutes);
    expect(playbooks.map((p) => p.slaPolicyId)).toEqual([fastest!.id, null, null]);
    expect(summary.scoring.playbooks).toEqual(playbooks.map((p) => p.name));
  });

  it("records the qualification answers: all yes where the lead was qualified, the reason's criterion no where it was disqualified", async () => {
    const answers = await database.db.selectFrom("qualification_answers as a").innerJoin("lead_pipeline as p", "p.lead_id", "a.lead_id").select(["a.answer", "a.answered_at", "p.qualification_status", "p.closed_at"]).execute();
    expect(answers.filter((a) => a.qualification_status === "qualified").every((a) => a.answer === "yes")).toBe(true);
    const disqualified = answers.filter((a) => a.qualification_status === "disqualified");
    expect(disqualified.length).toBeGreaterThan(0);
    expect(disqualified.every((a) => a.answer === "no" && a.answered_at < a.closed_at!)).toBe(true);
  });

  it("scores every lead: closed ones as of their close by the rules alone, open ones now by rules and model, starting no playbook", async () => {
    const scores = await database.db.selectFrom("lead_scores as s").innerJoin("leads as l", "l.id", "s.lead_id").leftJoin("lead_pipeline as p", "p.lead_id", "s.lead_id").select(["s.lead_id", "s.scored_at", "s.model_version", "s.playbook_id", "s.bucket", "p.closed_at"]).execute();
    expect(scores).toHaveLength(summary.leadCount);
    const closed = scores.filter((s) => s.closed_at !== null);
    expect(closed).toHaveLength(summary.outcomes.won + summary.outcomes.lost + summary.outcomes.disqualified);
    expect(closed.filter((s) => !(s.scored_at === s.closed_at && s.model_version === null && s.playbook_id === null))).toEqual([]);
    const open = scores.filter((s) => s.closed_at === null);
    expect(open.filter((s) => !(s.scored_at === summary.endAt && s.model_version === summary.scoring.model!.version && s.playbook_id === null))).toEqual([]);
    const scored = await database.db.selectFrom("events").select(["lead_id", "at", "actor"]).where("type", "=", "scored").execute();
    const closedAt = new Map(closed.map((s) => [s.lead_id, s.closed_at]));
    expect(scored).toHaveLength(summary.leadCount);
    expect(scored.filter((e) => !(e.actor === "system" && e.at === (closedAt.get(e.lead_id!) ?? summary.endAt)))).toEqual([]);
    const buckets = Object.fromEntries(BUCKETS.map((bucket) => [bucket, scores.filter((s) => s.bucket === bucket).length]));
    expect(summary.scoring.buckets).toEqual(buckets);
    // Enrolments stay as the history made them: no playbook enrolled anyone or touched an SLA clock.
    expect(await database.db.selectFrom("events").select("id").where("type", "=", "playbook_applied").execute()).toEqual([]);
    expect(await database.db.selectFrom("sequence_enrolments").select("id").where("enrolled_via", "=", "playbook").execute()).toEqual([]);
  });

  it("leaves the next daily scoring pass pending, and no rescores of history the pass has already scored", async () => {
    const timers = await database.db.selectFrom("timers").select(["task", "run_at"]).where("task", "in", [LEAD_RESCORE_TASK, SCORES_REFRESH_TASK]).execute();
    expect(timers).toEqual([{ task: SCORES_REFRESH_TASK, run_at: summary.endAt + DAY_MS }]);
  });

  it("trains the model on the closed leads: version 1 by the demo, with a cross-validated AUC above 0.7", async () => {
    const { readiness, model } = summary.scoring;
    expect(readiness).toMatchObject({ isReady: true, closed: summary.outcomes.won + summary.outcomes.lost + summary.outcomes.disqualified, wins: summary.outcomes.won });
    expect(model).toEqual({ version: 1, auc: expect.any(Number) });
    expect(model!.auc).toBeGreaterThan(0.7);
    expect((await readModelReport(testContext(database.db))).current).toMatchObject({ version: 1, trainedBy: "demo" });
  });

  it("gives the website visits as activity, some of them to the pricing page, before each lead closed", async () => {
    const visits = await database.db
      .selectFrom("events as e")
      .leftJoin("lead_pipeline as p", "p.lead_id", "e.lead_id")
      .select(["e.lead_id", "e.at", "e.data", "p.closed_at"])
      .where("e.type", "=", "activity")
      .execute();
    expect(new Set(visits.map((v) => v.lead_id)).size).toBeGreaterThan(summary.leadCount * 0.2);
    expect(visits.every((v) => v.at < (v.closed_at ?? summary.endAt))).toBe(true);
    const pricing = visits.filter((v) => fromJsonColumn<{ url: string }>(v.data).url.endsWith("/pricing"));
    expect(pricing.length).toBeGreaterThan(visits.length * 0.15);
  });

  it("refuses a second run and changes nothing", async () => {
    await expect(seedDemo(testContext(database.db), { seed: 4, days: 5, leadsPerDay: 5 })).rejects.toMatchObject({
      code: "conflict",
      details: { users: 9, leads: summary.leadCount },
    });
    expect(await countLeads(database.db)).toBe(summary.leadCount);
    expect(await countUsers(database.db)).toBe(9);
  });

  it("has no mailboxes: a live email step that falls due later pauses for want of one, visibly", async () => {
    const live = await database.db
      .selectFrom("sequence_enrolments")
      .innerJoin("sequences", "sequences.id", "sequence_enrolments.sequence_id")
      .select(["sequence_enrolments.id", "cycle", "next_step_index", "next_send_at", "sequences.steps"])
      .where("status", "=", "active")
      .execute();
    const emailStep = live.find((enrolment) => (fromJsonColumn<SequenceStep[]>(enrolment.steps)[enrolment.next_step_index]?.channel ?? null) === "email")!;
    const ctx = testContext(database.db);
    const payload = { enrolmentId: emailStep.id, cycle: emailStep.cycle, stepIndex: emailStep.next_step_index };
    await database.db.transaction().execute((trx) => runSequenceStep(trx, ctx, payload, emailStep.next_send_at!));
    const paused = await database.db.selectFrom("sequence_enrolments").select(["status", "pause_reason"]).where("id", "=", emailStep.id).executeTakeFirstOrThrow();
    expect(paused).toEqual({ status: "paused", pause_reason: "no_mailbox" });
  });

  it("names the option that is out of range", async () => {
    await expect(seedDemo(testContext(database.db), { seed: 1, days: 0 })).rejects.toMatchObject({ code: "invalid", field: "days" });
    await expect(seedDemo(testContext(database.db), { seed: 1.5 })).rejects.toMatchObject({ code: "invalid", field: "seed" });
    await expect(seedDemo(testContext(database.db), { seed: 1, leadsPerDay: 10_000 })).rejects.toMatchObject({ code: "invalid", field: "leadsPerDay" });
  });
});

describe("seedDemo with a short history", () => {
  it("leaves the model untrained and says how much more history it needs", async () => {
    const database = await openTestDatabase("sqlite");
    try {
      const { scoring, outcomes } = await seedDemo(testContext(database.db), { seed: 3, days: 10, leadsPerDay: 5 });
      expect(scoring.model).toBeNull();
      expect(scoring.readiness).toMatchObject({ isReady: false, closed: outcomes.won + outcomes.lost + outcomes.disqualified, wins: outcomes.won });
      expect(scoring.readiness.message).toMatch(/^The model needs 200 closed leads with at least 40 wins/);
      expect(await database.db.selectFrom("scoring_models").select("version").execute()).toEqual([]);
      expect(Number((await database.db.selectFrom("lead_scores").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n)).toBe(await countLeads(database.db));
    } finally {
      await database.destroy();
    }
  });
});

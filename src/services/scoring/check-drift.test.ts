import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmailMessagePayload } from "../../domain/notifications/notification-payloads.js";
import { freshLeadPipeline } from "../../domain/pipeline/lead-pipeline.js";
import { addMonths } from "../../domain/scoring/close-months.js";
import type { Bucket } from "../../domain/scoring/scoring-config.js";
import { OFFICE_HOURS } from "../../domain/sla/business-hours.js";
import type { Channel } from "../../channels/channel.js";
import { listDriftAlerts } from "../../store/drift-alerts.js";
import { fromJsonColumn } from "../../store/engine.js";
import { insertLeadPipelines } from "../../store/lead-pipeline.js";
import { insertLeads } from "../../store/leads.js";
import type { Database } from "../../store/schema.js";
import { writeSetting } from "../../store/settings.js";
import { findTimerByKey } from "../../store/timers.js";
import { insertUsers } from "../../store/users.js";
import { runDueWork } from "../../worker/run-worker.js";
import { scoringDriftTask } from "../../worker/tasks/scoring-drift.js";
import { failureOf } from "../../../test/support/domain-failure.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { buildLead, buildPerson } from "../../../test/support/factories.js";
import { checkDrift } from "./check-drift.js";
import { ensureDriftCheckScheduled, SCORING_DRIFT_TIMER_KEY } from "./drift-timer.js";
import { DAY_MS } from "../../domain/time.js";

const HOUR_MS = 3_600_000;
/** 5 November 2026 in New York: October is the last complete month. */
const NOW = Date.UTC(2026, 10, 5, 15, 0);

/** A closed lead of the synthetic history: its budget answer (null: never answered) and whether it was won. */
type Closing = { closedAt: number; isWon: boolean; budget: "yes" | "no" | null };

/**
 * A month's closings, a few hours apart from the 2nd: `[closed, won]` with budget confirmed,
 * denied, and never answered.
 */
function monthOfClosings(month: string, met: [number, number], denied: [number, number], unanswered: [number, number]): Closing[] {
  const start = Date.parse(`${month}-02T15:00:00Z`);
  const group = (budget: Closing["budget"], [closed, won]: [number, number]) => Array.from({ length: closed }, (_, i) => ({ budget, isWon: i < won }));
  return [...group("yes", met), ...group("no", denied), ...group(null, unanswered)].map((closing, i) => ({ ...closing, closedAt: start + i * 2 * HOUR_MS }));
}

let nextLead = 0;

/**
 * Writes closed leads straight through the store: the lead in the won stage (or lost), its
 * pipeline state closed (every third loss disqualified while in the won stage: still a loss),
 * a score in the warm bucket when the budget was asked about, and the budget answer. Every
 * lead answers `authority` alike, won or not, so that criterion never separates anything.
 */
async function insertClosings(db: Kysely<Database>, closings: readonly Closing[]): Promise<void> {
  const rows = closings.map((closing, i) => {
    const isDisqualified = !closing.isWon && i % 3 === 0;
    const lead = buildLead({ id: `lead_${++nextLead}`, stage: closing.isWon || isDisqualified ? "won" : "lost", createdAt: closing.closedAt - 20 * DAY_MS });
    return { closing, lead, pipeline: { ...freshLeadPipeline(lead), closedAt: closing.closedAt, qualificationStatus: isDisqualified ? ("disqualified" as const) : ("qualified" as const) } };
  });
  await insertLeads(db, rows.map((row) => row.lead));
  await insertLeadPipelines(db, rows.map((row) => row.pipeline), NOW);
  const scored = rows.filter((row) => row.closing.budget !== null);
  const bucket: Bucket = "warm";
  for (let start = 0; start < scored.length; start += 400) {
    const chunk = scored.slice(start, start + 400).map(({ lead, closing }) => ({
      lead_id: lead.id,
      score: 55,
      fit_score: 50,
      intent_score: 60,
      rule_score: 55,
      model_probability: null,
      model_version: null,
      bucket,
      intent_level: "medium" as const,
      playbook_id: null,
      contributions: "[]",
      scored_at: closing.closedAt,
    }));
    await db.insertInto("lead_scores").values(chunk).execute();
  }
  const answers = rows.flatMap(({ lead, closing }) => [
    ...(closing.budget === null ? [] : [{ criterion: "budget", answer: closing.budget }]),
    { criterion: "authority", answer: "yes" as const },
  ].map((answer) => ({ lead_id: lead.id, ...answer, notes: null, answered_by: "user:user_rep", answered_at: closing.closedAt - DAY_MS })));
  for (let start = 0; start < answers.length; start += 400) await db.insertInto("qualification_answers").values(answers.slice(start, start + 400)).execute();
}

/** The email channel, as the outside world: records what it was given. */
function recordingEmailChannel(sent: EmailMessagePayload[]): Channel<typeof EmailMessagePayload> {
  return {
    name: "email",
    payloadSchema: EmailMessagePayload,
    retry: { maxAttempts: 1, backoffBaseMs: 1000, backoffMaxMs: 1000 },
    async deliver(message) {
      sent.push(message.payload);
      return { isDelivered: true, statusCode: 250 };
    },
  };
}

describe.each(ENGINES)("drift checks on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db, NOW);
    await insertUsers(database.db, [
      buildPerson("user_admin", { role: "admin" }),
      buildPerson("user_mgr", { role: "manager" }),
      buildPerson("user_rep"),
      buildPerson("user_gone", { role: "manager", isActive: false }),
    ]);
    await writeSetting(database.db, "businessCalendar", { timezone: "America/New_York", weeklyHours: OFFICE_HOURS, holidays: [] }, 0);
    // 12 months in which a confirmed budget closes at 40% and the rest at 10% (20% overall)…
    const history = Array.from({ length: 12 }, (_, i) => monthOfClosings(addMonths("2026-10", i - 12), [20, 8], [30, 3], [10, 1]));
    // …then an October where it stops mattering: 21% vs 19%, still 20% overall.
    const october = monthOfClosings("2026-10", [100, 21], [70, 13], [30, 6]);
    // Closes outside October's window, which would hide the drift if they counted.
    const outside = [...monthOfClosings("2025-06", [0, 0], [100, 100], [0, 0]), ...monthOfClosings("2026-11", [60, 60], [0, 0], [0, 0])];
    await insertClosings(database.db, [...history.flat(), ...october, ...outside]);
    // Open leads with answers count for nothing.
    const open = Array.from({ length: 10 }, (_, i) => buildLead({ id: `lead_open_${i}`, stage: "contacted" }));
    await insertLeads(database.db, open);
    await database.db
      .insertInto("qualification_answers")
      .values(open.map((lead) => ({ lead_id: lead.id, criterion: "budget", answer: "yes" as const, notes: null, answered_by: "user:user_rep", answered_at: NOW })))
      .execute();
  });
  afterAll(() => database.destroy());

  const eventsOfType = async (type: string) =>
    (await database.db.selectFrom("events").selectAll().where("type", "=", type).orderBy("id").execute()).map((row) => ({ ...row, data: fromJsonColumn<Record<string, unknown>>(row.data) }));
  const outbox = async () => (await database.db.selectFrom("outbox").selectAll().orderBy("key").execute()).map((row) => ({ key: row.key, channel: row.channel, payload: fromJsonColumn<EmailMessagePayload>(row.payload) }));

  it("raises the last complete month's alert once when budget stops predicting wins, with its numbers, an event and an email to each manager and admin", async () => {
    const [alert, ...others] = await checkDrift(ctx);
    expect(others).toEqual([]);
    expect(alert).toEqual({
      key: "criterion_separation:budget:2026-10",
      kind: "criterion_separation",
      subject: "budget",
      month: "2026-10",
      message: "'Budget' no longer predicts wins: 21% vs 19%",
      numbers: expect.objectContaining({
        metClosed: 100,
        metWon: 21,
        unmetClosed: 100,
        unmetWon: 19,
        historyMetClosed: 240,
        historyMetWon: 96,
        historyUnmetClosed: 480,
        historyUnmetWon: 48,
        metRate: 0.21,
        unmetRate: 0.19,
        historyMetRate: 0.4,
        historyUnmetRate: 0.1,
      }),
    });
    expect(await listDriftAlerts(database.db, 10)).toEqual([{ ...alert, detectedAt: NOW }]);
    expect((await eventsOfType("drift_detected")).map((event) => [event.lead_id, event.actor, event.at, event.data])).toEqual([[null, "system", NOW, alert]]);
    const emails = await outbox();
    expect(emails.map((email) => [email.key, email.channel, email.payload.to, email.payload.subject])).toEqual([
      ["email:drift:criterion_separation:budget:2026-10:user_admin", "email", ["user_admin@team.test"], "Scoring drift in October 2026"],
      ["email:drift:criterion_separation:budget:2026-10:user_mgr", "email", ["user_mgr@team.test"], "Scoring drift in October 2026"],
    ]);
    expect(emails[0]!.payload.text).toContain("'Budget' no longer predicts wins: 21% vs 19%");
    expect(emails[0]!.payload.text).toContain("http://localhost:4400/scoring/model");

    ctx.clock.advance(DAY_MS);
    expect(await checkDrift(ctx)).toEqual([]);
    expect(await checkDrift(ctx, { month: "2026-10" })).toEqual([]);
    expect(await eventsOfType("drift_detected")).toHaveLength(1);
    expect(await outbox()).toHaveLength(2);
  });

  it("raises nothing for a month that closed like the months before it", async () => {
    expect(await checkDrift(ctx, { month: "2026-09" })).toEqual([]);
    expect(await listDriftAlerts(database.db, 10)).toHaveLength(1);
  });

  it("refuses a month that is malformed or not over yet, naming the field", async () => {
    expect(await failureOf(checkDrift(ctx, { month: "2026-13" }))).toEqual({ code: "invalid", field: "month" });
    expect(await failureOf(checkDrift(ctx, { month: "2026-11" }))).toEqual({ code: "invalid", field: "month" });
  });

  it("keeps one daily check pending from worker start, which runs, sends the emails and schedules the next day", async () => {
    const sent: EmailMessagePayload[] = [];
    const work = { tasks: [scoringDriftTask], channels: [recordingEmailChannel(sent)], random: () => 0 };
    await ensureDriftCheckScheduled(ctx);
    const started = ctx.clock.now();
    ctx.clock.advance(HOUR_MS);
    await ensureDriftCheckScheduled(ctx);
    expect(await findTimerByKey(database.db, SCORING_DRIFT_TIMER_KEY)).toMatchObject({ task: "scoring-drift", status: "pending", runAt: started });

    expect(await runDueWork(ctx, work)).toMatchObject({ timersCompleted: 1, messagesDelivered: 2 });
    // Sent side by side, in either order.
    expect(sent.flatMap((email) => email.to).sort()).toEqual(["user_admin@team.test", "user_mgr@team.test"]);
    expect(await findTimerByKey(database.db, SCORING_DRIFT_TIMER_KEY)).toMatchObject({ status: "pending", runAt: ctx.clock.now() + DAY_MS });
    expect(await eventsOfType("drift_detected")).toHaveLength(1);

    ctx.clock.advance(DAY_MS);
    await runDueWork(ctx, work);
    expect(await findTimerByKey(database.db, SCORING_DRIFT_TIMER_KEY)).toMatchObject({ runAt: ctx.clock.now() + DAY_MS });
    expect(await database.db.selectFrom("timers").select("key").execute()).toEqual([{ key: SCORING_DRIFT_TIMER_KEY }]);

    await database.db.updateTable("timers").set({ status: "dead" }).where("key", "=", SCORING_DRIFT_TIMER_KEY).execute();
    await ensureDriftCheckScheduled(ctx);
    expect(await findTimerByKey(database.db, SCORING_DRIFT_TIMER_KEY)).toMatchObject({ status: "pending", runAt: ctx.clock.now(), attempts: 0 });
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pino from "pino";
import { type Clock, manualClock } from "../src/clock.js";
import { streamFor } from "../src/domain/demo/seeded-random.js";
import { freshLeadPipeline } from "../src/domain/pipeline/lead-pipeline.js";
import { leadModelRecord } from "../src/domain/scoring/lead-model-features.js";
import type { FeatureRecord } from "../src/domain/scoring/model/feature-values.js";
import { trainModel } from "../src/domain/scoring/model/train-model.js";
import { intentSignalsOf } from "../src/domain/scoring/intent-signals.js";
import { scoreLead, scoringFacts } from "../src/domain/scoring/score-lead.js";
import { scoresRefreshTimerKey } from "../src/domain/scoring/rescoring-triggers.js";
import { DEFAULT_SCORING_CONFIG } from "../src/domain/scoring/scoring-config.js";
import { titleSeniority } from "../src/domain/scoring/title-seniority.js";
import { sequentialIds } from "../src/ids.js";
import type { ServiceContext } from "../src/services/context.js";
import { REFRESH_PAGE_SIZE, refreshScoresPage } from "../src/services/scoring/rescore-leads.js";
import { createDatabase } from "../src/store/database.js";
import { type Executor, toJsonColumn } from "../src/store/engine.js";
import { insertLeadPipelines } from "../src/store/lead-pipeline.js";
import { insertLeads } from "../src/store/leads.js";
import { migrateToLatest } from "../src/store/migrate.js";
import { findTimerByKey } from "../src/store/timers.js";
import { type Figures, figure } from "./figures.js";
import { type SyntheticLead, syntheticLead } from "./scoring-leads.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Leads seeded per transaction. */
const SEED_BATCH = 10_000;
/** Rows per multi-row INSERT of events (5 columns) and of qualification answers (6). */
const INSERT_CHUNK_ROWS = 1000;
/** Open leads per transaction: the worker's own page size (500, 1,000 and 5,000 cost the same CPU per lead). */
const PAGE_SIZE = REFRESH_PAGE_SIZE;
/** Leads scored in memory for the domain-only reference. */
const DOMAIN_REFERENCE_LEADS = 50_000;

const progress = (message: string): void => void process.stderr.write(`scoring bench: ${message}\n`);

/** Leads `from`…`to - 1` with their events, qualification answers and (for the worked ones: those with answers) pipeline rows. */
async function seedBatch(db: Executor, from: number, to: number, now: number): Promise<void> {
  const batch = Array.from({ length: to - from }, (_, i) => syntheticLead(from + i, now));
  await insertLeads(db, batch.map((item) => item.lead));
  const events = batch.flatMap((item) => item.events).map((event) => ({ lead_id: event.leadId, type: event.type, actor: event.actor, at: event.at, data: toJsonColumn(event.data) }));
  for (let start = 0; start < events.length; start += INSERT_CHUNK_ROWS) await db.insertInto("events").values(events.slice(start, start + INSERT_CHUNK_ROWS)).execute();
  const worked = batch.filter((item) => item.answers.length > 0);
  const answers = worked.flatMap(({ lead, answers }) => answers.map(({ criterion, answer }) => ({ lead_id: lead.id, criterion, answer, notes: null, answered_by: "user:bench", answered_at: lead.createdAt + DAY_MS })));
  for (let start = 0; start < answers.length; start += INSERT_CHUNK_ROWS) await db.insertInto("qualification_answers").values(answers.slice(start, start + INSERT_CHUNK_ROWS)).execute();
  await insertLeadPipelines(db, worked.map(({ lead }) => ({ ...freshLeadPipeline(lead), qualificationStatus: "in_progress" })), now);
}

/**
 * One refresh pass over every open lead, page after page, each page in its own transaction as
 * the worker runs it. Also the process's CPU time: on a shared machine it says what the pass
 * costs when the wall clock says how long it waited for a core.
 */
async function refreshPass(ctx: ServiceContext, now: number): Promise<{ leads: number; seconds: number; cpuSeconds: number }> {
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  let next: { afterId: string | null } | null = { afterId: null };
  let leads = 0;
  while (next) {
    const { afterId } = next;
    const page: { scored: number; next: { afterId: string | null } | null } = await ctx.db.transaction().execute(async (trx) => {
      const scored = await refreshScoresPage(trx, ctx, afterId, now, PAGE_SIZE);
      // Where the worker would read the next page: the refresh timer, due now until the pass ends.
      const timer = (await findTimerByKey(trx, scoresRefreshTimerKey))!;
      return { scored, next: timer.runAt <= now ? (timer.payload as { afterId: string | null }) : null };
    });
    leads += page.scored;
    next = page.next;
  }
  const cpu = process.cpuUsage(cpuAtStart);
  return { leads, seconds: (performance.now() - startedAt) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** The reference: the same scoring done in memory on freshly generated leads, without the database (second of two rounds, warm). */
function domainScoringRate(count: number, now: number): number {
  const inputs = Array.from({ length: count }, (_, n) => syntheticLead(n, now));
  let seconds = 0;
  for (let round = 0; round < 2; round++) {
    const startedAt = performance.now();
    for (const { lead, answers, events } of inputs) {
      scoreLead(DEFAULT_SCORING_CONFIG, { facts: scoringFacts(lead, answers), signals: intentSignalsOf(events), now, model: null });
    }
    seconds = (performance.now() - startedAt) / 1000;
  }
  return count / seconds;
}

/** Known weights on the log-odds of winning, so the trained model has something real to find. */
const SOURCE_EFFECT: Record<string, number> = { "demo-request": 1.2, newsletter: -0.8, referral: 0.9, webinar: 0.2, website: 0, "paid-search": -0.2, import: -0.5 };
const SENIORITY_EFFECT: Record<string, number> = { executive: 1, director: 0.7, manager: 0.3, individual: -0.3, unknown: -0.5 };
const ANSWER_EFFECT: Record<string, Record<string, number>> = { budget: { yes: 0.8, no: -0.7 }, authority: { yes: 0.5, no: -0.3 }, need: { yes: 0.4, no: -0.6 } };

function winLogOdds({ lead, answers, minutesToFirstResponse, engagement }: SyntheticLead, record: FeatureRecord): number {
  const employees = typeof lead.custom.employees === "number" ? 0.3 * Math.log1p(lead.custom.employees) - 1.2 : 0;
  const answered = answers.reduce((total, { criterion, answer }) => total + (ANSWER_EFFECT[criterion]?.[answer] ?? 0), 0);
  const response = minutesToFirstResponse === null ? -0.5 : 0.9 - 0.25 * Math.log1p(minutesToFirstResponse);
  const work = 0.4 * engagement.replies + 1 * engagement.meetingsBooked + 0.1 * engagement.pageViews + 0.05 * engagement.touches;
  return -1.8 + SOURCE_EFFECT[lead.source!]! + SENIORITY_EFFECT[titleSeniority(lead.title)]! + (record.personalAddress ? -0.6 : 0) + employees + answered + response + work;
}

/** `count` closed leads as `loadClosedModelRecords` gives them, won with the probability the known weights say. */
function closedLeadHistory(count: number, now: number): { records: FeatureRecord[]; outcomes: boolean[] } {
  const random = streamFor(6, "scoring-bench-outcomes");
  const records: FeatureRecord[] = [];
  const outcomes: boolean[] = [];
  for (let n = 0; n < count; n++) {
    const item = syntheticLead(n, now);
    const { lead, answers, minutesToFirstResponse, engagement } = item;
    const record = leadModelRecord({ lead, answers, firstResponseAt: minutesToFirstResponse === null ? null : lead.createdAt + minutesToFirstResponse * 60_000, engagement });
    records.push(record);
    outcomes.push(random.next() < 1 / (1 + Math.exp(-winLogOdds(item, record))));
  }
  return { records, outcomes };
}

/** Model training with its cross-validation on `count` closed leads, in wall-clock and CPU seconds. */
function measureTraining(count: number, now: number): { seconds: number; cpuSeconds: number; auc: number } {
  const { records, outcomes } = closedLeadHistory(count, now);
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  const { report } = trainModel(records, outcomes);
  const cpu = process.cpuUsage(cpuAtStart);
  return { seconds: (performance.now() - startedAt) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, auc: report.auc };
}

/**
 * Scoring at workspace scale. Rescoring: `count` open leads (with ~2–3 signal events each, some
 * qualification answers and custom fields) on a fresh file-backed SQLite database, scored by the
 * worker's refresh pass (`refreshScoresPage`, page after page) with the default rules and no
 * model: the first pass scores every lead, a second one three days later rewrites only the
 * scores that decayed. The reference is the domain scoring alone, in memory. Training: the
 * model, with its 5-fold cross-validation, on synthetic closed leads whose outcomes follow
 * known weights.
 */
export async function runFigures({ isQuick }: { isQuick: boolean }): Promise<Figures> {
  const count = isQuick ? 50_000 : 1_000_000;
  const closedCount = isQuick ? 20_000 : 100_000;
  const now = Date.UTC(2026, 10, 23, 9);
  const trainingLoad = os.loadavg()[0]!;
  const training = measureTraining(closedCount, now);
  progress(`trained on ${closedCount} closed leads in ${training.seconds.toFixed(1)} s (${training.cpuSeconds.toFixed(1)} s of CPU, AUC ${training.auc.toFixed(3)})`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "closeloop-bench-scoring-"));
  const db = createDatabase({ sqliteFile: path.join(dir, "closeloop.db") });
  try {
    await migrateToLatest(db);
    const seedStartedAt = performance.now();
    for (let from = 0; from < count; from += SEED_BATCH) await db.transaction().execute((trx) => seedBatch(trx, from, Math.min(count, from + SEED_BATCH), now));
    progress(`seeded ${count} leads in ${((performance.now() - seedStartedAt) / 1000).toFixed(0)} s`);
    const clock: Clock = manualClock(now);
    const ctx: ServiceContext = { db, clock, ids: sequentialIds(), log: pino({ level: "warn" }), defaultPhoneRegion: "US", publicUrl: "https://closeloop.example" };
    const rescoringLoad = os.loadavg()[0]!;
    const first = await refreshPass(ctx, now);
    const scored = await db.selectFrom("lead_scores").select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
    if (first.leads !== count || Number(scored.total) !== count) throw new Error(`first pass scored ${first.leads} leads and stored ${scored.total} scores of ${count}`);
    progress(`first pass: ${count} leads in ${first.seconds.toFixed(1)} s (${first.cpuSeconds.toFixed(1)} s of CPU)`);
    const later = now + 3 * DAY_MS;
    const decay = await refreshPass(ctx, later);
    const rewritten = await db.selectFrom("lead_scores").select((eb) => eb.fn.countAll<number>().as("total")).where("scored_at", "=", later).executeTakeFirstOrThrow();
    progress(`decay pass: ${count} leads in ${decay.seconds.toFixed(1)} s (${decay.cpuSeconds.toFixed(1)} s of CPU), ${rewritten.total} scores rewritten`);
    return {
      rescores_per_s: figure(first.leads / first.seconds, "leads/s"),
      rescores_per_cpu_s: figure(first.leads / first.cpuSeconds, "leads/CPU-s"),
      rescores_per_s_decay: figure(decay.leads / decay.seconds, "leads/s"),
      rescores_per_cpu_s_decay: figure(decay.leads / decay.cpuSeconds, "leads/CPU-s"),
      decay_scores_rewritten: figure(Number(rewritten.total), "leads"),
      domain_scores_per_s: figure(domainScoringRate(Math.min(count, DOMAIN_REFERENCE_LEADS), now), "leads/s"),
      refresh_page_size: figure(PAGE_SIZE, "leads"),
      train_100k_s: figure(training.seconds, "s"),
      train_100k_cpu_s: figure(training.cpuSeconds, "CPU-s"),
      train_closed_leads: figure(closedCount, "leads"),
      train_cv_auc: figure(training.auc, "auc"),
      // The machine's 1-minute load average as each part started: above the core count, wall-clock figures include waiting for a core.
      load_at_training: figure(trainingLoad, "load average"),
      load_at_rescoring: figure(rescoringLoad, "load average"),
    };
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

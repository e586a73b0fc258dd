import type { Actor, NewLeadEvent } from "../../domain/lead/lead-event.js";
import { leadModelRecord } from "../../domain/scoring/lead-model-features.js";
import type { FeatureRecord } from "../../domain/scoring/model/feature-values.js";
import { modelOpinionOf } from "../../domain/scoring/model/train-model.js";
import { choosePlaybook } from "../../domain/scoring/playbook.js";
import { intentSignalsOf } from "../../domain/scoring/intent-signals.js";
import { type LeadScore, type ModelOpinion, scoreLead, scorePartsOf, scoringFacts } from "../../domain/scoring/score-lead.js";
import type { Executor } from "../../store/engine.js";
import { LEAD_RESCORE_TASK, leadRescoreTimerKey } from "../../domain/scoring/rescoring-triggers.js";
import { appendEvents } from "../../store/events.js";
import { scheduleTimers } from "../../store/timers.js";
import { loadModelRecords } from "../../store/lead-model-records.js";
import { findScoreSummaries, saveLeadScores, type StoredLeadScore, type StoredScoreSummary } from "../../store/lead-scores.js";
import type { ScoringInput } from "../../store/scoring-inputs.js";
import type { ServiceContext } from "../context.js";
import { applyPlaybookInTransaction, type PlaybookApplication } from "./apply-playbook.js";
import type { ScoringState } from "./scoring-state.js";

export type ScoringRun = {
  state: ScoringState;
  actor: Actor;
  now: number;
  /** At capture a new lead's SLA clock already runs under its playbook's policy (see `capturePlaybookPolicies`). */
  isCapture: boolean;
  /** False for imports of old leads: they are scored, but no playbook starts follow-up on them. */
  isPlaybookApplied: boolean;
  /**
   * For passes over many leads that do not lock them (the refresh): a lead whose intent level
   * moved is left for its own `lead-rescore`, which locks it before a playbook changes its
   * sequence or SLA.
   */
  isPlaybookDeferred?: boolean;
};

/** Contributions stored and shown: the strongest ones, enough to explain any score. */
const STORED_CONTRIBUTIONS = 12;

/**
 * Scores leads inside the caller's transaction and writes what changed: the current score,
 * a `scored` event when the score, bucket or intent level moved, and the playbook of the new
 * intent level when it moved (see `applyPlaybookInTransaction`). Closed leads keep the score
 * they closed with.
 */
export async function scoreLeadsInTransaction(trx: Executor, ctx: ServiceContext, inputs: readonly ScoringInput[], run: ScoringRun): Promise<void> {
  const open = inputs.filter((input) => !input.isClosed);
  if (open.length === 0) return;
  const previous = await findScoreSummaries(trx, open.flatMap((input) => (input.isNew ? [] : [input.lead.id])));
  const modelRecords = run.state.model ? await modelRecordsOf(trx, open) : new Map<string, FeatureRecord>();
  const changed: StoredLeadScore[] = [];
  const events: NewLeadEvent[] = [];
  const applications: PlaybookApplication[] = [];
  const deferred: string[] = [];
  for (const input of open) {
    const record = modelRecords.get(input.lead.id);
    const model = run.state.model && record ? modelOpinion(run.state.model, record, run.state.config.modelWeight) : null;
    const score = scoreLead(run.state.config, { facts: scoringFacts(input.lead, input.answers), signals: intentSignalsOf(input.events), now: run.now, model });
    const before = previous.get(input.lead.id);
    const isIntentMoved = before?.intentLevel !== score.intentLevel;
    if (isIntentMoved && before && run.isPlaybookDeferred) {
      // The intent level moved: the lead's own rescore (which locks it) applies the new playbook.
      deferred.push(input.lead.id);
      continue;
    }
    // A playbook is only recorded on the lead when it starts. Imports start none, nor does a pass
    // over leads scored for the first time (they were worked before scoring: no sequence changes behind the owner's back).
    const mayStartPlaybook = run.isPlaybookApplied && !(run.isPlaybookDeferred && !before);
    const playbook = isIntentMoved && mayStartPlaybook ? choosePlaybook(run.state.playbooks, score.intentLevel, input.lead.source) : undefined;
    const playbookId = playbook === undefined ? (before?.playbookId ?? null) : (playbook?.id ?? null);
    const stored = toStored(input.lead.id, score, playbookId, run.now);
    if (before && isSameScore(before, stored)) continue;
    changed.push(stored);
    if (!before || before.score !== stored.score || before.bucket !== stored.bucket || isIntentMoved) events.push(scoredEvent(input.lead.id, score, before, run.actor, run.now));
    if (playbook && playbook.id !== before?.playbookId) {
      applications.push({
        lead: input.lead,
        playbook,
        previousPlaybookId: before?.playbookId ?? null,
        intentLevel: score.intentLevel,
        reason: run.isCapture && !before ? "capture" : "intent_changed",
        // Only a lead this capture created had its clock started under the playbook's policy; a merged one may need a restart.
        isSlaApplied: run.isCapture && !before,
        calendar: run.state.calendar,
        actor: run.actor,
        now: run.now,
      });
    }
  }
  await saveLeadScores(trx, changed);
  await appendEvents(trx, events);
  for (const application of applications) await applyPlaybookInTransaction(trx, ctx, application);
  await scheduleTimers(trx, deferred.map((leadId) => ({ key: leadRescoreTimerKey(leadId), task: LEAD_RESCORE_TASK, payload: { leadId }, runAt: run.now })), run.now);
}

/**
 * The leads as the model reads them. A lead just created has no answers, touches or response
 * yet: its record is built from the lead itself, without reading what is not there.
 */
async function modelRecordsOf(trx: Executor, inputs: readonly ScoringInput[]): Promise<Map<string, FeatureRecord>> {
  const records = await loadModelRecords(trx, inputs.flatMap((input) => (input.isNew ? [] : [input.lead.id])));
  for (const { lead, isNew } of inputs) {
    if (isNew) records.set(lead.id, leadModelRecord({ lead, answers: [], firstResponseAt: null, engagement: NO_ENGAGEMENT }));
  }
  return records;
}

const NO_ENGAGEMENT = { touches: 0, replies: 0, meetingsBooked: 0, pageViews: 0 };

/**
 * The model's opinion in score terms. A contribution arrives in log-odds; near the lead's
 * probability p the model moves the score by modelWeight · 100 · p(1 − p) points per unit of
 * log-odds, so that is how many points each one is worth beside the rules' points.
 */
export function modelOpinion(current: NonNullable<ScoringState["model"]>, record: Parameters<typeof modelOpinionOf>[1], modelWeight: number): ModelOpinion {
  const opinion = modelOpinionOf(current.model, record);
  const pointsPerLogOdds = modelWeight * 100 * opinion.probability * (1 - opinion.probability);
  return {
    version: current.version,
    probability: opinion.probability,
    contributions: opinion.contributions.map((c) => ({ ruleId: `model:${c.feature}`, part: "model", label: c.feature, points: c.points * pointsPerLogOdds, words: c.words })),
  };
}

/** A score as stored for a lead, with the playbook running on it, scored at `now`. */
export function toStored(leadId: string, score: LeadScore, playbookId: string | null, now: number): StoredLeadScore {
  return {
    leadId,
    ...scorePartsOf(score),
    playbookId,
    contributions: score.contributions.slice(0, STORED_CONTRIBUTIONS),
    scoredAt: now,
  };
}

/** Nothing a person would see moved: skip the write (the daily refresh then touches only leads whose score decayed). */
function isSameScore(before: StoredScoreSummary, after: StoredLeadScore): boolean {
  return (
    before.score === after.score &&
    before.fitScore === after.fitScore &&
    before.intentScore === after.intentScore &&
    before.bucket === after.bucket &&
    before.intentLevel === after.intentLevel &&
    before.playbookId === after.playbookId &&
    before.modelVersion === after.modelVersion
  );
}

/** The `scored` event of a lead's new score, with the score it had `before` (none on its first). */
export function scoredEvent(leadId: string, score: LeadScore, before: StoredScoreSummary | undefined, actor: Actor, at: number): NewLeadEvent {
  const data = {
    ...scorePartsOf(score),
    previousScore: before?.score ?? null,
    previousBucket: before?.bucket ?? null,
    top: score.explanation,
  };
  return { leadId, type: "scored", actor, at, data };
}

import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { modelReadiness } from "../../domain/scoring/model/model-readiness.js";
import { crossValidationShortfall, DEFAULT_FOLDS, type ModelReport, type TrainedModel, trainModel } from "../../domain/scoring/model/train-model.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { loadClosedModelRecords } from "../../store/lead-model-records.js";
import { insertScoringModel, latestScoringModelVersion } from "../../store/scoring-models.js";
import { isUniqueViolation } from "../../store/unique-violation.js";
import type { ServiceContext } from "../context.js";
import { requestScoresRefresh } from "./rescore-leads.js";

/** Times a lost race for the next version is retried: each retry means another training just committed. */
const VERSION_ATTEMPTS = 3;

/** What a training produced: the version now in use and its cross-validated report. */
export type TrainingResult = { version: number; report: ModelReport };

/**
 * Trains the model on every closed lead (won vs lost or disqualified) and makes it the one in
 * use: stores it as the next version, appends `model_trained` and starts a rescoring pass over
 * the open leads, in one transaction. Below the minimum history (`modelReadiness`), or without
 * enough losses to cross-validate, it is `insufficient_history` with the message saying what is
 * missing. Training runs before the transaction, so writers are not held up while it computes.
 */
export async function trainScoringModel(ctx: ServiceContext, actor: Actor): Promise<TrainingResult> {
  const trained = await trainOnClosedLeads(ctx.db);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction().execute((trx) => storeModel(trx, actor, ctx.clock.now(), trained));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt === VERSION_ATTEMPTS) throw error;
    }
  }
}

/** `trainScoringModel` inside the caller's transaction, which is held while it computes: for a workspace no one uses yet (the demo). */
export async function trainScoringModelInTransaction(trx: Executor, actor: Actor, now: number): Promise<TrainingResult> {
  return storeModel(trx, actor, now, await trainOnClosedLeads(trx));
}

async function trainOnClosedLeads(db: Executor): Promise<{ model: TrainedModel; report: ModelReport }> {
  const history = await loadClosedModelRecords(db);
  const wins = history.outcomes.filter(Boolean).length;
  const readiness = modelReadiness(history.outcomes.length, wins);
  if (!readiness.isReady) throw new DomainError("insufficient_history", { message: readiness.message, details: { readiness } });
  const shortfall = crossValidationShortfall(wins, history.outcomes.length - wins, DEFAULT_FOLDS);
  if (shortfall !== null) throw new DomainError("insufficient_history", { message: `The model cannot be checked yet: ${shortfall}.`, details: { readiness } });
  return trainModel(history.records, history.outcomes);
}

async function storeModel(trx: Executor, actor: Actor, now: number, { model, report }: { model: TrainedModel; report: ModelReport }): Promise<TrainingResult> {
  const version = (await latestScoringModelVersion(trx)) + 1;
  await insertScoringModel(trx, { version, trainedAt: now, trainedBy: actor, model, report, closedCount: report.closed, winCount: report.wins });
  const { auc, brier, closed, wins } = report;
  await appendEvents(trx, [{ leadId: null, type: "model_trained", actor, at: now, data: { version, auc, brier, closed, wins } }]);
  await requestScoresRefresh(trx, now);
  return { version, report };
}

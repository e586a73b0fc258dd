import { wonStageKeys } from "../../domain/pipeline/deal-outcome.js";
import { addMonths, monthOf, monthStartsAt } from "../../domain/scoring/close-months.js";
import { HISTORY_MONTHS, type MonthlyCloseRates, monthlyCloseRates } from "../../domain/scoring/drift.js";
import { type ModelReadiness, modelReadiness } from "../../domain/scoring/model/model-readiness.js";
import type { ModelReport } from "../../domain/scoring/model/train-model.js";
import { listClosedLeadOutcomes } from "../../store/closed-lead-outcomes.js";
import { listDriftAlerts, type RecordedDriftAlert } from "../../store/drift-alerts.js";
import { countClosedLeads } from "../../store/lead-model-records.js";
import { findLatestScoringModel } from "../../store/scoring-models.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";

/** Drift alerts the model page lists, newest first. */
const DRIFT_ALERTS_SHOWN = 50;

/** What the model page shows: whether there is enough history, the model in use, close rates by month and drift alerts. */
export type ModelReportView = {
  readiness: ModelReadiness;
  /** The model in use (the newest), or null before the first training. */
  current: { version: number; trainedAt: number; trainedBy: string; report: ModelReport } | null;
  /** Close rates per bucket and criterion, month by month: the current month and the HISTORY_MONTHS before it, in the workspace's time zone. */
  monthly: MonthlyCloseRates[];
  driftAlerts: RecordedDriftAlert[];
};

/** Reads the model page: readiness from every closed lead, the newest model's report, monthly close rates and drift alerts. */
export async function readModelReport(ctx: ServiceContext): Promise<ModelReportView> {
  const { businessCalendar, pipeline } = await readSettings(ctx.db);
  const { timezone } = businessCalendar;
  const { closed, wins } = await countClosedLeads(ctx.db);
  const latest = await findLatestScoringModel(ctx.db);
  const thisMonth = monthOf(ctx.clock.now(), timezone);
  const outcomes = await listClosedLeadOutcomes(ctx.db, {
    wonStages: wonStageKeys(pipeline),
    closedFrom: monthStartsAt(addMonths(thisMonth, -HISTORY_MONTHS), timezone),
    closedBefore: monthStartsAt(addMonths(thisMonth, 1), timezone),
  });
  return {
    readiness: modelReadiness(closed, wins),
    current: latest ? { version: latest.version, trainedAt: latest.trainedAt, trainedBy: latest.trainedBy, report: latest.report } : null,
    monthly: monthlyCloseRates(outcomes, timezone),
    driftAlerts: await listDriftAlerts(ctx.db, DRIFT_ALERTS_SHOWN),
  };
}

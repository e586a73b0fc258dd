import { wonStageKeys } from "../../domain/pipeline/deal-outcome.js";
import { invalidField } from "../../domain/errors.js";
import { isMonth, lastCompleteMonth, monthInWords } from "../../domain/scoring/close-months.js";
import { detectDrift, type DriftAlert, driftWindow } from "../../domain/scoring/drift.js";
import { listClosedLeadOutcomes } from "../../store/closed-lead-outcomes.js";
import { insertDriftAlertIfAbsent } from "../../store/drift-alerts.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { enqueueMessages } from "../../store/outbox.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { findEscalationRecipients } from "../sla/escalation-recipients.js";

/** Where the drift alerts and the close rates behind them are shown. */
const MODEL_PAGE_PATH = "/scoring/model";

/**
 * Checks a month for drift (default: the last complete month in the workspace's time zone) and
 * raises the alerts not raised before, in one transaction. A month that has not ended yet is
 * refused on `month`: its alerts would be judged on part of it and never raised again.
 */
export async function checkDrift(ctx: ServiceContext, options: { month?: string } = {}): Promise<DriftAlert[]> {
  if (options.month !== undefined && !isMonth(options.month)) throw invalidField("month", "must be a month as YYYY-MM");
  const now = ctx.clock.now();
  return ctx.db.transaction().execute((trx) => raiseDrift(trx, ctx, options.month, now));
}

/**
 * Runs drift detection on a month's closed leads and records each new alert (by its key: an
 * alert is raised once however often this runs) with a `drift_detected` event and an email to
 * every active manager and admin. Returns the new alerts.
 */
export async function raiseDrift(trx: Executor, ctx: ServiceContext, month: string | undefined, now: number): Promise<DriftAlert[]> {
  const { businessCalendar, pipeline } = await readSettings(trx);
  const { timezone } = businessCalendar;
  const lastComplete = lastCompleteMonth(now, timezone);
  if (month !== undefined && month > lastComplete) throw invalidField("month", "must be a month that has ended");
  const checked = month ?? lastComplete;
  const window = driftWindow(checked, timezone);
  const wonStages = wonStageKeys(pipeline);
  const outcomes = await listClosedLeadOutcomes(trx, { wonStages, closedFrom: window.from, closedBefore: window.before });
  const criteriaLabels = Object.fromEntries(pipeline.qualificationCriteria.map((criterion) => [criterion.key, criterion.label]));
  const raised: DriftAlert[] = [];
  for (const alert of detectDrift(outcomes, { month: checked, timezone, criteriaLabels })) {
    if (await insertDriftAlertIfAbsent(trx, alert, now)) raised.push(alert);
  }
  if (raised.length === 0) return raised;
  await appendEvents(
    trx,
    raised.map((alert) => ({ leadId: null, type: "drift_detected", actor: "system", at: now, data: alert })),
  );
  // Without an owner, the SLA's recipients are every active manager and admin: the people who tune scoring.
  const recipients = await findEscalationRecipients(trx, null, true);
  await enqueueMessages(
    trx,
    raised.flatMap((alert) => recipients.map((person) => driftEmail(ctx, alert, person, now))),
    now,
  );
  return raised;
}

/**
 * The email about an alert to one person. Email only: the Slack message is shaped around a
 * lead (name, company, SLA deadline) and a drift alert has none.
 */
function driftEmail(ctx: ServiceContext, alert: DriftAlert, person: { id: string; email: string }, now: number) {
  const text = `${alert.message}\n\nThe scoring rules may need recalibrating against what closes now. Close rates by bucket and criterion:\n${ctx.publicUrl}${MODEL_PAGE_PATH}\n`;
  return {
    id: ctx.ids("msg"),
    key: `email:drift:${alert.key}:${person.id}`,
    channel: "email",
    payload: { to: [person.email], subject: `Scoring drift in ${monthInWords(alert.month)}`, text },
    availableAt: now,
  };
}

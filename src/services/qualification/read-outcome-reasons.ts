import { invalidField } from "../../domain/errors.js";
import { OUTCOME_STATE_EVENT_TYPES, outcomeReasonCounts, type OutcomeReasonReport, type TimeRange } from "../../domain/metrics/outcome-reasons.js";
import { listOutcomeEvents } from "../../store/outcome-events.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { DAY_MS } from "../../domain/time.js";

/** The report looks back this far when no `from` is given. */
const DEFAULT_REPORT_DAYS = 30;

/** The longest range one report reads (it loads the range's closing events into memory). */
export const MAX_REPORT_DAYS = 366;

export type OutcomeReasonsQuery = { from?: number | undefined; to?: number | undefined };

/**
 * Disqualification and lost reasons per source and campaign for leads that closed in the range
 * (default: the last 30 days up to now), each lead counted once as its latest outcome.
 */
export async function readOutcomeReasons(ctx: ServiceContext, query: OutcomeReasonsQuery): Promise<OutcomeReasonReport & TimeRange> {
  const to = query.to ?? ctx.clock.now();
  const from = query.from ?? to - DEFAULT_REPORT_DAYS * DAY_MS;
  if (from >= to) throw invalidField("from", "must be before to (default: now)");
  if (to - from > MAX_REPORT_DAYS * DAY_MS) throw invalidField("from", `the range may span at most ${MAX_REPORT_DAYS} days`);
  const { pipeline } = await readSettings(ctx.db);
  const events = await listOutcomeEvents(ctx.db, { from, to }, OUTCOME_STATE_EVENT_TYPES);
  const report = outcomeReasonCounts(events, { from, to }, { disqualified: pipeline.disqualificationReasons, lost: pipeline.lostReasons });
  return { from, to, ...report };
}

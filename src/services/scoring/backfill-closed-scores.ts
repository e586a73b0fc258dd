import { intentSignalsOf } from "../../domain/scoring/intent-signals.js";
import { scoreLead, scoringFacts } from "../../domain/scoring/score-lead.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { listUnscoredClosedLeads, saveLeadScores } from "../../store/lead-scores.js";
import { loadScoringInputs } from "../../store/scoring-inputs.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { scoredEvent, toStored } from "./score-leads.js";

/**
 * Scores up to `limit` leads closed by `now` that have no score (closed before scoring existed:
 * an imported history, the demo), as of their close, inside the caller's transaction: only the
 * answers and signal events written before `closed_at` count, intent decays to `closed_at`, and
 * the rules alone judge them (a model trained on these outcomes must not). No playbook: they are
 * closed. Each gets a `scored` event at its close by "system", so drift and close rates by bucket
 * read the bucket it closed with. Returns how many it scored; one query when there are none.
 */
export async function backfillClosedLeadScores(trx: Executor, ctx: ServiceContext, now: number, limit: number): Promise<number> {
  const closes = await listUnscoredClosedLeads(trx, now, limit);
  if (closes.length === 0) return 0;
  const closedAt = new Map(closes.map((close) => [close.leadId, close.closedAt]));
  const inputs = await loadScoringInputs(trx, [...closedAt.keys()], closedAt);
  const { scoring: config } = await readSettings(trx);
  const scored = [...inputs.values()].map(({ lead, answers, events }) => {
    const at = closedAt.get(lead.id)!;
    return { at, score: scoreLead(config, { facts: scoringFacts(lead, answers), signals: intentSignalsOf(events), now: at, model: null }), leadId: lead.id };
  });
  await saveLeadScores(
    trx,
    scored.map(({ leadId, score, at }) => toStored(leadId, score, null, at)),
  );
  await appendEvents(
    trx,
    scored.map(({ leadId, score, at }) => scoredEvent(leadId, score, undefined, "system", at)),
  );
  ctx.log.info({ leads: scored.length }, "closed leads scored as of their close");
  return scored.length;
}

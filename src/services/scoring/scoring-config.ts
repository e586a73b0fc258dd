import type { Actor } from "../../domain/lead/lead-event.js";
import { checkScoringConfig } from "../../domain/scoring/check-scoring-config.js";
import type { ScoringConfig } from "../../domain/scoring/scoring-config.js";
import { appendEvents } from "../../store/events.js";
import { readSettings, writeSetting } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { requestScoresRefresh } from "./rescore-leads.js";

/** The workspace's scoring rules with what an editor needs beside them: the qualification criteria fit rules can read. */
export type ScoringConfigView = ScoringConfig & { criteria: { key: string; label: string }[] };

export async function readScoringConfig(ctx: ServiceContext): Promise<ScoringConfigView> {
  const settings = await readSettings(ctx.db);
  return { ...settings.scoring, criteria: settings.pipeline.qualificationCriteria.map(({ key, label }) => ({ key, label })) };
}

/**
 * Replaces the scoring rules after checking them (`invalid` naming the field), appends
 * `scoring_config_saved` and starts a pass that rescores every open lead under the new rules.
 * Saving the same rules writes nothing.
 */
export async function saveScoringConfig(ctx: ServiceContext, input: unknown, actor: Actor): Promise<ScoringConfigView> {
  return ctx.db.transaction().execute(async (trx) => {
    const settings = await readSettings(trx);
    const criteria = settings.pipeline.qualificationCriteria;
    const config = checkScoringConfig(input, criteria.map((criterion) => criterion.key));
    const view = { ...config, criteria: criteria.map(({ key, label }) => ({ key, label })) };
    if (JSON.stringify(config) === JSON.stringify(settings.scoring)) return view;
    const now = ctx.clock.now();
    await writeSetting(trx, "scoring", config, now);
    await appendEvents(trx, [{ leadId: null, type: "scoring_config_saved", actor, at: now, data: { fitRules: config.fitRules.length, intentRules: config.intentRules.length, buckets: config.buckets } }]);
    await requestScoresRefresh(trx, now);
    return view;
  });
}

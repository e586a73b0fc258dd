import { leadDisplayName } from "../../domain/lead/lead.js";
import { checkScoringConfig } from "../../domain/scoring/check-scoring-config.js";
import { intentSignalsOf } from "../../domain/scoring/intent-signals.js";
import { type LeadScore, scoreLead, scoringFacts } from "../../domain/scoring/score-lead.js";
import { loadModelRecords } from "../../store/lead-model-records.js";
import { findLeadScores, type StoredLeadScore } from "../../store/lead-scores.js";
import { listRecentOpenLeadIds, loadScoringInputs } from "../../store/scoring-inputs.js";
import { readSettings } from "../../store/settings.js";
import { modelOpinion } from "./score-leads.js";
import { loadScoringState } from "./scoring-state.js";
import type { ServiceContext } from "../context.js";

/** A sample lead scored by the stored rules (as it stands) and by a draft. */
export type ScoringPreviewItem = { leadId: string; name: string; company: string | null; current: StoredLeadScore | null; preview: LeadScore };

/** Leads a preview shows when none are named. */
export const PREVIEW_SAMPLE_SIZE = 10;

/** Most leads one preview may name. */
export const PREVIEW_MAX_LEADS = 50;

/**
 * Scores sample leads by a draft of the rules, saved or not, beside their current score, so an
 * editor sees what a change does before saving it. The draft is checked like a save
 * (`invalid` naming the field). A trained model takes part as in live scores, by the draft's
 * `modelWeight`.
 */
export async function previewScoring(ctx: ServiceContext, request: { config: unknown; leadIds?: readonly string[] | undefined }): Promise<ScoringPreviewItem[]> {
  const settings = await readSettings(ctx.db);
  const config = checkScoringConfig(request.config, settings.pipeline.qualificationCriteria.map((criterion) => criterion.key));
  const ids = request.leadIds?.length ? [...new Set(request.leadIds)].slice(0, PREVIEW_MAX_LEADS) : await listRecentOpenLeadIds(ctx.db, PREVIEW_SAMPLE_SIZE);
  const inputs = await loadScoringInputs(ctx.db, ids);
  const current = await findLeadScores(ctx.db, ids);
  const { model } = await loadScoringState(ctx.db);
  const modelRecords = model ? await loadModelRecords(ctx.db, ids) : new Map();
  const now = ctx.clock.now();
  return ids.flatMap((id) => {
    const input = inputs.get(id);
    if (!input) return [];
    const record = modelRecords.get(id);
    const opinion = model && record ? modelOpinion(model, record, config.modelWeight) : null;
    const preview = scoreLead(config, { facts: scoringFacts(input.lead, input.answers), signals: intentSignalsOf(input.events), now, model: opinion });
    return [{ leadId: id, name: leadDisplayName(input.lead), company: input.lead.company, current: current.get(id) ?? null, preview }];
  });
}

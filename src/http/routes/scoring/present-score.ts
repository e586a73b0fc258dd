import type { ScoreHistoryPoint, StoredLeadScore } from "../../../store/lead-scores.js";
import type { RunningPlaybook } from "../../../services/scoring/read-lead-score.js";
import { isoOf } from "../../instants.js";

/** Words of the strongest contributions: what the lead page and the preview show first. */
const EXPLAINED_CONTRIBUTIONS = 3;

export function presentLeadScore(score: StoredLeadScore) {
  const { leadId: _leadId, playbookId: _playbookId, scoredAt, ...parts } = score;
  return { ...parts, explanation: score.contributions.slice(0, EXPLAINED_CONTRIBUTIONS).map((c) => c.words), scoredAt: isoOf(scoredAt) };
}

export function presentPlaybook(playbook: RunningPlaybook) {
  return {
    id: playbook.id,
    name: playbook.name,
    intentLevel: playbook.intentLevel,
    source: playbook.source,
    stageGuidance: playbook.stageGuidance,
    reason: playbook.reason,
    appliedAt: isoOf(playbook.appliedAt),
  };
}

export function presentHistoryPoint(point: ScoreHistoryPoint) {
  return { ...point, at: isoOf(point.at) };
}

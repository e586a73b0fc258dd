import type { ChecklistItem, OutcomeReason, PipelineConfig, QualificationCriterion, StageDefinition } from "./pipeline-config.js";

const item = ({ key, label }: ChecklistItem): ChecklistItem => ({ key: key.trim(), label: label.trim() });
const reason = ({ key, label, requiresNote }: OutcomeReason): OutcomeReason => ({ key: key.trim(), label: label.trim(), requiresNote });
const criterion = ({ key, label, question }: QualificationCriterion): QualificationCriterion => ({ key: key.trim(), label: label.trim(), question: question.trim() });

function stage(definition: StageDefinition): StageDefinition {
  return {
    key: definition.key.trim(),
    name: definition.name.trim(),
    goal: definition.goal.trim(),
    mustHappen: definition.mustHappen.trim(),
    talkingPoints: definition.talkingPoints.map((point) => point.trim()),
    exitChecklist: definition.exitChecklist.map(item),
    checklistMode: definition.checklistMode,
    maxDaysInStage: definition.maxDaysInStage,
    milestone: definition.milestone,
  };
}

/**
 * A pipeline configuration as stored: every text trimmed and every object rebuilt with its
 * known fields in one order, so two equal configurations are equal as JSON too (a save that
 * changes nothing writes nothing).
 */
export function normalizePipelineConfig(config: PipelineConfig): PipelineConfig {
  return {
    stages: config.stages.map(stage),
    qualificationCriteria: config.qualificationCriteria.map(criterion),
    disqualificationReasons: config.disqualificationReasons.map(reason),
    lostReasons: config.lostReasons.map(reason),
    nextStepOverdueAfterMinutes: config.nextStepOverdueAfterMinutes,
    expectationTolerancePercent: config.expectationTolerancePercent,
  };
}

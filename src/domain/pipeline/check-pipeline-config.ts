import { invalidField } from "../errors.js";
import { INITIAL_STAGE } from "../lead/lead.js";
import { type ChecklistItem, isClosedStage, MILESTONES, type OutcomeReason, type PipelineConfig, type QualificationCriterion, type StageDefinition } from "./pipeline-config.js";

/** Keys are stored on leads and in events: lower-case words joined by `_`, so they read well in both. */
const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Longest key of a stage, checklist item, criterion or reason. */
export const PIPELINE_KEY_MAX_LENGTH = 50;

/** Most minutes an unfinished next step may wait after its due time before it counts as overdue: 30 days. */
export const MAX_OVERDUE_AFTER_MINUTES = 30 * 24 * 60;

/** A proposal ten times the anchor is a mismatch whatever the tolerance; above this a tolerance means nothing. */
export const MAX_EXPECTATION_TOLERANCE_PERCENT = 1000;

function checkKey(key: string, path: string): void {
  if (!KEY_PATTERN.test(key) || key.length > PIPELINE_KEY_MAX_LENGTH) {
    throw invalidField(path, `must be lower-case letters, digits and _ (starting with a letter), at most ${PIPELINE_KEY_MAX_LENGTH} characters`);
  }
}

function checkText(text: string, path: string): void {
  if (text.trim() === "") throw invalidField(path, "must not be blank");
}

/** Checks a list of keyed entries: each key well formed and used once, each text field not blank. */
function checkKeyedList<T extends { key: string }>(items: readonly T[], path: string, textFields: readonly (keyof T & string)[]): void {
  const firstIndexOf = new Map<string, number>();
  items.forEach((item, index) => {
    checkKey(item.key, `${path}.${index}.key`);
    const earlier = firstIndexOf.get(item.key);
    if (earlier !== undefined) throw invalidField(`${path}.${index}.key`, `"${item.key}" is already used by ${path}.${earlier}`);
    firstIndexOf.set(item.key, index);
    for (const field of textFields) checkText(String(item[field]), `${path}.${index}.${field}`);
  });
}

function checkNonEmpty(items: readonly unknown[], path: string, what: string): void {
  if (items.length === 0) throw invalidField(path, `must list at least one ${what}`);
}

function checkStage(stage: StageDefinition, path: string): void {
  checkText(stage.name, `${path}.name`);
  stage.talkingPoints.forEach((point, index) => checkText(point, `${path}.talkingPoints.${index}`));
  checkKeyedList<ChecklistItem>(stage.exitChecklist, `${path}.exitChecklist`, ["label"]);
  if (!isClosedStage(stage)) return;
  // A closed lead leaves its stage only by reopening, which skips checklists, and it cannot stall.
  if (stage.exitChecklist.length > 0) throw invalidField(`${path}.exitChecklist`, "must be empty for a won or lost stage: reopening a lead skips the checklist");
  if (stage.maxDaysInStage !== null) throw invalidField(`${path}.maxDaysInStage`, "must be null for a won or lost stage: a closed lead does not stall");
}

/**
 * The order of the stages: the first is `new` (where capture puts leads), open stages follow
 * the canonical milestones without going back (so stage-to-stage metrics compare), and exactly
 * one won and one lost stage close the pipeline.
 */
function checkStageOrder(stages: readonly StageDefinition[]): void {
  const first = stages[0];
  if (!first) throw invalidField("stages", "must list at least the first stage, a won stage and a lost stage");
  if (first.key !== INITIAL_STAGE) throw invalidField("stages.0.key", `must be "${INITIAL_STAGE}": captured leads start there`);
  if (first.milestone !== "new") throw invalidField("stages.0.milestone", "must be \"new\"");
  let closedSeen: StageDefinition | undefined;
  stages.forEach((stage, index) => {
    const path = `stages.${index}.milestone`;
    const previous = stages[index - 1];
    if (isClosedStage(stage)) {
      if (stages.some((other, otherIndex) => otherIndex < index && other.milestone === stage.milestone)) throw invalidField(path, `only one stage may be ${stage.milestone}`);
      closedSeen = stage;
      return;
    }
    if (closedSeen) throw invalidField(path, `open stages come before the won and lost stages (${closedSeen.key} is earlier)`);
    if (previous && MILESTONES.indexOf(stage.milestone) < MILESTONES.indexOf(previous.milestone)) {
      throw invalidField(path, `must not come before "${previous.milestone}" (${previous.key}): open stages follow the milestones in order`);
    }
  });
  for (const milestone of ["won", "lost"] as const) {
    if (!stages.some((stage) => stage.milestone === milestone)) throw invalidField("stages", `must include a stage with milestone "${milestone}"`);
  }
}

function checkNumbers(config: PipelineConfig): void {
  const overdue = config.nextStepOverdueAfterMinutes;
  if (!Number.isSafeInteger(overdue) || overdue < 0 || overdue > MAX_OVERDUE_AFTER_MINUTES) {
    throw invalidField("nextStepOverdueAfterMinutes", `must be a whole number of minutes from 0 to ${MAX_OVERDUE_AFTER_MINUTES}`);
  }
  const tolerance = config.expectationTolerancePercent;
  if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > MAX_EXPECTATION_TOLERANCE_PERCENT) {
    throw invalidField("expectationTolerancePercent", `must be from 0 to ${MAX_EXPECTATION_TOLERANCE_PERCENT}`);
  }
}

/**
 * Checks a pipeline configuration before it replaces the workspace's: stage order and keys,
 * checklists, criteria and reasons (keys unique, labels not blank) and the two numbers. Throws
 * `invalid` naming the field, e.g. `stages.2.key` or `lostReasons.0.label`.
 */
export function checkPipelineConfig(config: PipelineConfig): void {
  checkKeyedList<StageDefinition>(config.stages, "stages", []);
  checkStageOrder(config.stages);
  config.stages.forEach((stage, index) => checkStage(stage, `stages.${index}`));
  checkNonEmpty(config.qualificationCriteria, "qualificationCriteria", "criterion");
  checkKeyedList<QualificationCriterion>(config.qualificationCriteria, "qualificationCriteria", ["label", "question"]);
  checkNonEmpty(config.disqualificationReasons, "disqualificationReasons", "reason");
  checkKeyedList<OutcomeReason>(config.disqualificationReasons, "disqualificationReasons", ["label"]);
  checkNonEmpty(config.lostReasons, "lostReasons", "reason");
  checkKeyedList<OutcomeReason>(config.lostReasons, "lostReasons", ["label"]);
  checkNumbers(config);
}

import { DomainError, invalidField } from "../errors.js";
import type { Lead } from "../lead/lead.js";
import { chooseReason } from "../qualification/outcome-reason.js";
import type { LeadPipeline } from "./lead-pipeline.js";
import { type ChecklistItem, isClosedStage, type PipelineConfig, stageOf, type StageDefinition } from "./pipeline-config.js";

/** What a person asks for when moving a lead, checked at the edge for shape only. */
export type StageMoveRequest = {
  /** Key of the stage to move to. */
  stage: string;
  /** Exit-checklist items of the current stage the person ticked. */
  checkedItems: readonly string[];
  /** The request sets a next step in the same move. */
  isNextStepGiven: boolean;
  /** Won amount, minor currency units. */
  amountCents: number | null;
  /** Lost reason key. */
  reason: string | null;
  note: string | null;
};

/** The move went ahead with exit-checklist items unticked (a "warn" stage). */
export type ChecklistWarning = { code: "checklist_incomplete"; missing: ChecklistItem[] };

export type PlannedEvent = { type: "stage_changed" | "won" | "lost" | "reopened"; data: Record<string, unknown> };

export type StageMove = {
  to: StageDefinition;
  /** The lead's pipeline state after the move; a closing move has cleared the next step. */
  state: LeadPipeline;
  /** The move closes the lead (won or lost): its next-step reminder must go too. */
  isClosing: boolean;
  warnings: ChecklistWarning[];
  /** `stage_changed`, then `won` or `lost` for a closing move, or `reopened` for a closed lead back in an open stage. */
  events: PlannedEvent[];
};

type Direction = "forward" | "back" | "reopen";

/** Forward is to a later stage from an open one; anything out of a won or lost stage is a reopening (or a changed outcome). */
function directionOf(config: PipelineConfig, from: StageDefinition | undefined, to: StageDefinition): Direction {
  if (from && isClosedStage(from)) return "reopen";
  // A lead in a stage the pipeline no longer has can only go forward, into a known stage.
  if (!from) return "forward";
  return config.stages.indexOf(to) > config.stages.indexOf(from) ? "forward" : "back";
}

function targetStage(config: PipelineConfig, lead: Pick<Lead, "stage">, key: string): StageDefinition {
  const to = stageOf(config, key);
  if (!to) throw invalidField("stage", `no stage "${key}" in the pipeline (${config.stages.map((stage) => stage.key).join(", ")})`);
  if (to.key === lead.stage) throw invalidField("stage", `the lead is already in ${to.name}`);
  return to;
}

/** The exit checklist on a forward move: unknown items refused, missing ones refused (block) or returned (warn). */
function checkExitChecklist(from: StageDefinition | undefined, checkedItems: readonly string[]): { checked: string[]; missing: ChecklistItem[] } {
  const checklist = from?.exitChecklist ?? [];
  checkedItems.forEach((key, index) => {
    if (!checklist.some((item) => item.key === key)) throw invalidField(`checkedItems.${index}`, `${from?.name ?? "the current stage"} has no exit-checklist item "${key}"`);
  });
  const missing = checklist.filter((item) => !checkedItems.includes(item.key));
  if (missing.length > 0 && from?.checklistMode === "block") {
    throw new DomainError("invalid", {
      field: "checkedItems",
      message: `checkedItems: leaving ${from.name} needs every exit-checklist item; missing: ${missing.map((item) => item.label).join(", ")}`,
      details: { missing },
    });
  }
  return { checked: checklist.filter((item) => checkedItems.includes(item.key)).map((item) => item.key), missing };
}

/** Amount only for won, reason and note only for lost: anything else is a mistake worth reporting. */
function checkOutcomeFields(to: StageDefinition, request: StageMoveRequest): void {
  if (to.milestone !== "won" && request.amountCents !== null) throw invalidField("amount", "only a move to the won stage takes an amount");
  if (to.milestone !== "lost" && request.reason !== null) throw invalidField("reason", "only a move to the lost stage takes a reason");
  if (to.milestone !== "lost" && request.note !== null) throw invalidField("note", "only a move to the lost stage takes a note");
  if (to.milestone === "won" && (request.amountCents === null || request.amountCents <= 0)) throw invalidField("amount", "a won lead needs the amount won, above 0");
  if (to.milestone === "lost" && request.reason === null) throw invalidField("reason", "a lost lead needs a reason from the lost reasons list");
}

function checkNextStep(to: StageDefinition, direction: Direction, state: LeadPipeline, request: StageMoveRequest): void {
  if (isClosedStage(to)) {
    if (request.isNextStepGiven) throw invalidField("nextStep", "a won or lost lead has no next step");
    return;
  }
  if (direction === "forward" && state.nextStep === null && !request.isNextStepGiven) {
    throw invalidField("nextStep", `moving forward into ${to.name} needs a next step: what, by when and who`);
  }
}

function outcomeOf(config: PipelineConfig, to: StageDefinition, lead: Pick<Lead, "source" | "campaign">, request: StageMoveRequest, state: LeadPipeline, now: number): { state: LeadPipeline; event: PlannedEvent | null } {
  const context = { source: lead.source, campaign: lead.campaign };
  if (to.milestone === "won") {
    const amountCents = request.amountCents!;
    return { state: { ...state, closedAt: now, valueCents: amountCents, nextStep: null }, event: { type: "won", data: { amountCents, ...context } } };
  }
  if (to.milestone === "lost") {
    const { reason, note } = chooseReason(config.lostReasons, request.reason!, request.note);
    return { state: { ...state, closedAt: now, lostReason: reason.key, lostNote: note, nextStep: null }, event: { type: "lost", data: { reason: reason.key, reasonLabel: reason.label, note, ...context } } };
  }
  return { state: { ...state, closedAt: null }, event: null };
}

function reopened(from: string, to: StageDefinition): PlannedEvent {
  return { type: "reopened", data: { from, to: to.key } };
}

/**
 * Decides a stage move by the documented process. A forward move (won included, lost not)
 * checks the current stage's exit checklist: block refuses, warn lets it through with a
 * warning. Moving forward into an open stage needs a next step, existing or given. Won needs
 * an amount; lost a reason from the list, and a note when the reason asks for one. Moving back
 * or reopening a closed lead skips the checklist. A disqualified lead does not move until
 * requalified (`conflict`). Returns the state after the move and the events to append; throws
 * `invalid` naming the field otherwise.
 */
export function planStageMove(
  config: PipelineConfig,
  lead: Pick<Lead, "stage" | "source" | "campaign">,
  state: LeadPipeline,
  request: StageMoveRequest,
  now: number,
): StageMove {
  if (state.qualificationStatus === "disqualified") throw new DomainError("conflict", { message: "The lead is disqualified; requalify it before moving it." });
  const to = targetStage(config, lead, request.stage);
  const from = stageOf(config, lead.stage);
  const direction = directionOf(config, from, to);
  checkOutcomeFields(to, request);
  // Losing a deal is not finishing a stage: the checklist guards progress, not giving up.
  const isChecklistDue = direction === "forward" && to.milestone !== "lost";
  const { checked, missing } = isChecklistDue ? checkExitChecklist(from, request.checkedItems) : { checked: [], missing: [] };
  checkNextStep(to, direction, state, request);
  const outcome = outcomeOf(config, to, lead, request, { ...state, stageEnteredAt: now, lostReason: null, lostNote: null }, now);
  const stageChanged: PlannedEvent = {
    type: "stage_changed",
    data: { from: lead.stage, to: to.key, fromMilestone: from?.milestone ?? null, toMilestone: to.milestone, checkedItems: checked, missingItems: missing, isChecklistOverridden: missing.length > 0 },
  };
  return {
    to,
    state: outcome.state,
    isClosing: isClosedStage(to),
    warnings: missing.length > 0 ? [{ code: "checklist_incomplete", missing }] : [],
    events: [stageChanged, ...(outcome.event ? [outcome.event] : []), ...(direction === "reopen" && !isClosedStage(to) ? [reopened(lead.stage, to)] : [])],
  };
}

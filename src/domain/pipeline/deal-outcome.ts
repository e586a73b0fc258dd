import { reasonLabel } from "../qualification/outcome-reason.js";
import type { LeadPipeline } from "./lead-pipeline.js";
import type { OutcomeReason, PipelineConfig, StageDefinition } from "./pipeline-config.js";

/** A reason as recorded, with its configured label; null parts when the lead was closed without one. */
type RecordedReason = { reason: string | null; label: string | null; note: string | null };

/** How a lead's deal ended; null while it is open. */
export type DealOutcome = { kind: "won"; amountCents: number | null } | ({ kind: "lost" } & RecordedReason) | ({ kind: "disqualified" } & RecordedReason);

function recorded(reasons: readonly OutcomeReason[], reason: string | null, note: string | null): RecordedReason {
  return { reason, label: reason === null ? null : reasonLabel(reasons, reason), note };
}

/**
 * How the lead's deal ended: disqualified (whatever its stage), won with its amount, or lost
 * with its reason and the reason's label; null while the lead is open.
 */
export function dealOutcome(stage: Pick<StageDefinition, "milestone">, state: LeadPipeline, config: PipelineConfig): DealOutcome | null {
  if (state.qualificationStatus === "disqualified") return { kind: "disqualified", ...recorded(config.disqualificationReasons, state.disqualificationReason, state.disqualificationNote) };
  if (stage.milestone === "won") return { kind: "won", amountCents: state.valueCents };
  if (stage.milestone === "lost") return { kind: "lost", ...recorded(config.lostReasons, state.lostReason, state.lostNote) };
  return null;
}

/** Keys of the stages whose milestone is won. */
export function wonStageKeys(config: Pick<PipelineConfig, "stages">): string[] {
  return config.stages.filter((stage) => stage.milestone === "won").map((stage) => stage.key);
}

/** Whether a closed lead was won: in a won stage and not disqualified (a disqualified lead is a loss whatever its stage, as `dealOutcome` says). */
export function isClosedAsWon(wonStages: ReadonlySet<string>, stage: string, qualificationStatus: string): boolean {
  return wonStages.has(stage) && qualificationStatus !== "disqualified";
}

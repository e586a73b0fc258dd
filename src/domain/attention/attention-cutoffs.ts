import { isClosedStage, type PipelineConfig } from "../pipeline/pipeline-config.js";
import { stallCutoff } from "./stage-time.js";

/**
 * The attention rules at one instant as plain thresholds, so a query can find the leads that
 * may need attention without computing anything per row (see `attentionReasons` for the rules).
 */
export type AttentionCutoffs = {
  /** Keys of the won and lost stages. */
  closedStages: string[];
  /** Key of the first stage, where a lead needs no next step yet. */
  firstStage: string;
  now: number;
  /** Next steps due at or before this are overdue. */
  nextStepOverdueAt: number;
  /** Per stage with a limit: a lead that entered it at or before this instant is stalled. */
  stallCutoffs: { stage: string; enteredAtOrBefore: number }[];
};

/** The thresholds of the attention rules for this pipeline at `now`. */
export function attentionCutoffs(config: PipelineConfig, now: number): AttentionCutoffs {
  return {
    closedStages: config.stages.filter(isClosedStage).map((stage) => stage.key),
    firstStage: config.stages[0]?.key ?? "",
    now,
    nextStepOverdueAt: now - config.nextStepOverdueAfterMinutes * 60_000,
    stallCutoffs: config.stages.flatMap((stage) => {
      const enteredAtOrBefore = stallCutoff(stage, now);
      return enteredAtOrBefore === null || isClosedStage(stage) ? [] : [{ stage: stage.key, enteredAtOrBefore }];
    }),
  };
}

import { isClosedMilestone, type Milestone, type PipelineConfig, type StageDefinition } from "../../api/pipeline.js";
import { stageLabel } from "../../components/stage-badge.js";
import { formatDays as days } from "../../format/format-time.js";

/** "Day 3 of 7 in this stage", "Stalled: 9 days here, the limit is 7", "Entered today". */
export function daysInStageText(daysInStage: number, maxDaysInStage: number | null, isStalled: boolean): string {
  if (isStalled) return `Stalled: ${days(daysInStage)} here, the limit is ${days(maxDaysInStage ?? daysInStage)}`;
  if (daysInStage === 0) return maxDaysInStage === null ? "Entered today" : `Entered today; stalled after ${days(maxDaysInStage)}`;
  return maxDaysInStage === null ? `${days(daysInStage)} in this stage` : `Day ${daysInStage} of ${maxDaysInStage} in this stage`;
}

/** The key of the stage that closes a deal as won or lost (the pipeline has exactly one of each). */
export function closingStageKey(config: PipelineConfig, milestone: Extract<Milestone, "won" | "lost">): string | undefined {
  return config.stages.find((stage) => stage.milestone === milestone)?.key;
}

/** The open stage after this one, where a lead goes when it moves on; none from the last open stage or a closed one. */
export function nextOpenStage(config: PipelineConfig, key: string): StageDefinition | undefined {
  const index = config.stages.findIndex((stage) => stage.key === key);
  const next = index < 0 ? undefined : config.stages[index + 1];
  return next && !isClosedMilestone(next.milestone) ? next : undefined;
}

/** A stage's name by key, or the key in words for a stage the pipeline no longer has. */
export function stageName(config: PipelineConfig | null, key: string): string {
  return config?.stages.find((stage) => stage.key === key)?.name ?? stageLabel(key);
}

import type { StageDefinition } from "../pipeline/pipeline-config.js";

export const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Whole days (24-hour periods) a lead has sat in its stage; 0 on the day it entered. */
export function daysInStage(stageEnteredAt: number, now: number): number {
  return Math.max(0, Math.floor((now - stageEnteredAt) / MS_PER_DAY));
}

/** Whether the lead has sat in its stage longer than the stage allows: more whole days than `maxDaysInStage`. */
export function isStalled(stage: Pick<StageDefinition, "maxDaysInStage">, stageEnteredAt: number, now: number): boolean {
  return stage.maxDaysInStage !== null && daysInStage(stageEnteredAt, now) > stage.maxDaysInStage;
}

/**
 * The latest stage entry time that counts as stalled now (entered at or before it), or null for
 * a stage without a limit: a query can find stalled leads without computing days per row.
 */
export function stallCutoff(stage: Pick<StageDefinition, "maxDaysInStage">, now: number): number | null {
  return stage.maxDaysInStage === null ? null : now - (stage.maxDaysInStage + 1) * MS_PER_DAY;
}

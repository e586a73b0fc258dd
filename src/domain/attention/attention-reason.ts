import type { LeadPipeline, NextStep } from "../pipeline/lead-pipeline.js";
import { isClosedStage, type PipelineConfig, type StageDefinition, stageOf } from "../pipeline/pipeline-config.js";
import { describeDuration } from "./describe-duration.js";
import { daysInStage, isStalled } from "./stage-time.js";

/** Why an open lead needs someone now, most urgent first: the order the queue ranks leads by. */
export const ATTENTION_REASON_CODES = ["sla_breached", "reply_waiting", "next_step_overdue", "sla_at_risk", "no_next_step", "stalled"] as const;

export type AttentionReasonCode = (typeof ATTENTION_REASON_CODES)[number];

/** A reason with what a person reads: "Next step overdue by 3 h". */
export type AttentionReason = { code: AttentionReasonCode; detail: string };

/** A lead's speed-to-lead clock, as far as attention cares (a stored `LeadSla` fits). */
export type SlaClockState = { warnAt: number; dueAt: number; firstResponseAt: number | null };

/** A lead's pipeline state, as far as attention cares (a `LeadPipeline` fits). */
export type AttentionState = Pick<LeadPipeline, "stageEnteredAt" | "replyWaitingSince" | "closedAt"> & { nextStep: Pick<NextStep, "dueAt"> | null };

/** 0 for the most urgent reason, up to 5 for `stalled`. */
export function urgencyRank(code: AttentionReasonCode): number {
  return ATTENTION_REASON_CODES.indexOf(code);
}

const MINUTE_MS = 60_000;

type ReasonRule = (facts: Facts) => string | null;

type Facts = {
  state: AttentionState;
  sla: SlaClockState | null;
  /** Null when the lead sits in a stage the pipeline no longer defines. */
  stage: StageDefinition | undefined;
  stageName: string;
  isFirstStage: boolean;
  nextStepOverdueAfterMinutes: number;
  now: number;
};

const isAwaitingFirstResponse = (sla: SlaClockState | null): sla is SlaClockState => sla !== null && sla.firstResponseAt === null;

/** Each reason's rule, in urgency order; a rule returns the detail when the reason applies. */
const RULES: Record<AttentionReasonCode, ReasonRule> = {
  // The first response is late once the due instant has passed (a response at `dueAt` is in time).
  sla_breached: ({ sla, now }) => (isAwaitingFirstResponse(sla) && now > sla.dueAt ? `SLA breached ${describeDuration(now - sla.dueAt)} ago` : null),
  reply_waiting: ({ state, now }) => (state.replyWaitingSince === null ? null : `Reply waiting for ${describeDuration(Math.max(0, now - state.replyWaitingSince))}`),
  // Overdue, like the next-step timer's "overdue" status: the grace after the due time has run out.
  next_step_overdue: ({ state, nextStepOverdueAfterMinutes, now }) =>
    state.nextStep && now >= state.nextStep.dueAt + nextStepOverdueAfterMinutes * MINUTE_MS ? `Next step overdue by ${describeDuration(now - state.nextStep.dueAt)}` : null,
  sla_at_risk: ({ sla, now }) => (isAwaitingFirstResponse(sla) && sla.warnAt <= now && now <= sla.dueAt ? `First response due in ${describeDuration(sla.dueAt - now)}` : null),
  no_next_step: ({ state, isFirstStage, stageName }) => (!isFirstStage && state.nextStep === null ? `No next step in ${stageName}` : null),
  stalled: ({ state, stage, stageName, now }) =>
    stage && isStalled(stage, state.stageEnteredAt, now) ? `Stalled ${daysInStage(state.stageEnteredAt, now)} days in ${stageName} (limit ${stage.maxDaysInStage})` : null,
};

/**
 * Why an open lead needs attention now, most urgent first; none for a won, lost or
 * disqualified lead. A lead in a stage the pipeline no longer defines is treated as open and
 * past the first stage, and never stalls (its limit is unknown).
 */
export function attentionReasons(lead: { stage: string }, state: AttentionState, config: PipelineConfig, sla: SlaClockState | null, now: number): AttentionReason[] {
  const stage = stageOf(config, lead.stage);
  if (state.closedAt !== null || (stage && isClosedStage(stage))) return [];
  const facts: Facts = {
    state,
    sla,
    stage,
    stageName: stage?.name ?? lead.stage,
    isFirstStage: config.stages[0]?.key === lead.stage,
    nextStepOverdueAfterMinutes: config.nextStepOverdueAfterMinutes,
    now,
  };
  return ATTENTION_REASON_CODES.flatMap((code) => {
    const detail = RULES[code](facts);
    return detail === null ? [] : [{ code, detail }];
  });
}

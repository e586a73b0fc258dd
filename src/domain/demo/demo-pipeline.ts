import type { NewLeadEvent } from "../lead/lead-event.js";
import { freshLeadPipeline, type LeadPipeline, type NextStep } from "../pipeline/lead-pipeline.js";
import { type PipelineConfig, stageOf } from "../pipeline/pipeline-config.js";
import { reasonLabel } from "../qualification/outcome-reason.js";
import type { DemoLead } from "./generate-demo-history.js";
import type { PipelineStage, PlannedTouch } from "./demo-lead-plan.js";
import type { SeededRandom } from "./seeded-random.js";
import { DAY_MS, MINUTE_MS } from "../time.js";

/** Who fills events written by the demo, so demo history is recognisable in any timeline. */
export const DEMO_ACTOR = "demo";

/** Share of open leads past the first stage whose owner has set a next step (the rest show up as "no next step"). */
const NEXT_STEP_SHARE = 0.85;

const NEXT_ACTION_BY_STAGE: Partial<Record<PipelineStage, string>> = {
  contacted: "Book the discovery call",
  qualified: "Walk through the draft proposal",
  proposal: "Call for the decision on the proposal",
};

export type DemoPipeline = {
  /** The lead's touches, stage changes, proposal and outcome, oldest first. */
  events: NewLeadEvent[];
  /** Its pipeline state at the end of the history; null when it never left its first stage untouched. */
  state: LeadPipeline | null;
};

/**
 * What a demo lead's plan looks like as the pipeline records it: the same events and state the
 * services write when a rep works a real lead. Open leads past the first stage mostly have a
 * next step, some of them overdue, so the needs-attention queue has something to show.
 */
export function demoPipelineOf({ lead, plan }: DemoLead, pipeline: PipelineConfig, endAt: number, random: SeededRandom): DemoPipeline {
  const event = (type: NewLeadEvent["type"], at: number, data: Record<string, unknown>): NewLeadEvent => ({ leadId: lead.id, type, actor: DEMO_ACTOR, at, data });
  const context = { source: lead.source, campaign: lead.campaign };
  const events: NewLeadEvent[] = plan.touches.map((touch) => event("touch", touch.at, touchData(touch)));
  let from = pipeline.stages[0]!.key;
  for (const change of plan.stageChanges) {
    events.push(event("stage_changed", change.at, stageChangeData(pipeline, from, change.stage)));
    if (change.stage === "qualified") events.push(event("qualified", change.at, {}));
    from = change.stage;
  }
  if (plan.proposal) {
    const amountCents = plan.proposal.amount * 100;
    events.push(event("proposal_sent", plan.proposal.at, { amountCents, sentAt: plan.proposal.at, priceAnchorCents: null, deviationPercent: null, isExpectationMismatch: false }));
  }
  const { outcome } = plan;
  if (outcome.kind === "won") events.push(event("won", outcome.at, { amountCents: outcome.amount * 100, ...context }));
  if (outcome.kind === "lost" || outcome.kind === "disqualified") {
    const reasons = outcome.kind === "lost" ? pipeline.lostReasons : pipeline.disqualificationReasons;
    events.push(event(outcome.kind, outcome.at, { reason: outcome.reason, reasonLabel: reasonLabel(reasons, outcome.reason), note: null, ...context }));
  }
  if (plan.touches.length === 0 && plan.stageChanges.length === 0) return { events, state: null };

  const lastChange = plan.stageChanges[plan.stageChanges.length - 1];
  const isClosed = outcome.kind !== "open";
  const reached = new Set(plan.stageChanges.map((change) => change.stage));
  const state: LeadPipeline = {
    ...freshLeadPipeline(lead),
    stageEnteredAt: lastChange?.at ?? lead.createdAt,
    qualificationStatus: outcome.kind === "disqualified" ? "disqualified" : reached.has("qualified") ? "qualified" : reached.has("contacted") ? "in_progress" : "unqualified",
    disqualificationReason: outcome.kind === "disqualified" ? outcome.reason : null,
    valueCents: outcome.kind === "won" ? outcome.amount * 100 : plan.proposal ? plan.proposal.amount * 100 : null,
    proposalAmountCents: plan.proposal ? plan.proposal.amount * 100 : null,
    proposalSentAt: plan.proposal?.at ?? null,
    lostReason: outcome.kind === "lost" ? outcome.reason : null,
    closedAt: isClosed ? outcome.at : null,
    nextStep: isClosed ? null : demoNextStep(plan.stage, plan.ownerId, lastChange?.at ?? lead.createdAt, endAt, pipeline, random),
  };
  if (state.nextStep) {
    const { action, dueAt, ownerId } = state.nextStep;
    events.push(event("next_step_set", state.nextStep.setAt, { action, dueAt, ownerId }));
  }
  // Stable: a touch and the stage change it caused share an instant and keep their order.
  events.sort((a, b) => a.at - b.at);
  return { events, state };
}

function touchData(touch: PlannedTouch): Record<string, unknown> {
  const isCall = touch.channel === "call";
  return {
    channel: touch.channel,
    direction: touch.direction,
    outcome: isCall ? (touch.isConnected ? "connected" : "no_answer") : null,
    durationSeconds: isCall && touch.isConnected ? 420 : null,
    notes: null,
    isAutomated: false,
  };
}

/** A forward move with its exit checklist done, as a disciplined rep would record it. */
function stageChangeData(pipeline: PipelineConfig, from: string, to: string): Record<string, unknown> {
  const fromStage = stageOf(pipeline, from);
  const toStage = stageOf(pipeline, to);
  const isForward = pipeline.stages.indexOf(toStage!) > pipeline.stages.indexOf(fromStage!);
  return {
    from,
    to,
    fromMilestone: fromStage?.milestone ?? null,
    toMilestone: toStage?.milestone ?? null,
    checkedItems: isForward && to !== "lost" ? (fromStage?.exitChecklist ?? []).map((item) => item.key) : [],
    missingItems: [],
    isChecklistOverridden: false,
  };
}

/** Most open deals have a next step due within the coming week; some slipped into the past. */
function demoNextStep(stage: PipelineStage, ownerId: string, enteredAt: number, endAt: number, pipeline: PipelineConfig, random: SeededRandom): NextStep | null {
  const action = NEXT_ACTION_BY_STAGE[stage];
  if (action === undefined || !random.chance(NEXT_STEP_SHARE)) return null;
  const dueAt = Math.round((endAt + random.between(-3, 6) * DAY_MS) / (15 * MINUTE_MS)) * 15 * MINUTE_MS;
  const setAt = Math.max(enteredAt, Math.min(endAt - 1, dueAt - random.between(1, 5) * DAY_MS));
  const overdueAt = dueAt + pipeline.nextStepOverdueAfterMinutes * MINUTE_MS;
  const status = endAt >= overdueAt ? "overdue" : endAt >= dueAt ? "due" : "scheduled";
  return { action, dueAt, ownerId, setAt: Math.round(setAt), status };
}

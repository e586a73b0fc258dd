import type { ConversionChances } from "./demo-conversion-model.js";

/** The default pipeline (issue #4); disqualified leads end in `lost` with a disqualification outcome. */
export type PipelineStage = "new" | "contacted" | "qualified" | "proposal" | "won" | "lost";

export type TouchChannel = "call" | "email" | "sms" | "linkedin" | "meeting";

/** One contact between rep and lead. */
export type PlannedTouch = {
  at: number;
  channel: TouchChannel;
  direction: "out" | "in";
  /** Whether it reached the person: a connected call, a reply, a meeting held. */
  isConnected: boolean;
};

export type PlannedStageChange = { stage: PipelineStage; at: number };

/** Why an open deal was lost; `no_response` means every attempt went unanswered. */
export type LostReason = "no_response" | "price" | "competitor" | "no_decision" | "timing";

/** Disqualification reasons, from issue #4's default list. */
export type DisqualificationReason = "no_budget" | "not_decision_maker" | "poor_fit" | "no_timeline" | "student_job_seeker";

export type PlannedOutcome =
  | { kind: "open" }
  | { kind: "won"; at: number; amount: number }
  | { kind: "lost"; at: number; reason: LostReason }
  | { kind: "disqualified"; at: number; reason: DisqualificationReason };

/**
 * Everything that happened to a demo lead up to the end of the period, in time order. Nothing
 * here is in the future: steps that would fall after `endAt` are cut, so a late lead is simply
 * still open. The demo writes `assigned`, then touches, stage changes, proposals and outcomes
 * from this plan (see `demoPipelineOf`); later capabilities add their own events from it.
 */
export type DemoLeadPlan = {
  ownerId: string;
  assignedAt: number;
  /** The routing reason recorded on the `assigned` event, worded like issue #3's routing ("rule 'EMEA territory' (DE) → round robin: Emma Schulz"). */
  assignmentReason: string;
  /** First outbound touch; null when the owner has not touched the lead by `endAt` (or never will). */
  firstResponseAt: number | null;
  touches: PlannedTouch[];
  /** Stage changes after `new`, oldest first. */
  stageChanges: PlannedStageChange[];
  proposal: { at: number; amount: number } | null;
  outcome: PlannedOutcome;
  /** The lead's stage at `endAt`. */
  stage: PipelineStage;
  /** Probabilities the generator drew against; null when the lead was never touched. */
  chances: ConversionChances | null;
};

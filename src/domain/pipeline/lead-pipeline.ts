/** A lead's pipeline state beside its stage: qualification, next step, proposal and outcome. */

export type QualificationStatus = "unqualified" | "in_progress" | "qualified" | "disqualified";

export const QUALIFICATION_STATUSES: readonly QualificationStatus[] = ["unqualified", "in_progress", "qualified", "disqualified"];

/** scheduled → due (the reminder fired) → overdue. */
export type NextStepStatus = "scheduled" | "due" | "overdue";

export type NextStep = {
  action: string;
  dueAt: number;
  ownerId: string | null;
  setAt: number;
  status: NextStepStatus;
};

export type LeadPipeline = {
  leadId: string;
  stageEnteredAt: number;
  qualificationStatus: QualificationStatus;
  disqualificationReason: string | null;
  disqualificationNote: string | null;
  /** "Why now": what waiting costs the buyer, in the rep's words. */
  costOfInaction: string | null;
  nextStep: NextStep | null;
  /** Deal value, minor currency units: the proposal amount, then the won amount. */
  valueCents: number | null;
  proposalAmountCents: number | null;
  proposalSentAt: number | null;
  isExpectationMismatch: boolean;
  lostReason: string | null;
  lostNote: string | null;
  /** When the lead was won, lost or disqualified; null while open. */
  closedAt: number | null;
  /** The lead wrote in and nobody has answered yet. */
  replyWaitingSince: number | null;
};

/** The state of a lead nobody has worked in the pipeline yet: in its first stage since capture. */
export function freshLeadPipeline(lead: { id: string; createdAt: number }): LeadPipeline {
  return {
    leadId: lead.id,
    stageEnteredAt: lead.createdAt,
    qualificationStatus: "unqualified",
    disqualificationReason: null,
    disqualificationNote: null,
    costOfInaction: null,
    nextStep: null,
    valueCents: null,
    proposalAmountCents: null,
    proposalSentAt: null,
    isExpectationMismatch: false,
    lostReason: null,
    lostNote: null,
    closedAt: null,
    replyWaitingSince: null,
  };
}

/** Timer key of a lead's next-step reminder and overdue check (one pending per lead). */
export function nextStepTimerKey(leadId: string): string {
  return `next_step:${leadId}`;
}

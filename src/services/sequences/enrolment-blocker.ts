import { DomainError, invalidField } from "../../domain/errors.js";
import type { Lead } from "../../domain/lead/lead.js";
import type { Sequence } from "../../domain/sequences/sequence.js";
import type { Executor } from "../../store/engine.js";
import { findLeadPipeline } from "../../store/lead-pipeline.js";
import { findSuppressionOf } from "../../store/suppressions.js";

/**
 * Why this lead cannot start this sequence now, as the error a person would get, or null when
 * it can. Manual enrolment throws it; routing and the nurture move skip the lead instead.
 */
export async function enrolmentBlockerOf(trx: Executor, lead: Lead, sequence: Sequence): Promise<DomainError | null> {
  if (sequence.isArchived) return invalidField("sequenceId", `sequence ${sequence.id} is archived`);
  if (lead.isOptedOut) return invalidField("email", "the lead opted out of follow-up; it cannot be enrolled again");
  const hasEmailStep = sequence.steps.some((step) => step.channel === "email");
  if (sequence.steps[0]?.channel === "email" && !lead.email) return invalidField("email", "the lead has no email address and the sequence starts with an email");
  if (hasEmailStep && lead.email) {
    const suppression = await findSuppressionOf(trx, lead.email.toLowerCase());
    if (suppression) return invalidField("email", `${lead.email} is on the suppression list (${suppression.reason})`);
  }
  if ((await findLeadPipeline(trx, lead)).closedAt !== null) return new DomainError("conflict", { message: "The lead is won, lost or disqualified: reopen it before enrolling it." });
  return null;
}

/** The error for a second live enrolment (a lead is in at most one sequence at a time). */
export function liveEnrolmentConflict(leadId: string): DomainError {
  return new DomainError("conflict", { field: "sequenceId", message: `Lead ${leadId} is already in a sequence: stop it first or replace it.` });
}

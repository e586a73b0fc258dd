import type { AttentionCutoffs } from "../domain/attention/attention-cutoffs.js";
import type { AttentionState, SlaClockState } from "../domain/attention/attention-reason.js";
import type { Executor } from "./engine.js";
import { stageEnteredAt } from "./stage-entered-at.js";

/** The attention thresholds at one instant, for one person's leads or (ownerId undefined) everyone's, unassigned included. */
export type AttentionCandidateQuery = AttentionCutoffs & { ownerId: string | undefined };

/** An open lead that may need attention, with just the facts the reasons are computed from. */
export type AttentionCandidate = {
  leadId: string;
  stage: string;
  ownerId: string | null;
  createdAt: number;
  state: AttentionState;
  valueCents: number | null;
  sla: SlaClockState | null;
};

/**
 * Open leads (not in a won or lost stage, not closed) that can have at least one attention
 * reason now. The filter is the reasons' rules written as SQL conditions, so a team of 100k
 * leads returns only the few that need someone, in one scan with two primary-key joins; the
 * caller still computes the exact reasons in the domain.
 */
export async function listAttentionCandidates(db: Executor, query: AttentionCandidateQuery): Promise<AttentionCandidate[]> {
  const rows = await db
    .selectFrom("leads")
    .leftJoin("lead_pipeline as lp", "lp.lead_id", "leads.id")
    .leftJoin("lead_sla as sla", "sla.lead_id", "leads.id")
    .select([
      "leads.id",
      "leads.stage",
      "leads.owner_id",
      "leads.created_at",
      stageEnteredAt().as("stage_entered_at"),
      "lp.next_step_due_at",
      "lp.reply_waiting_since",
      "lp.value_cents",
      "sla.warn_at",
      "sla.due_at",
      "sla.first_response_at",
    ])
    .$if(query.closedStages.length > 0, (q) => q.where("leads.stage", "not in", query.closedStages))
    .$if(query.ownerId !== undefined, (q) => q.where("leads.owner_id", "=", query.ownerId!))
    .where("lp.closed_at", "is", null)
    .where((eb) =>
      eb.or([
        eb.and([eb("lp.next_step_due_at", "is", null), eb("leads.stage", "!=", query.firstStage)]),
        eb("lp.next_step_due_at", "<=", query.nextStepOverdueAt),
        eb("lp.reply_waiting_since", "is not", null),
        eb.and([eb("sla.first_response_at", "is", null), eb("sla.warn_at", "<=", query.now)]),
        ...query.stallCutoffs.map((cutoff) =>
          eb.and([eb("leads.stage", "=", cutoff.stage), eb(stageEnteredAt(), "<=", cutoff.enteredAtOrBefore)]),
        ),
      ]),
    )
    .execute();
  return rows.map((row) => ({
    leadId: row.id,
    stage: row.stage,
    ownerId: row.owner_id,
    createdAt: row.created_at,
    state: {
      stageEnteredAt: row.stage_entered_at,
      nextStep: row.next_step_due_at === null ? null : { dueAt: row.next_step_due_at },
      replyWaitingSince: row.reply_waiting_since,
      closedAt: null,
    },
    valueCents: row.value_cents,
    sla: row.warn_at === null || row.due_at === null ? null : { warnAt: row.warn_at, dueAt: row.due_at, firstResponseAt: row.first_response_at },
  }));
}

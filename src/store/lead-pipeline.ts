import type { Selectable } from "kysely";
import { freshLeadPipeline, type LeadPipeline } from "../domain/pipeline/lead-pipeline.js";
import type { Executor } from "./engine.js";
import type { LeadPipelineTable } from "./schema.js";

function rowToLeadPipeline(row: Selectable<LeadPipelineTable>): LeadPipeline {
  const hasNextStep = row.next_step_action !== null && row.next_step_due_at !== null;
  return {
    leadId: row.lead_id,
    stageEnteredAt: row.stage_entered_at,
    qualificationStatus: row.qualification_status,
    disqualificationReason: row.disqualification_reason,
    disqualificationNote: row.disqualification_note,
    costOfInaction: row.cost_of_inaction,
    nextStep: hasNextStep
      ? { action: row.next_step_action!, dueAt: row.next_step_due_at!, ownerId: row.next_step_owner_id, setAt: row.next_step_set_at ?? row.updated_at, status: row.next_step_status ?? "scheduled" }
      : null,
    valueCents: row.value_cents,
    proposalAmountCents: row.proposal_amount_cents,
    proposalSentAt: row.proposal_sent_at,
    isExpectationMismatch: row.is_expectation_mismatch === 1,
    lostReason: row.lost_reason,
    lostNote: row.lost_note,
    closedAt: row.closed_at,
    replyWaitingSince: row.reply_waiting_since,
  };
}

function leadPipelineToRow(state: LeadPipeline, now: number): Selectable<LeadPipelineTable> {
  return {
    lead_id: state.leadId,
    stage_entered_at: state.stageEnteredAt,
    qualification_status: state.qualificationStatus,
    disqualification_reason: state.disqualificationReason,
    disqualification_note: state.disqualificationNote,
    cost_of_inaction: state.costOfInaction,
    next_step_action: state.nextStep?.action ?? null,
    next_step_due_at: state.nextStep?.dueAt ?? null,
    next_step_owner_id: state.nextStep?.ownerId ?? null,
    next_step_set_at: state.nextStep?.setAt ?? null,
    next_step_status: state.nextStep?.status ?? null,
    value_cents: state.valueCents,
    proposal_amount_cents: state.proposalAmountCents,
    proposal_sent_at: state.proposalSentAt,
    is_expectation_mismatch: state.isExpectationMismatch ? 1 : 0,
    lost_reason: state.lostReason,
    lost_note: state.lostNote,
    closed_at: state.closedAt,
    reply_waiting_since: state.replyWaitingSince,
    updated_at: now,
  };
}

/** Rows per multi-row INSERT: 20 columns × 500 stays under SQLite's bound-parameter limit. */
const INSERT_CHUNK_ROWS = 500;

/** Inserts the states of leads that have none yet (a seeded or imported history), in multi-row statements. */
export async function insertLeadPipelines(db: Executor, states: readonly LeadPipeline[], now: number): Promise<void> {
  for (let start = 0; start < states.length; start += INSERT_CHUNK_ROWS) {
    await db.insertInto("lead_pipeline").values(states.slice(start, start + INSERT_CHUNK_ROWS).map((state) => leadPipelineToRow(state, now))).execute();
  }
}

/** Pipeline states of several leads; a lead never worked in the pipeline gets its fresh state. */
export async function findLeadPipelines(db: Executor, leads: readonly { id: string; createdAt: number }[]): Promise<Map<string, LeadPipeline>> {
  const states = new Map(leads.map((lead) => [lead.id, freshLeadPipeline(lead)]));
  if (leads.length === 0) return states;
  const rows = await db.selectFrom("lead_pipeline").selectAll().where("lead_id", "in", [...states.keys()]).execute();
  for (const row of rows) states.set(row.lead_id, rowToLeadPipeline(row));
  return states;
}

/** The pipeline state of one lead (its fresh state when never worked). */
export async function findLeadPipeline(db: Executor, lead: { id: string; createdAt: number }): Promise<LeadPipeline> {
  return (await findLeadPipelines(db, [lead])).get(lead.id)!;
}

/** Writes a lead's whole pipeline state. */
export async function saveLeadPipeline(db: Executor, state: LeadPipeline, now: number): Promise<void> {
  const row = leadPipelineToRow(state, now);
  const { lead_id: _leadId, ...changes } = row;
  await db
    .insertInto("lead_pipeline")
    .values(row)
    .onConflict((oc) => oc.column("lead_id").doUpdateSet(changes))
    .execute();
}

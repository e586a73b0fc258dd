import { isClosedAsWon } from "../domain/pipeline/deal-outcome.js";
import type { ClosedLeadOutcome } from "../domain/scoring/drift.js";
import type { Executor } from "./engine.js";

/** Which closed leads to read: closed in [closedFrom, closedBefore); won when in one of `wonStages` and not disqualified. */
export type ClosedLeadQuery = { wonStages: readonly string[]; closedFrom: number; closedBefore: number };

/**
 * Leads won, lost or disqualified in a period, with their bucket at close (null when never
 * scored) and their qualification answers. Two queries whatever the number of leads: the
 * closes (lead_pipeline with the lead's stage and score) and every answer of those leads. A
 * disqualified lead is a loss even in a won stage, as on the lead page (`dealOutcome`).
 */
export async function listClosedLeadOutcomes(db: Executor, query: ClosedLeadQuery): Promise<ClosedLeadOutcome[]> {
  const closes = await db
    .selectFrom("lead_pipeline as p")
    .innerJoin("leads as l", "l.id", "p.lead_id")
    .leftJoin("lead_scores as s", "s.lead_id", "p.lead_id")
    .select(["p.lead_id as leadId", "p.closed_at as closedAt", "p.qualification_status as status", "l.stage as stage", "s.bucket as bucket"])
    .where("p.closed_at", ">=", query.closedFrom)
    .where("p.closed_at", "<", query.closedBefore)
    .$narrowType<{ closedAt: number }>()
    .execute();
  const answers = await db
    .selectFrom("qualification_answers as a")
    .innerJoin("lead_pipeline as p", "p.lead_id", "a.lead_id")
    .select(["a.lead_id as leadId", "a.criterion", "a.answer"])
    .where("p.closed_at", ">=", query.closedFrom)
    .where("p.closed_at", "<", query.closedBefore)
    .execute();
  const criteriaByLead = new Map<string, ClosedLeadOutcome["criteria"]>();
  for (const { leadId, criterion, answer } of answers) {
    const criteria = criteriaByLead.get(leadId) ?? {};
    criteriaByLead.set(leadId, Object.assign(criteria, { [criterion]: answer }));
  }
  const wonStages = new Set(query.wonStages);
  return closes.map((close) => ({
    closedAt: close.closedAt,
    isWon: isClosedAsWon(wonStages, close.stage, close.status),
    bucket: close.bucket,
    criteria: criteriaByLead.get(close.leadId) ?? {},
  }));
}

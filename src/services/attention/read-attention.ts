import { hasPermission, type Principal } from "../../domain/access/permission.js";
import { orderByUrgency } from "../../domain/attention/attention-order.js";
import { attentionCutoffs } from "../../domain/attention/attention-cutoffs.js";
import { type AttentionReason, attentionReasons } from "../../domain/attention/attention-reason.js";
import { daysInStage } from "../../domain/attention/stage-time.js";
import { DomainError } from "../../domain/errors.js";
import type { Lead } from "../../domain/lead/lead.js";
import type { LeadPipeline } from "../../domain/pipeline/lead-pipeline.js";
import { type AttentionCandidate, listAttentionCandidates } from "../../store/attention-candidates.js";
import { findLeadPipelines } from "../../store/lead-pipeline.js";
import { findLeadSlas, type LeadSla } from "../../store/lead-sla.js";
import { findLeadsByIds } from "../../store/leads.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";

/** A lead that needs someone now, with why (most urgent reason first). */
export type AttentionEntry = {
  lead: Lead;
  sla: LeadSla | undefined;
  state: LeadPipeline;
  reasons: AttentionReason[];
  daysInStage: number;
};

/** Whose leads: a rep only their own; managers and admins the team's (undefined) or one person's. */
function ownerScope(principal: Principal, ownerId: string | undefined): string | undefined {
  if (hasPermission(principal, "pipeline:manage")) return ownerId;
  const ownId = principal.kind === "user" ? principal.userId : undefined;
  if (ownId === undefined || (ownerId !== undefined && ownerId !== ownId)) {
    throw new DomainError("forbidden", { field: "ownerId", message: "ownerId: only managers and admins can read someone else's leads that need attention" });
  }
  return ownId;
}

/** The lead's score for ordering. TODO(#6): the fit and intent score once leads are scored; until then every lead ties. */
function scoreOf(_candidate: AttentionCandidate): number {
  return 0;
}

/**
 * Open leads that need attention now, most urgent first: a rep's own queue, or for managers
 * and admins the team's (every owner, unassigned leads too) or one person's. The query
 * returns only leads that can have a reason; the reasons and the order come from the domain.
 */
export async function readAttention(ctx: ServiceContext, principal: Principal, query: { ownerId: string | undefined; limit: number }): Promise<AttentionEntry[]> {
  const ownerId = ownerScope(principal, query.ownerId);
  const { pipeline } = await readSettings(ctx.db);
  const now = ctx.clock.now();
  const candidates = await listAttentionCandidates(ctx.db, { ...attentionCutoffs(pipeline, now), ownerId });
  const ranked = candidates.flatMap((candidate) => {
    const reasons = attentionReasons(candidate, candidate.state, pipeline, candidate.sla, now);
    return reasons.length === 0 ? [] : [{ ...candidate, reasons, score: scoreOf(candidate) }];
  });
  const top = orderByUrgency(ranked).slice(0, query.limit);
  const leads = new Map((await findLeadsByIds(ctx.db, top.map((item) => item.leadId))).map((lead) => [lead.id, lead]));
  const [states, slas] = await Promise.all([findLeadPipelines(ctx.db, [...leads.values()]), findLeadSlas(ctx.db, [...leads.keys()])]);
  return top.flatMap((item) => {
    const lead = leads.get(item.leadId);
    if (!lead) return [];
    return [{ lead, sla: slas.get(lead.id), state: states.get(lead.id)!, reasons: item.reasons, daysInStage: daysInStage(item.state.stageEnteredAt, now) }];
  });
}

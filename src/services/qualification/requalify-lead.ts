import { actorOf, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { LeadPipeline } from "../../domain/pipeline/lead-pipeline.js";
import type { Qualification } from "../../domain/qualification/qualification.js";
import { qualificationStatusOf } from "../../domain/qualification/qualification-status.js";
import { appendEvents } from "../../store/events.js";
import { findLeadPipeline, saveLeadPipeline } from "../../store/lead-pipeline.js";
import { listQualificationAnswers } from "../../store/qualification-answers.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { findWorkableLead } from "../leads/find-workable-lead.js";
import { qualificationView } from "./qualification-view.js";

/**
 * Reopens a disqualified lead: the disqualification is cleared, the status comes back from
 * the answers, and `requalified` records the reason it no longer holds. The lead has no next
 * step until someone sets one. `conflict` when the lead is not disqualified.
 */
export async function requalifyLead(ctx: ServiceContext, principal: Principal, leadId: string): Promise<Qualification> {
  return ctx.db.transaction().execute(async (trx) => {
    const lead = await findWorkableLead(trx, principal, leadId, { isLocking: true });
    const state = await findLeadPipeline(trx, lead);
    if (state.qualificationStatus !== "disqualified") throw new DomainError("conflict", { message: "The lead is not disqualified." });
    const { pipeline } = await readSettings(trx);
    const status = qualificationStatusOf(pipeline.qualificationCriteria, await listQualificationAnswers(trx, lead.id));
    const now = ctx.clock.now();
    const reopened: LeadPipeline = { ...state, qualificationStatus: status, disqualificationReason: null, disqualificationNote: null, closedAt: null };
    await saveLeadPipeline(trx, reopened, now);
    const data = { previousReason: state.disqualificationReason, status };
    await appendEvents(trx, [{ leadId: lead.id, type: "requalified", actor: actorOf(principal), at: now, data }]);
    return qualificationView(trx, pipeline, reopened);
  });
}

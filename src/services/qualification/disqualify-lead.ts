import { actorOf, type Principal } from "../../domain/access/permission.js";
import type { LeadPipeline } from "../../domain/pipeline/lead-pipeline.js";
import { chooseReason } from "../../domain/qualification/outcome-reason.js";
import type { Qualification } from "../../domain/qualification/qualification.js";
import { appendEvents } from "../../store/events.js";
import { saveLeadPipeline } from "../../store/lead-pipeline.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { findOpenLeadPipeline } from "../next-steps/find-open-lead-pipeline.js";
import { clearNextStepInTransaction } from "../next-steps/next-step-writes.js";
import { stopLiveEnrolmentInTransaction } from "../sequences/stop-live-enrolment.js";
import { qualificationView } from "./qualification-view.js";

export type DisqualifyInput = { reason: string; note?: string | null | undefined };

/**
 * Disqualifies an open lead with a reason from the configured list (and a note when the reason
 * asks for one): closes it, clears its next step and cancels the reminder, and appends
 * `disqualified` with the lead's source and campaign so the reasons report can group by them;
 * its follow-up sequence stops (disqualified).
 * `conflict` when the lead is already disqualified, won or lost.
 */
export async function disqualifyLead(ctx: ServiceContext, principal: Principal, leadId: string, input: DisqualifyInput): Promise<Qualification> {
  return ctx.db.transaction().execute(async (trx) => {
    const { lead, state } = await findOpenLeadPipeline(trx, principal, leadId);
    const { pipeline } = await readSettings(trx);
    const { reason, note } = chooseReason(pipeline.disqualificationReasons, input.reason, input.note);
    const now = ctx.clock.now();
    const cleared = await clearNextStepInTransaction(trx, lead.id, state);
    const disqualified: LeadPipeline = { ...cleared, qualificationStatus: "disqualified", disqualificationReason: reason.key, disqualificationNote: note, closedAt: now };
    await saveLeadPipeline(trx, disqualified, now);
    const data = { reason: reason.key, reasonLabel: reason.label, note, source: lead.source, campaign: lead.campaign };
    await appendEvents(trx, [{ leadId: lead.id, type: "disqualified", actor: actorOf(principal), at: now, data }]);
    await stopLiveEnrolmentInTransaction(trx, ctx, { leadId: lead.id, reason: "disqualified", actor: actorOf(principal), now });
    return qualificationView(trx, pipeline, disqualified);
  });
}

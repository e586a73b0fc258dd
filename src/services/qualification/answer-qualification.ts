import { actorOf, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { NewLeadEvent } from "../../domain/lead/lead-event.js";
import type { Qualification } from "../../domain/qualification/qualification.js";
import { checkQualificationInput, type QualificationInput } from "../../domain/qualification/qualification-answer.js";
import { qualificationStatusOf } from "../../domain/qualification/qualification-status.js";
import { appendEvents } from "../../store/events.js";
import { findLeadPipeline, saveLeadPipeline } from "../../store/lead-pipeline.js";
import { listQualificationAnswers, saveQualificationAnswers } from "../../store/qualification-answers.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { findWorkableLead } from "../leads/find-workable-lead.js";
import { qualificationView } from "./qualification-view.js";

/**
 * Records answers to qualification criteria (with who and when) and the cost of inaction, and
 * recomputes the status from all answers: `qualification_answered`, plus `qualified` when every
 * criterion is now "yes" and was not before. `conflict` on a disqualified lead: requalify first.
 */
export async function answerQualification(ctx: ServiceContext, principal: Principal, leadId: string, input: QualificationInput): Promise<Qualification> {
  return ctx.db.transaction().execute(async (trx) => {
    const lead = await findWorkableLead(trx, principal, leadId, { isLocking: true });
    const { pipeline } = await readSettings(trx);
    const change = checkQualificationInput(pipeline.qualificationCriteria, input);
    const state = await findLeadPipeline(trx, lead);
    if (state.qualificationStatus === "disqualified") throw new DomainError("conflict", { message: "The lead is disqualified; requalify it before answering." });
    const now = ctx.clock.now();
    const actor = actorOf(principal);
    await saveQualificationAnswers(trx, lead.id, change.answers.map((answer) => ({ ...answer, answeredBy: actor, answeredAt: now })));
    const status = qualificationStatusOf(pipeline.qualificationCriteria, await listQualificationAnswers(trx, lead.id));
    const costOfInaction = change.costOfInaction === undefined ? state.costOfInaction : change.costOfInaction;
    const answered = { ...state, qualificationStatus: status, costOfInaction };
    await saveLeadPipeline(trx, answered, now);
    const events: NewLeadEvent[] = [{ leadId: lead.id, type: "qualification_answered", actor, at: now, data: { answers: change.answers, costOfInaction, status } }];
    if (status === "qualified" && state.qualificationStatus !== "qualified") {
      events.push({ leadId: lead.id, type: "qualified", actor, at: now, data: { source: lead.source, campaign: lead.campaign } });
    }
    await appendEvents(trx, events);
    return qualificationView(trx, pipeline, answered);
  });
}

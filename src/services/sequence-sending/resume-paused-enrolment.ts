import type { Executor } from "../../store/engine.js";
import { lockEnrolment } from "../../store/sequence-enrolments.js";
import type { ServiceContext } from "../context.js";
import { resumeEnrolmentInTransaction } from "../sequences/resume-enrolment.js";

/**
 * The `sequence-resume` timer: resumes an enrolment paused until a date, in the timer's
 * transaction. One resumed by hand, stopped, or paused again for another reason meanwhile is
 * left as it is.
 */
export async function resumePausedEnrolment(trx: Executor, ctx: ServiceContext, enrolmentId: string, now: number): Promise<void> {
  const enrolment = await lockEnrolment(trx, enrolmentId);
  if (enrolment?.status !== "paused" || enrolment.pausedUntil === null || enrolment.pausedUntil > now) return;
  await resumeEnrolmentInTransaction(trx, ctx, { leadId: enrolment.leadId, actor: "system", now });
}

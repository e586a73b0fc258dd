import { actorOf, type Principal } from "../../domain/access/permission.js";
import { answerReadiness, beliefDebtOf, type ReadinessAnswers } from "../../domain/meetings/meeting.js";
import { appendEvents } from "../../store/events.js";
import { updateMeeting } from "../../store/meetings.js";
import type { ServiceContext } from "../context.js";
import { lockWorkableMeeting } from "./lock-workable-meeting.js";
import { type MeetingView, viewOfMeeting } from "./meeting-changes.js";

export type ReadinessInput = ReadinessAnswers & { notes?: string | null | undefined };

/**
 * Records the owner's readiness check after a held meeting and appends `readiness_checked`
 * with the belief debt (how many answers were "no"). Answering again replaces the answers.
 * `conflict` unless the meeting was held.
 */
export async function checkReadiness(ctx: ServiceContext, principal: Principal, meetingId: string, input: ReadinessInput): Promise<MeetingView> {
  return ctx.db.transaction().execute(async (trx) => {
    const meeting = await lockWorkableMeeting(trx, principal, meetingId);
    const now = ctx.clock.now();
    const { understandsProblem, understandsApproach, readyToEvaluate } = input;
    const readiness = { understandsProblem, understandsApproach, readyToEvaluate, notes: input.notes?.trim() || null, answeredBy: actorOf(principal), answeredAt: now };
    const answered = answerReadiness(meeting, readiness, now);
    await updateMeeting(trx, answered);
    const view = await viewOfMeeting(trx, answered);
    const data = { meetingId: meeting.id, understandsProblem, understandsApproach, readyToEvaluate, beliefDebt: beliefDebtOf(readiness), notes: readiness.notes, isFirst: view.isFirst };
    await appendEvents(trx, [{ leadId: meeting.leadId, type: "readiness_checked", actor: readiness.answeredBy, at: now, data }]);
    return view;
  });
}

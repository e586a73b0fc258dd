import { actorOf, type Principal } from "../../domain/access/permission.js";
import type { MeetingOutcome } from "../../domain/meetings/meeting.js";
import type { ServiceContext } from "../context.js";
import { lockWorkableMeeting } from "./lock-workable-meeting.js";
import { type MeetingView, recordOutcome } from "./meeting-changes.js";

export type MeetingOutcomeInput = { status: MeetingOutcome; notes?: string | null | undefined };

/**
 * Records how a booked meeting went: held (with a meeting touch on the lead's timeline), a
 * no-show, or canceled. `conflict` when the meeting already has an outcome.
 */
export async function recordMeetingOutcome(ctx: ServiceContext, principal: Principal, meetingId: string, input: MeetingOutcomeInput): Promise<MeetingView> {
  return ctx.db.transaction().execute(async (trx) => {
    const meeting = await lockWorkableMeeting(trx, principal, meetingId);
    return recordOutcome(trx, meeting, input.status, input.notes?.trim() || null, actorOf(principal), ctx.clock.now());
  });
}

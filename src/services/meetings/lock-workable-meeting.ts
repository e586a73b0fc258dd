import type { Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { Meeting } from "../../domain/meetings/meeting.js";
import type { Executor } from "../../store/engine.js";
import { lockMeetingById } from "../../store/meetings.js";
import { findWorkableLead } from "../leads/find-workable-lead.js";

/**
 * A meeting the principal may work on (it needs `leads:work` and must see the meeting's lead),
 * locked for the transaction. `not_found` names the meeting, whether it does not exist or its
 * lead is hidden from the principal, so ids do not leak.
 */
export async function lockWorkableMeeting(trx: Executor, principal: Principal, meetingId: string): Promise<Meeting> {
  const meeting = await lockMeetingById(trx, meetingId);
  const noMeeting = new DomainError("not_found", { field: "id", message: `id: no meeting ${meetingId}` });
  try {
    // An unknown meeting goes through the lead check too, so a caller without `leads:work` gets 403 either way.
    await findWorkableLead(trx, principal, meeting?.leadId ?? "", { isLocking: false });
  } catch (error) {
    throw error instanceof DomainError && error.code === "not_found" ? noMeeting : error;
  }
  if (!meeting) throw noMeeting;
  return meeting;
}

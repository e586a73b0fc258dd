import type { Principal } from "../../domain/access/permission.js";
import type { ServiceContext } from "../context.js";
import { findVisibleLead } from "../leads/find-visible-lead.js";
import { type MeetingView, viewsOfLeadMeetings } from "./meeting-changes.js";

/** A lead's meetings, oldest first, its first meeting flagged; `not_found` for a lead the principal may not see. */
export async function listLeadMeetings(ctx: ServiceContext, principal: Principal, leadId: string): Promise<MeetingView[]> {
  const lead = await findVisibleLead(ctx.db, principal, leadId);
  return viewsOfLeadMeetings(ctx.db, lead.id);
}

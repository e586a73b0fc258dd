import { actorOf, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import { type HandoffChecklist, prefillHandoff } from "../../domain/handoff/handoff-checklist.js";
import { listLeadEvents } from "../../store/events.js";
import { findLeadSla } from "../../store/lead-sla.js";
import { findLeadById } from "../../store/leads.js";
import { findUserById } from "../../store/users.js";
import type { ServiceContext } from "../context.js";
import { findWorkableLead } from "../leads/find-workable-lead.js";
import { getLeadWithTimeline } from "../read-leads.js";
import { writeHandoff } from "./write-handoff.js";

/** The checklist a handoff of this lead would start from, pre-filled from the lead and its timeline. */
export async function draftHandoff(ctx: ServiceContext, principal: Principal, leadId: string): Promise<HandoffChecklist> {
  const { lead, timeline } = await getLeadWithTimeline(ctx, principal, leadId);
  return prefillHandoff(lead, timeline);
}

/**
 * Hands a lead to another person (a manual reassignment, or an SDR passing to an AE). Items the
 * sender leaves out are pre-filled from what the system knows; what is still empty marks the
 * handoff incomplete.
 */
export async function handOffLead(
  ctx: ServiceContext,
  principal: Principal,
  leadId: string,
  request: { toUserId: string; checklist: Partial<HandoffChecklist>; reason: string | null },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const lead = await findWorkableLead(trx, principal, leadId, { isLocking: true });
    const toUser = await findUserById(trx, request.toUserId);
    if (!toUser || !toUser.isActive) throw new DomainError("invalid", { field: "toUserId", message: "toUserId: must be an active user" });
    if (toUser.id === lead.ownerId) throw new DomainError("invalid", { field: "toUserId", message: "toUserId: the lead already belongs to this person" });
    const defined = Object.fromEntries(Object.entries(request.checklist).filter(([, value]) => value !== undefined));
    const checklist = { ...prefillHandoff(lead, await listLeadEvents(trx, lead.id)), ...defined };
    const now = ctx.clock.now();
    await writeHandoff(trx, ctx, lead, { toUser, checklist, reason: request.reason ?? "Reassigned", actor: actorOf(principal) }, now);
    return { lead: (await findLeadById(trx, lead.id))!, sla: await findLeadSla(trx, lead.id) };
  });
}

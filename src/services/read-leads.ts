import { type LeadVisibility, type Principal, leadVisibility } from "../domain/access/permission.js";
import { DomainError } from "../domain/errors.js";
import type { Lead } from "../domain/lead/lead.js";
import type { LeadEvent } from "../domain/lead/lead-event.js";
import { listLeadEvents } from "../store/events.js";
import { findLeadSla, findLeadSlas, type LeadSla } from "../store/lead-sla.js";
import { findLeadById, type LeadCursor, type LeadListFilter, type LeadSort, listLeads } from "../store/leads.js";
import { readSettings } from "../store/settings.js";
import type { ServiceContext } from "./context.js";

async function visibilityFor(ctx: ServiceContext, principal: Principal): Promise<LeadVisibility> {
  const settings = await readSettings(ctx.db);
  return leadVisibility(principal, settings.repsSeeAllLeads);
}

function isVisible(lead: Lead, visibility: LeadVisibility): boolean {
  return visibility.kind === "all" || lead.ownerId === visibility.userId;
}

export type LeadPage = { items: Lead[]; slas: Map<string, LeadSla>; nextCursor: LeadCursor | undefined };

/** A page of the leads the principal may see, filtered and sorted. */
export async function listVisibleLeads(
  ctx: ServiceContext,
  principal: Principal,
  query: { filter: LeadListFilter; sort: LeadSort; limit: number; after: LeadCursor | undefined },
): Promise<LeadPage> {
  const visibility = await visibilityFor(ctx, principal);
  const filter = visibility.kind === "owned_by" ? { ...query.filter, visibleToOwnerId: visibility.userId } : query.filter;
  // One extra row tells whether there is a next page without a count query.
  const rows = await listLeads(ctx.db, filter, query.sort, query.limit + 1, query.after);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const slas = await findLeadSlas(ctx.db, items.map((lead) => lead.id));
  return { items, slas, nextCursor: rows.length > query.limit && last ? { createdAt: last.createdAt, id: last.id } : undefined };
}

/** One lead with its whole timeline and SLA clock; `not_found` when it does not exist or the principal may not see it. */
export async function getLeadWithTimeline(ctx: ServiceContext, principal: Principal, leadId: string): Promise<{ lead: Lead; timeline: LeadEvent[]; sla: LeadSla | undefined }> {
  const lead = await findLeadById(ctx.db, leadId);
  if (!lead || !isVisible(lead, await visibilityFor(ctx, principal))) {
    throw new DomainError("not_found", { field: "id", message: `id: no lead ${leadId}` });
  }
  return { lead, timeline: await listLeadEvents(ctx.db, leadId), sla: await findLeadSla(ctx.db, leadId) };
}

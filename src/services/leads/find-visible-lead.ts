import { hasPermission, leadVisibility, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { Lead } from "../../domain/lead/lead.js";
import type { Executor } from "../../store/engine.js";
import { findLeadById } from "../../store/leads.js";
import { readSettings } from "../../store/settings.js";

/**
 * A lead the principal may read. `not_found` when it does not exist or the principal may not
 * see it (a rep and someone else's lead), so ids do not leak.
 */
export async function findVisibleLead(db: Executor, principal: Principal, leadId: string): Promise<Lead> {
  if (!hasPermission(principal, "leads:read")) throw new DomainError("forbidden", { message: "This needs the \"leads:read\" permission." });
  const lead = await findLeadById(db, leadId);
  const visibility = leadVisibility(principal, (await readSettings(db)).repsSeeAllLeads);
  if (!lead || (visibility.kind === "owned_by" && lead.ownerId !== visibility.userId)) {
    throw new DomainError("not_found", { field: "id", message: `id: no lead ${leadId}` });
  }
  return lead;
}

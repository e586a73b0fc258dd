import { hasPermission, leadVisibility, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { Lead } from "../../domain/lead/lead.js";
import type { Executor } from "../../store/engine.js";
import { findLeadsByIds, lockLeadsByIds } from "../../store/leads.js";
import { readSettings } from "../../store/settings.js";

/**
 * The lead a principal is about to work on; locked for the transaction when the caller changes
 * the lead row itself. `not_found` when it does not exist or the principal may not see it (a
 * rep and someone else's lead), so ids do not leak.
 */
export async function findWorkableLead(trx: Executor, principal: Principal, leadId: string, options: { isLocking: boolean }): Promise<Lead> {
  if (!hasPermission(principal, "leads:work")) throw new DomainError("forbidden", { message: "This needs the \"leads:work\" permission." });
  const [lead] = options.isLocking ? await lockLeadsByIds(trx, [leadId]) : await findLeadsByIds(trx, [leadId]);
  const visibility = leadVisibility(principal, (await readSettings(trx)).repsSeeAllLeads);
  if (!lead || (visibility.kind === "owned_by" && lead.ownerId !== visibility.userId)) {
    throw new DomainError("not_found", { field: "id", message: `id: no lead ${leadId}` });
  }
  return lead;
}

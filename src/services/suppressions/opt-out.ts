import type { Actor, NewLeadEvent } from "../../domain/lead/lead-event.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { lockLeadsByEmail, lockLeadsByIds, updateLead } from "../../store/leads.js";
import { deleteSuppression, findSuppressionOf, insertSuppression } from "../../store/suppressions.js";
import type { ServiceContext } from "../context.js";
import { stopLiveEnrolmentInTransaction } from "../sequences/stop-live-enrolment.js";

/** How the person opted out: the one-click header, the unsubscribe page, a reply asking for it, or a user recording it. */
export type OptOutVia = "one_click" | "page" | "reply" | "manual";

export type OptOutRequest = { address: string; leadId: string | null; via: OptOutVia; actor: Actor; now: number };

/**
 * Records an opt-out inside the caller's transaction. It is permanent and global: the address
 * goes on the suppression list as opted out (replacing a bounced or manual entry, which could
 * be removed later), and every lead reached at it — plus `leadId`, the lead the link was sent
 * to — is marked opted out, has its live enrolment stopped and gets `opted_out`. Asking twice
 * changes nothing the second time. Returns the leads it marked.
 */
export async function optOutInTransaction(trx: Executor, ctx: ServiceContext, request: OptOutRequest): Promise<{ leadIds: string[] }> {
  const { leadId, via, actor, now } = request;
  const address = request.address.trim().toLowerCase();
  await suppressForGood(trx, address, leadId, actor, now);
  const reached = await lockLeadsByEmail(trx, address);
  const named = leadId && !reached.some((lead) => lead.id === leadId) ? await lockLeadsByIds(trx, [leadId]) : [];
  const events: NewLeadEvent[] = [];
  for (const lead of [...reached, ...named]) {
    await stopLiveEnrolmentInTransaction(trx, ctx, { leadId: lead.id, reason: "opted_out", actor, now });
    if (lead.isOptedOut) continue;
    await updateLead(trx, { ...lead, isOptedOut: true, updatedAt: now });
    events.push({ leadId: lead.id, type: "opted_out", actor, at: now, data: { address, via } });
  }
  await appendEvents(trx, events);
  return { leadIds: events.map((event) => event.leadId!) };
}

/** Puts the address on the list as opted out; an entry there for another reason is replaced. */
async function suppressForGood(trx: Executor, address: string, leadId: string | null, actor: Actor, now: number): Promise<void> {
  const entry = { value: address, kind: "address" as const, reason: "opted_out" as const, leadId, note: null, createdBy: actor, createdAt: now };
  if (await insertSuppression(trx, entry)) return;
  const existing = await findSuppressionOf(trx, address);
  if (existing?.kind !== "address" || existing.reason === "opted_out") return;
  await deleteSuppression(trx, address);
  await insertSuppression(trx, entry);
}

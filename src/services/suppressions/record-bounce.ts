import type { Actor, NewLeadEvent } from "../../domain/lead/lead-event.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { lockLeadsByEmail } from "../../store/leads.js";
import { insertSuppression } from "../../store/suppressions.js";
import type { ServiceContext } from "../context.js";
import { stopLiveEnrolmentInTransaction } from "../sequences/stop-live-enrolment.js";

export type BounceRequest = {
  address: string;
  /** The DSN's status code, e.g. `5.1.1`. */
  status: string;
  /** The receiving server's words, e.g. `550 5.1.1 no such user`. */
  diagnostic: string | null;
  actor: Actor;
  now: number;
};

/**
 * Records a hard bounce inside the caller's transaction: the address goes on the suppression
 * list (an entry already there keeps its first reason), and each lead whose email it is has its
 * live enrolment stopped (bounced) and gets `bounced`; with no such lead, one workspace
 * `bounced` keeps the record. Leads that merely once had the address keep following up on
 * their current one.
 */
export async function recordBounceInTransaction(trx: Executor, ctx: ServiceContext, request: BounceRequest): Promise<{ leadIds: string[] }> {
  const { status, diagnostic, actor, now } = request;
  const address = request.address.trim().toLowerCase();
  await insertSuppression(trx, { value: address, kind: "address", reason: "bounced", leadId: null, note: diagnostic, createdBy: actor, createdAt: now });
  const leads = (await lockLeadsByEmail(trx, address)).filter((lead) => lead.email?.toLowerCase() === address);
  const data = { address, status, diagnostic };
  const events: NewLeadEvent[] = leads.length === 0 ? [{ leadId: null, type: "bounced", actor, at: now, data }] : [];
  for (const lead of leads) {
    await stopLiveEnrolmentInTransaction(trx, ctx, { leadId: lead.id, reason: "bounced", actor, now });
    events.push({ leadId: lead.id, type: "bounced", actor, at: now, data });
  }
  await appendEvents(trx, events);
  return { leadIds: leads.map((lead) => lead.id) };
}

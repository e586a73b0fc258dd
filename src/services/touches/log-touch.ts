import { actorOf, type Principal } from "../../domain/access/permission.js";
import type { NewLeadEvent } from "../../domain/lead/lead-event.js";
import type { Lead } from "../../domain/lead/lead.js";
import { replyWaitingAfter } from "../../domain/touches/reply-waiting.js";
import { isFirstResponse, type Touch } from "../../domain/touches/touch.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { findLeadPipeline, saveLeadPipeline } from "../../store/lead-pipeline.js";
import { findLeadSla, saveLeadSlas } from "../../store/lead-sla.js";
import { lockLeadsByIds } from "../../store/leads.js";
import { findSlaPolicy } from "../../store/sla-policies.js";
import { cancelTimer } from "../../store/timers.js";
import type { ServiceContext } from "../context.js";
import { slaTimerKey } from "../routing/assign-new-leads.js";
import { findWorkableLead } from "../leads/find-workable-lead.js";

/**
 * Logs a contact attempt. The first one that counts as a response stops the lead's SLA clock:
 * `sla_met` records whether it came in time and after how many minutes, and the pending SLA
 * step is cancelled in the same transaction, so no warning or escalation fires after it.
 * Locks are taken in the SLA task's order (timer, then clock) so the two never deadlock on
 * PostgreSQL: cancelling waits for a step that is running right now, then the clock is re-read.
 * A message in starts the lead's wait for a reply and a person's touch out ends it; that change
 * locks the lead last (timer, clock, lead: the SLA task's order too), as every writer of the
 * pipeline state locks the lead, so it never overwrites a next step or stage set meanwhile.
 */
export async function logTouch(ctx: ServiceContext, principal: Principal, leadId: string, touch: Touch): Promise<{ stoppedSlaClock: boolean }> {
  return ctx.db.transaction().execute(async (trx) => {
    const lead = await findWorkableLead(trx, principal, leadId, { isLocking: false });
    const now = ctx.clock.now();
    const events: NewLeadEvent[] = [{ leadId: lead.id, type: "touch", actor: actorOf(principal), at: now, data: { ...touch } }];
    const before = await findLeadSla(trx, lead.id);
    const policy = before && before.firstResponseAt === null ? await findSlaPolicy(trx, before.policyId) : undefined;
    const isResponse = policy !== undefined && isFirstResponse(touch, policy.isAutomatedResponseEnough);
    if (isResponse) await cancelTimer(trx, slaTimerKey(lead.id));
    const clock = isResponse ? await findLeadSla(trx, lead.id) : undefined;
    const stopsClock = clock !== undefined && clock.firstResponseAt === null;
    if (stopsClock) {
      const isWithinSla = now <= clock.dueAt;
      await saveLeadSlas(trx, [{ ...clock, firstResponseAt: now, status: isWithinSla ? "met" : "breached" }], now);
      events.push({ leadId: lead.id, type: "sla_met", actor: actorOf(principal), at: now, data: { isWithinSla, responseMinutes: Math.round((now - clock.startedAt) / 60_000), dueAt: clock.dueAt } });
    }
    await updateReplyWaiting(trx, lead, touch, now);
    await appendEvents(trx, events);
    return { stoppedSlaClock: stopsClock };
  });
}

/** Starts or ends the lead's wait for a reply when this touch changes it; the `touch` event is the record of why. */
export async function updateReplyWaiting(trx: Executor, lead: Lead, touch: Touch, now: number): Promise<void> {
  const seen = await findLeadPipeline(trx, lead);
  if (replyWaitingAfter(touch, seen.replyWaitingSince, now) === seen.replyWaitingSince) return;
  await lockLeadsByIds(trx, [lead.id]);
  const state = await findLeadPipeline(trx, lead);
  await saveLeadPipeline(trx, { ...state, replyWaitingSince: replyWaitingAfter(touch, state.replyWaitingSince, now) }, now);
}

import { type HandoffChecklist, missingHandoffItems } from "../../domain/handoff/handoff-checklist.js";
import type { Lead } from "../../domain/lead/lead.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { findLeadSla } from "../../store/lead-sla.js";
import { updateLead } from "../../store/leads.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { enqueueLeadEvent } from "../notifications/enqueue-lead-event.js";
import { leadSummary } from "../notifications/lead-summary.js";
import { notifyPeople } from "../notifications/notify-people.js";

export type Handoff = { toUser: { id: string; email: string; name: string }; checklist: HandoffChecklist; reason: string; actor: Actor };

/**
 * Moves a lead to a new owner with its context: updates the owner, appends `handed_off` with
 * the checklist and what it is missing (the handoff-completeness metric counts those), tells
 * the new owner and sends the `lead.handed_off` webhook. The SLA clock keeps running: a new
 * owner inherits the deadline, which is the point of escalating.
 */
export async function writeHandoff(trx: Executor, ctx: ServiceContext, lead: Lead, handoff: Handoff, now: number): Promise<Lead> {
  const fromUserId = lead.ownerId;
  const updated = { ...lead, ownerId: handoff.toUser.id, updatedAt: now };
  await updateLead(trx, updated);
  const missingItems = missingHandoffItems(handoff.checklist);
  const data = { fromUserId, toUserId: handoff.toUser.id, reason: handoff.reason, checklist: handoff.checklist, missingItems, isComplete: missingItems.length === 0 };
  await appendEvents(trx, [{ leadId: lead.id, type: "handed_off", actor: handoff.actor, at: now, data }]);
  const clock = await findLeadSla(trx, lead.id);
  const settings = await readSettings(trx);
  await notifyPeople(
    trx,
    ctx,
    [{
      reason: `handed_off:${now}`,
      recipients: [handoff.toUser],
      lead: updated,
      headline: "Lead handed to you",
      detail: `${handoff.reason}. Asked for: ${handoff.checklist.askedFor ?? "—"}. Next step: ${handoff.checklist.recommendedNextStep ?? "—"}.`,
      slaDueAt: clock?.firstResponseAt === null ? clock.dueAt : null,
      slackWebhookUrl: settings.slackWebhookUrl,
    }],
    now,
  );
  await enqueueLeadEvent(trx, { type: "lead.handed_off", leadId: lead.id, eventKey: `handed_off:${lead.id}:${now}`, data: { ...leadSummary(updated), ...data } }, now);
  return updated;
}

import type { Lead } from "../../domain/lead/lead.js";
import type { Executor } from "../../store/engine.js";
import type { ServiceContext } from "../context.js";
import type { PlannedAssignments } from "../routing/write-assignments.js";
import { findEscalationRecipients } from "../sla/escalation-recipients.js";
import { enqueueLeadEvents } from "./enqueue-lead-event.js";
import { leadSummary } from "./lead-summary.js";
import { notifyPeople, type PeopleNotice } from "./notify-people.js";

/**
 * Tells each new owner about their lead (email, and Slack when configured) and the managers
 * about leads nobody could take, and sends `lead.created` / `lead.assigned` webhooks, all
 * queued in the capture transaction.
 */
export async function notifyAssignments(trx: Executor, ctx: ServiceContext, leads: Lead[], planned: PlannedAssignments, now: number): Promise<void> {
  if (leads.length === 0) return;
  const ownerIds = [...new Set(leads.flatMap((lead) => (lead.ownerId ? [lead.ownerId] : [])))];
  const owners = ownerIds.length === 0 ? [] : await trx.selectFrom("users").select(["id", "email"]).where("id", "in", ownerIds).execute();
  const ownersById = new Map(owners.map((owner) => [owner.id, owner]));
  const managers = leads.some((lead) => !lead.ownerId) ? await findEscalationRecipients(trx, null, true) : [];
  const dueAt = new Map(planned.clocks.map((clock) => [clock.leadId, clock.dueAt]));
  const notices: PeopleNotice[] = leads.map((lead) => {
    const owner = lead.ownerId ? ownersById.get(lead.ownerId) : undefined;
    const reason = planned.decisions.get(lead.id)?.reason ?? "";
    return {
      reason: owner ? "assigned" : "unassigned",
      recipients: owner ? [owner] : managers,
      lead,
      headline: owner ? "New lead assigned to you" : "New lead waiting: nobody was available",
      detail: reason,
      slaDueAt: dueAt.get(lead.id) ?? null,
      slackWebhookUrl: planned.slackWebhookUrl,
    };
  });
  await notifyPeople(trx, ctx, notices.filter((notice) => notice.recipients.length > 0), now);
  await enqueueLeadEvents(
    trx,
    leads.flatMap((lead) => {
      const data = { ...leadSummary(lead), routing: planned.decisions.get(lead.id)?.reason ?? null };
      const created = { type: "lead.created" as const, leadId: lead.id, eventKey: `created:${lead.id}`, data };
      return lead.ownerId ? [created, { type: "lead.assigned" as const, leadId: lead.id, eventKey: `assigned:${lead.id}`, data }] : [created];
    }),
    now,
  );
}

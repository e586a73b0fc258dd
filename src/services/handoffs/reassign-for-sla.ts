import { prefillHandoff } from "../../domain/handoff/handoff-checklist.js";
import type { Lead } from "../../domain/lead/lead.js";
import { unavailabilityReason } from "../../domain/routing/availability.js";
import { chooseOwner } from "../../domain/routing/choose-owner.js";
import { leadFacts } from "../../domain/routing/lead-facts.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents, listLeadEvents } from "../../store/events.js";
import { findRoutingProfiles, loadRoutingCandidates } from "../../store/routing-profiles.js";
import { findUserById } from "../../store/users.js";
import type { ServiceContext } from "../context.js";
import { loadRoutingState } from "../routing/routing-state.js";
import { writeHandoff } from "./write-handoff.js";

/**
 * The reassign step of an SLA escalation: the owner's backup when available, else whoever
 * routing picks now with the current owner left out. With nobody available the lead stays and
 * the step is recorded, so the manager step that follows has the facts.
 */
export async function reassignForSla(trx: Executor, ctx: ServiceContext, lead: Lead, now: number): Promise<void> {
  const toUserId = (await availableBackup(trx, lead, now)) ?? (await rerouteWithoutOwner(trx, lead, now));
  const toUser = toUserId ? await findUserById(trx, toUserId) : undefined;
  if (!toUser) {
    await appendEvents(trx, [{ leadId: lead.id, type: "escalated", actor: "system", at: now, data: { action: "reassign", outcome: "nobody available" } }]);
    return;
  }
  const checklist = prefillHandoff(lead, await listLeadEvents(trx, lead.id));
  await writeHandoff(trx, ctx, lead, { toUser, checklist: { ...checklist, recommendedNextStep: checklist.recommendedNextStep ?? "Call now: the first-response SLA was breached" }, reason: "SLA breached: reassigned", actor: "system" }, now);
}

async function availableBackup(trx: Executor, lead: Lead, now: number): Promise<string | null> {
  if (!lead.ownerId) return null;
  const backupId = (await findRoutingProfiles(trx, [lead.ownerId])).get(lead.ownerId)?.backupUserId;
  if (!backupId) return null;
  const backup = (await loadRoutingCandidates(trx, [backupId], now, new Set())).get(backupId);
  return backup && unavailabilityReason(backup, now) === null ? backupId : null;
}

async function rerouteWithoutOwner(trx: Executor, lead: Lead, now: number): Promise<string | null> {
  const state = await loadRoutingState(trx, now, { isLocking: false });
  if (lead.ownerId) state.candidates.delete(lead.ownerId);
  return chooseOwner({ ...state, facts: leadFacts(lead), now }).ownerId;
}

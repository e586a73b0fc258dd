import type { Actor, NewLeadEvent } from "../../domain/lead/lead-event.js";
import type { Lead } from "../../domain/lead/lead.js";
import type { Playbook } from "../../domain/scoring/playbook.js";
import type { IntentLevel } from "../../domain/scoring/scoring-config.js";
import type { StopReason } from "../../domain/sequences/enrolment.js";
import type { BusinessCalendar } from "../../domain/sla/business-hours.js";
import { slaDeadlines } from "../../domain/sla/sla-clock.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents, hasLeadEventOfTypes } from "../../store/events.js";
import { findLeadSla, saveLeadSlas } from "../../store/lead-sla.js";
import { listEnrolmentsOfLead } from "../../store/sequence-enrolments.js";
import { findSequence } from "../../store/sequences.js";
import { findSlaPolicy } from "../../store/sla-policies.js";
import { scheduleTimers } from "../../store/timers.js";
import type { ServiceContext } from "../context.js";
import { startSlaClock } from "../routing/assign-new-leads.js";
import { enrolInTransaction } from "../sequences/enrol-in-transaction.js";
import { enrolmentBlockerOf } from "../sequences/enrolment-blocker.js";
import { stopLiveEnrolmentInTransaction } from "../sequences/stop-live-enrolment.js";

/** Why a playbook started: the lead arrived, or its intent level moved. */
export type PlaybookReason = "capture" | "intent_changed";

export type PlaybookApplication = {
  lead: Lead;
  playbook: Playbook;
  previousPlaybookId: string | null;
  intentLevel: IntentLevel;
  reason: PlaybookReason;
  /** Capture already started the SLA clock under the playbook's policy. */
  isSlaApplied: boolean;
  calendar: BusinessCalendar;
  actor: Actor;
  now: number;
};

/**
 * Ends of a follow-up after which no playbook enrols the lead again on its own: the lead talked
 * to us, closed, opted out or bounced, or someone stopped it by hand. A finished sequence or one
 * replaced by another may be followed by the playbook's.
 */
const FINAL_STOPS: ReadonlySet<StopReason> = new Set(["replied", "meeting_booked", "won", "lost", "disqualified", "opted_out", "bounced", "manual"]);

/** A lead that wrote back or met us is in a conversation with a person: no playbook starts automated follow-up on it. */
const ENGAGEMENTS = ["replied", "meeting_booked", "meeting_held"] as const;

/**
 * Starts a playbook on a lead inside the caller's transaction: `playbook_applied`, then its SLA
 * policy (restarting the clock from when it started, while the lead still waits for a first
 * response) and its sequence (enrolling via "playbook", replacing a live enrolment in another
 * sequence). A lead the sequence cannot take, that already talked to us, or that was in that
 * sequence before, is left out of it quietly: scoring never fails over follow-up.
 */
export async function applyPlaybookInTransaction(trx: Executor, ctx: ServiceContext, application: PlaybookApplication): Promise<void> {
  const { lead, playbook, actor, now } = application;
  const data = {
    playbookId: playbook.id,
    name: playbook.name,
    intentLevel: application.intentLevel,
    previousPlaybookId: application.previousPlaybookId,
    reason: application.reason,
    slaPolicyId: playbook.slaPolicyId,
    sequenceId: playbook.sequenceId,
  };
  await appendEvents(trx, [{ leadId: lead.id, type: "playbook_applied", actor, at: now, data }]);
  if (playbook.slaPolicyId && !application.isSlaApplied) await restartSlaClock(trx, lead.id, playbook.slaPolicyId, application);
  if (playbook.sequenceId) await enrolInPlaybookSequence(trx, ctx, lead, playbook.sequenceId, actor, now);
}

/** Puts a lead still waiting for its first response on the playbook's SLA policy, counted from when its clock started. */
async function restartSlaClock(trx: Executor, leadId: string, policyId: string, application: PlaybookApplication): Promise<void> {
  const clock = await findLeadSla(trx, leadId);
  if (!clock || clock.status !== "running" || clock.firstResponseAt !== null || clock.policyId === policyId) return;
  const policy = await findSlaPolicy(trx, policyId);
  if (!policy) return;
  const plan = { clocks: [], events: [] as NewLeadEvent[], timers: [] };
  startSlaClock(plan, leadId, policy, slaDeadlines(policy, application.calendar, clock.startedAt), application.actor, application.now);
  await saveLeadSlas(trx, plan.clocks, application.now);
  await scheduleTimers(trx, plan.timers, application.now);
  await appendEvents(trx, plan.events);
}

async function enrolInPlaybookSequence(trx: Executor, ctx: ServiceContext, lead: Lead, sequenceId: string, actor: Actor, now: number): Promise<void> {
  const enrolments = await listEnrolmentsOfLead(trx, lead.id);
  // Intent that swings back must not restart a sequence from its first step.
  if (enrolments.some((enrolment) => enrolment.sequenceId === sequenceId)) return;
  const stopReason = enrolments[0]?.stopReason;
  if (stopReason && FINAL_STOPS.has(stopReason)) return;
  if (await hasLeadEventOfTypes(trx, lead.id, ENGAGEMENTS)) return;
  const sequence = await findSequence(trx, sequenceId);
  if (!sequence || (await enrolmentBlockerOf(trx, lead, sequence))) return;
  await stopLiveEnrolmentInTransaction(trx, ctx, { leadId: lead.id, reason: "re_enrolled", actor, now });
  await enrolInTransaction(trx, ctx, { lead, sequence, via: "playbook", actor, now });
}

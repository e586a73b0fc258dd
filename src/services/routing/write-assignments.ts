import type { PoolKey } from "../../domain/routing/choose-owner.js";
import type { Lead } from "../../domain/lead/lead.js";
import type { PoolCursor } from "../../domain/routing/pool-strategies.js";
import type { SlaPolicy } from "../../domain/sla/sla-policy.js";
import type { Executor } from "../../store/engine.js";
import { saveLeadSlas } from "../../store/lead-sla.js";
import { savePoolCursor } from "../../store/routing-cursors.js";
import { listSlaPolicies } from "../../store/sla-policies.js";
import { scheduleTimers } from "../../store/timers.js";
import { type AssignmentPlan, assignNewLeads } from "./assign-new-leads.js";
import { enrolRoutedLeads } from "./enrol-routed-leads.js";
import { loadRoutingState } from "./routing-state.js";
import type { ServiceContext } from "../context.js";
import { notifyAssignments } from "../notifications/notify-assignments.js";

/** An assignment plan plus the pool cursors it moved, ready to write. */
export type PlannedAssignments = AssignmentPlan & { movedCursors: Map<PoolKey, PoolCursor>; isSpeedToLead: boolean; slackWebhookUrl: string | null };

/** SLA policies by id, with the default policy also under `null`. */
export async function loadSlaPolicies(trx: Executor): Promise<Map<string | null, SlaPolicy>> {
  const policies = await listSlaPolicies(trx);
  const byId = new Map<string | null, SlaPolicy>(policies.map((policy) => [policy.id, policy]));
  const fallback = policies.find((policy) => policy.isDefault);
  if (fallback) byId.set(null, fallback);
  return byId;
}

/**
 * Routes new leads inside the capture transaction (locking the pools' cursors) and, for
 * speed-to-lead captures, plans their SLA clocks (under their playbook's policy, by lead id, when it names one).
 */
export async function planAssignments(
  trx: Executor,
  leads: Lead[],
  now: number,
  isSpeedToLead: boolean,
  playbookPolicies: ReadonlyMap<string, string> = new Map(),
): Promise<PlannedAssignments> {
  if (leads.length === 0) return { decisions: new Map(), events: [], clocks: [], timers: [], movedCursors: new Map(), isSpeedToLead, slackWebhookUrl: null };
  const state = await loadRoutingState(trx, now, { isLocking: true });
  const policies = isSpeedToLead ? await loadSlaPolicies(trx) : new Map<string | null, SlaPolicy>();
  const plan = assignNewLeads(leads, state, policies, "system", now, playbookPolicies);
  const movedCursors = new Map<PoolKey, PoolCursor>();
  for (const decision of plan.decisions.values()) {
    if (decision.cursorUpdate) movedCursors.set(decision.cursorUpdate.poolKey, state.cursors.get(decision.cursorUpdate.poolKey)!);
  }
  return { ...plan, movedCursors, isSpeedToLead, slackWebhookUrl: state.slackWebhookUrl };
}

/**
 * Writes what routing decided for leads already inserted: pool cursors, SLA clocks and their
 * first timers, the enrolments of rules with a sequence, and (for speed-to-lead captures) the
 * notifications and webhooks.
 */
export async function writeAssignments(trx: Executor, ctx: ServiceContext, leads: Lead[], planned: PlannedAssignments, now: number): Promise<void> {
  for (const [poolKey, cursor] of planned.movedCursors) await savePoolCursor(trx, poolKey, cursor, now);
  await saveLeadSlas(trx, planned.clocks, now);
  await scheduleTimers(trx, planned.timers, now);
  await enrolRoutedLeads(trx, ctx, leads, planned.decisions, now);
  if (planned.isSpeedToLead) await notifyAssignments(trx, ctx, leads, planned, now);
}

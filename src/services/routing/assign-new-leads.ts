import { chooseOwner, type RoutingDecision } from "../../domain/routing/choose-owner.js";
import { leadFacts } from "../../domain/routing/lead-facts.js";
import type { Lead } from "../../domain/lead/lead.js";
import type { Actor, NewLeadEvent } from "../../domain/lead/lead-event.js";
import { nextSlaStep, type SlaDeadlines, slaDeadlines } from "../../domain/sla/sla-clock.js";
import type { SlaPolicy } from "../../domain/sla/sla-policy.js";
import type { LeadSla } from "../../store/lead-sla.js";
import type { RoutingState } from "./routing-state.js";

/** A timer to schedule in the same transaction. */
export type PlannedTimer = { key: string; task: string; payload: Record<string, unknown>; runAt: number };

/** What routing a set of new leads changes; the capture transaction writes all of it. */
export type AssignmentPlan = {
  decisions: Map<string, RoutingDecision>;
  events: NewLeadEvent[];
  clocks: LeadSla[];
  timers: PlannedTimer[];
};

/** The timer key of a lead's SLA clock: one pending step per lead, replaced as the chain advances. */
export const slaTimerKey = (leadId: string): string => `sla:${leadId}`;

/** The worker task that runs SLA steps. */
export const SLA_STEP_TASK = "sla-step";

/**
 * Routes new leads and starts their speed-to-lead clocks. Sets `ownerId` on each lead and
 * advances pool cursors and open-lead counts in `state` as it goes, so a batch of 500 leads
 * shares a pool as fairly as 500 single captures would.
 */
export function assignNewLeads(
  leads: Lead[],
  state: RoutingState,
  policies: Map<string | null, SlaPolicy>,
  actor: Actor,
  now: number,
  playbookPolicies: ReadonlyMap<string, string> = new Map(),
): AssignmentPlan {
  const plan: AssignmentPlan = { decisions: new Map(), events: [], clocks: [], timers: [] };
  // Every lead of a batch starts its clock at the same `now`: compute each policy's deadlines once.
  const deadlinesByPolicy = new Map<string, SlaDeadlines>();
  const deadlinesOf = (policy: SlaPolicy) => {
    let deadlines = deadlinesByPolicy.get(policy.id);
    if (!deadlines) deadlinesByPolicy.set(policy.id, (deadlines = slaDeadlines(policy, state.calendar, now)));
    return deadlines;
  };
  for (const lead of leads) {
    const decision = chooseOwner({ ...state, facts: leadFacts(lead), now });
    plan.decisions.set(lead.id, decision);
    if (decision.cursorUpdate) state.cursors.set(decision.cursorUpdate.poolKey, decision.cursorUpdate.cursor);
    const routing = { ruleId: decision.ruleId, strategy: decision.strategy, reason: decision.reason };
    if (decision.ownerId) {
      lead.ownerId = decision.ownerId;
      state.candidates.get(decision.ownerId)!.openLeads++;
      plan.events.push({ leadId: lead.id, type: "assigned", actor, at: now, data: { ownerId: decision.ownerId, ...routing } });
    } else {
      plan.events.push({ leadId: lead.id, type: "unassigned", actor, at: now, data: routing });
    }
    // A playbook's SLA policy (chosen by the lead's intent) wins over the routing rule's.
    const policy = policies.get(playbookPolicies.get(lead.id) ?? decision.slaPolicyId) ?? policies.get(decision.slaPolicyId) ?? policies.get(null);
    if (policy) startSlaClock(plan, lead.id, policy, deadlinesOf(policy), actor, now);
  }
  return plan;
}

/** Plans a lead's SLA clock under `policy`: the clock row, `sla_started` and the first step's timer. */
export function startSlaClock(plan: Pick<AssignmentPlan, "clocks" | "events" | "timers">, leadId: string, policy: SlaPolicy, deadlines: SlaDeadlines, actor: Actor, now: number): void {
  plan.clocks.push({ leadId, policyId: policy.id, ...deadlines, firstResponseAt: null, status: "running" });
  plan.events.push({ leadId, type: "sla_started", actor, at: now, data: { policyId: policy.id, policyName: policy.name, warnAt: deadlines.warnAt, dueAt: deadlines.dueAt } });
  const first = nextSlaStep(policy, deadlines, null);
  if (first) plan.timers.push({ key: slaTimerKey(leadId), task: SLA_STEP_TASK, payload: { leadId, step: first.step }, runAt: first.runAt });
}

import type { Lead } from "../../domain/lead/lead.js";
import type { RoutingDecision } from "../../domain/routing/choose-owner.js";
import type { RoutingRule } from "../../domain/routing/routing-rule.js";
import type { Sequence } from "../../domain/sequences/sequence.js";
import type { Executor } from "../../store/engine.js";
import { findRoutingRule } from "../../store/routing-rules.js";
import { lockLiveEnrolmentOfLead } from "../../store/sequence-enrolments.js";
import { findSequence } from "../../store/sequences.js";
import type { ServiceContext } from "../context.js";
import { enrolInTransaction } from "../sequences/enrol-in-transaction.js";
import { enrolmentBlockerOf } from "../sequences/enrolment-blocker.js";

/**
 * Enrols each lead a rule with a sequence routed to an owner (not the fallback pool, not
 * unassigned) in that sequence, via "routing_rule", inside the routing transaction. A lead the
 * sequence cannot take — no email, opted out, suppressed, already in a sequence, or the
 * sequence archived — is skipped quietly: routing never fails over follow-up.
 */
export async function enrolRoutedLeads(trx: Executor, ctx: ServiceContext, leads: readonly Lead[], decisions: ReadonlyMap<string, RoutingDecision>, now: number): Promise<void> {
  const rules = new Map<string, RoutingRule | undefined>();
  const sequences = new Map<string, Sequence | undefined>();
  for (const lead of leads) {
    const decision = decisions.get(lead.id);
    if (!decision?.ruleId || !decision.ownerId) continue;
    if (!rules.has(decision.ruleId)) rules.set(decision.ruleId, await findRoutingRule(trx, decision.ruleId));
    const sequenceId = rules.get(decision.ruleId)?.sequenceId;
    if (!sequenceId) continue;
    if (!sequences.has(sequenceId)) sequences.set(sequenceId, await findSequence(trx, sequenceId));
    const sequence = sequences.get(sequenceId);
    if (!sequence || (await enrolmentBlockerOf(trx, lead, sequence)) || (await lockLiveEnrolmentOfLead(trx, lead.id))) continue;
    await enrolInTransaction(trx, ctx, { lead, sequence, via: "routing_rule", actor: "system", now });
  }
}

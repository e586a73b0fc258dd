import { DomainError, invalidField } from "../../domain/errors.js";
import type { Actor, NewLeadEvent } from "../../domain/lead/lead-event.js";
import type { RoutingRule } from "../../domain/routing/routing-rule.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { saveRoutingRule } from "../../store/routing-rules.js";
import { findSequence } from "../../store/sequences.js";
import { findSlaPolicy } from "../../store/sla-policies.js";
import { changesBetween } from "./changes-between.js";
import { checkActivePeople } from "./check-people.js";

const RULE_FIELDS = ["name", "position", "conditions", "target", "slaPolicyId", "sequenceId", "isActive"] as const;

/** The error for an unknown rule id. */
export function routingRuleNotFound(id: string): DomainError {
  return new DomainError("not_found", { field: "id", message: `id: no routing rule ${id}` });
}

/** Checks what a rule points at: its pool's people are active users, its SLA policy exists, its sequence exists and is not archived. */
export async function checkRuleReferences(trx: Executor, rule: Partial<Pick<RoutingRule, "target" | "slaPolicyId" | "sequenceId">>): Promise<void> {
  if (rule.target) await checkActivePeople(trx, rule.target.userIds, (index) => `target.userIds.${index}`);
  if (rule.slaPolicyId && !(await findSlaPolicy(trx, rule.slaPolicyId))) throw invalidField("slaPolicyId", `no SLA policy ${rule.slaPolicyId}`);
  if (rule.sequenceId) {
    const sequence = await findSequence(trx, rule.sequenceId);
    if (!sequence || sequence.isArchived) throw invalidField("sequenceId", `no live sequence ${rule.sequenceId}`);
  }
}

/**
 * Saves the rules of `after` that are new or differ from `before` (a move renumbers its
 * neighbours too) and appends one `routing_rule_saved` per saved rule with its changes.
 */
export async function writeRuleOrder(trx: Executor, before: RoutingRule[], after: RoutingRule[], actor: Actor, now: number): Promise<void> {
  const previous = new Map(before.map((rule) => [rule.id, rule]));
  const events: NewLeadEvent[] = [];
  for (const rule of after) {
    const changed = changesBetween(previous.get(rule.id) ?? null, rule, RULE_FIELDS);
    if (Object.keys(changed).length === 0) continue;
    await saveRoutingRule(trx, rule, now);
    events.push({ leadId: null, type: "routing_rule_saved", actor, at: now, data: { ruleId: rule.id, name: rule.name, isNew: !previous.has(rule.id), changed } });
  }
  await appendEvents(trx, events);
}

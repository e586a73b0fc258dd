import { normalizeDisplayName } from "../../domain/display-name.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { checkRoutingConditions, checkRoutingTarget } from "../../domain/routing/check-routing-rule.js";
import { placeRule } from "../../domain/routing/rule-order.js";
import type { RoutingRule } from "../../domain/routing/routing-rule.js";
import { listRoutingRules } from "../../store/routing-rules.js";
import type { ServiceContext } from "../context.js";
import { checkRuleReferences, routingRuleNotFound, writeRuleOrder } from "./rule-writes.js";

/** What a manager may change on a rule; absent fields stay as they are. */
export type RoutingRuleChanges = Partial<Omit<RoutingRule, "id">>;

/**
 * Changes a rule (a new position moves it and renumbers the others) and appends
 * `routing_rule_saved`. Only a changed pool is re-checked against active users, so renaming
 * a rule still works after someone in its pool has left.
 */
export async function changeRoutingRule(ctx: ServiceContext, id: string, changes: RoutingRuleChanges, actor: Actor): Promise<RoutingRule> {
  if (changes.conditions) checkRoutingConditions(changes.conditions);
  if (changes.target) checkRoutingTarget(changes.target);
  const name = changes.name === undefined ? undefined : normalizeDisplayName(changes.name);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await listRoutingRules(trx);
    const current = before.find((rule) => rule.id === id);
    if (!current) throw routingRuleNotFound(id);
    await checkRuleReferences(trx, changes);
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const rule: RoutingRule = { ...current, ...given, ...(name === undefined ? {} : { name }), id };
    const after = placeRule(before, rule, changes.position);
    await writeRuleOrder(trx, before, after, actor, ctx.clock.now());
    return after.find((saved) => saved.id === id)!;
  });
}

import { normalizeDisplayName } from "../../domain/display-name.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { checkRoutingConditions, checkRoutingTarget } from "../../domain/routing/check-routing-rule.js";
import { placeRule } from "../../domain/routing/rule-order.js";
import type { RoutingRule } from "../../domain/routing/routing-rule.js";
import { listRoutingRules } from "../../store/routing-rules.js";
import type { ServiceContext } from "../context.js";
import { checkRuleReferences, writeRuleOrder } from "./rule-writes.js";

/** A rule as a manager writes it; without a position it goes last (tried after every other rule). */
export type NewRoutingRule = Omit<RoutingRule, "id" | "position"> & { position?: number | undefined };

/** Adds a routing rule at its position, renumbering the rules after it, and appends `routing_rule_saved`. */
export async function createRoutingRule(ctx: ServiceContext, input: NewRoutingRule, actor: Actor): Promise<RoutingRule> {
  const { position, ...fields } = input;
  const rule: RoutingRule = { ...fields, id: ctx.ids("rule"), name: normalizeDisplayName(fields.name), position: 0 };
  checkRoutingConditions(rule.conditions);
  checkRoutingTarget(rule.target);
  return ctx.db.transaction().execute(async (trx) => {
    await checkRuleReferences(trx, rule);
    const before = await listRoutingRules(trx);
    const after = placeRule(before, rule, position);
    await writeRuleOrder(trx, before, after, actor, ctx.clock.now());
    return after.find((saved) => saved.id === rule.id)!;
  });
}

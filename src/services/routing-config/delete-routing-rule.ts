import type { Actor } from "../../domain/lead/lead-event.js";
import { withoutRule } from "../../domain/routing/rule-order.js";
import { appendEvents } from "../../store/events.js";
import { deleteRoutingRule as deleteRuleRow, listRoutingRules } from "../../store/routing-rules.js";
import type { ServiceContext } from "../context.js";
import { routingRuleNotFound, writeRuleOrder } from "./rule-writes.js";

/**
 * Deletes a rule with its pool cursor, closes the gap in the positions and appends
 * `routing_rule_deleted` with the rule as it was (the timeline's `assigned` events still name it).
 */
export async function deleteRoutingRule(ctx: ServiceContext, id: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await listRoutingRules(trx);
    const rule = before.find((candidate) => candidate.id === id);
    if (!rule) throw routingRuleNotFound(id);
    const now = ctx.clock.now();
    await deleteRuleRow(trx, id);
    await appendEvents(trx, [{ leadId: null, type: "routing_rule_deleted", actor, at: now, data: { ruleId: id, rule } }]);
    await writeRuleOrder(trx, before, withoutRule(before, id), actor, now);
  });
}

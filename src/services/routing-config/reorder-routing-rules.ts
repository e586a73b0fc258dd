import type { Actor } from "../../domain/lead/lead-event.js";
import { orderRules } from "../../domain/routing/rule-order.js";
import type { RoutingRule } from "../../domain/routing/routing-rule.js";
import { listRoutingRules } from "../../store/routing-rules.js";
import type { ServiceContext } from "../context.js";
import { writeRuleOrder } from "./rule-writes.js";

/** Puts every rule in the order of `ids` (each exactly once) and appends `routing_rule_saved` for each rule that moved. */
export async function reorderRoutingRules(ctx: ServiceContext, ids: string[], actor: Actor): Promise<RoutingRule[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await listRoutingRules(trx);
    const after = orderRules(before, ids);
    await writeRuleOrder(trx, before, after, actor, ctx.clock.now());
    return after;
  });
}

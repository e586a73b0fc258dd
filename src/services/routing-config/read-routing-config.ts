import type { RoutingRule } from "../../domain/routing/routing-rule.js";
import type { SlaPolicy } from "../../domain/sla/sla-policy.js";
import { listRoutingRules } from "../../store/routing-rules.js";
import { listSlaPolicies } from "../../store/sla-policies.js";
import type { ServiceContext } from "../context.js";

/** Every routing rule, in the order routing tries them. */
export async function readRoutingRules(ctx: ServiceContext): Promise<RoutingRule[]> {
  return listRoutingRules(ctx.db);
}

/** Every SLA policy, by name. */
export async function readSlaPolicies(ctx: ServiceContext): Promise<SlaPolicy[]> {
  return listSlaPolicies(ctx.db);
}

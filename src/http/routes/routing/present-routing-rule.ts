import type { RoutingRule } from "../../../domain/routing/routing-rule.js";
import type { RoutingRuleDtoType } from "./routing-rules.schemas.js";

/** A routing rule as the API shows it. */
export function presentRoutingRule(rule: RoutingRule): RoutingRuleDtoType {
  const { id, name, position, conditions, target, slaPolicyId, sequenceId, isActive } = rule;
  return { id, name, position, conditions, target, slaPolicyId, sequenceId, isActive };
}

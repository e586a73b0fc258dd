import { invalidField } from "../errors.js";
import type { RoutingRule } from "./routing-rule.js";

function byPosition(rules: RoutingRule[]): RoutingRule[] {
  return [...rules].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function renumbered(rules: RoutingRule[]): RoutingRule[] {
  return rules.map((rule, index) => (rule.position === index + 1 ? rule : { ...rule, position: index + 1 }));
}

/**
 * The rules in routing order with `placed` (new or changed) at `position` (1 = tried first;
 * past the end = last; absent = where it already is, or last when new) and positions
 * renumbered 1..n, so the order a manager sees is the order routing uses, without gaps or ties.
 */
export function placeRule(rules: RoutingRule[], placed: RoutingRule, position?: number): RoutingRule[] {
  const ordered = byPosition(rules);
  const currentIndex = ordered.findIndex((rule) => rule.id === placed.id);
  const others = ordered.filter((rule) => rule.id !== placed.id);
  const wanted = position === undefined ? (currentIndex === -1 ? others.length : currentIndex) : Math.trunc(position) - 1;
  const index = Math.min(Math.max(wanted, 0), others.length);
  return renumbered([...others.slice(0, index), placed, ...others.slice(index)]);
}

/** The rules without `removedId`, renumbered 1..n. */
export function withoutRule(rules: RoutingRule[], removedId: string): RoutingRule[] {
  return renumbered(byPosition(rules.filter((rule) => rule.id !== removedId)));
}

/** The rules in the order of `ids`, which must name every rule exactly once (a partial list would leave the rest's order a guess). */
export function orderRules(rules: RoutingRule[], ids: string[]): RoutingRule[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (!byId.has(id)) throw invalidField(`ids.${index}`, `no routing rule ${id}`);
    if (seen.has(id)) throw invalidField(`ids.${index}`, `${id} is listed twice`);
    seen.add(id);
  });
  const missing = rules.find((rule) => !seen.has(rule.id));
  if (missing) throw invalidField("ids", `must list every rule exactly once; ${missing.id} ('${missing.name}') is missing`);
  return renumbered(ids.map((id) => byId.get(id)!));
}

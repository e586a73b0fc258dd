import type { RoutingCondition, RoutingRule, RoutingTarget } from "../domain/routing/routing-rule.js";
import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";
import type { RoutingRuleTable } from "./schema.js";

function ruleRowToRule(row: RoutingRuleTable): RoutingRule {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    conditions: fromJsonColumn<RoutingCondition[]>(row.conditions),
    target: fromJsonColumn<RoutingTarget>(row.target),
    slaPolicyId: row.sla_policy_id,
    sequenceId: row.sequence_id,
    isActive: row.is_active === 1,
  };
}

/** Every routing rule in position order. */
export async function listRoutingRules(db: Executor): Promise<RoutingRule[]> {
  const rows = await db.selectFrom("routing_rules").selectAll().orderBy("position").orderBy("id").execute();
  return rows.map(ruleRowToRule);
}

/** One rule by id. */
export async function findRoutingRule(db: Executor, id: string): Promise<RoutingRule | undefined> {
  const row = await db.selectFrom("routing_rules").selectAll().where("id", "=", id).executeTakeFirst();
  return row && ruleRowToRule(row);
}

/** Inserts or replaces a rule. */
export async function saveRoutingRule(db: Executor, rule: RoutingRule, now: number): Promise<void> {
  const row = {
    name: rule.name,
    position: rule.position,
    conditions: toJsonColumn(rule.conditions),
    target: toJsonColumn(rule.target),
    sla_policy_id: rule.slaPolicyId,
    sequence_id: rule.sequenceId,
    is_active: rule.isActive ? 1 : 0,
    updated_at: now,
  };
  await db
    .insertInto("routing_rules")
    .values({ id: rule.id, ...row, created_at: now })
    .onConflict((oc) => oc.column("id").doUpdateSet(row))
    .execute();
}

/** Deletes a rule; its pool cursor goes with it. */
export async function deleteRoutingRule(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("routing_cursors").where("pool_key", "=", id).execute();
  await db.deleteFrom("routing_rules").where("id", "=", id).execute();
}

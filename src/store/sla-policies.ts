import type { EscalationStep, SlaPolicy } from "../domain/sla/sla-policy.js";
import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";
import type { SlaPolicyTable } from "./schema.js";

function policyRowToPolicy(row: SlaPolicyTable): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    targetMinutes: row.target_minutes,
    warningShare: row.warning_share,
    clock: row.clock,
    isAutomatedResponseEnough: row.is_automated_response_enough === 1,
    escalation: fromJsonColumn<EscalationStep[]>(row.escalation),
    isDefault: row.is_default === 1,
  };
}

/** Every SLA policy, by name. */
export async function listSlaPolicies(db: Executor): Promise<SlaPolicy[]> {
  const rows = await db.selectFrom("sla_policies").selectAll().orderBy("name").execute();
  return rows.map(policyRowToPolicy);
}

/** A policy by id, or the default policy when `id` is null. */
export async function findSlaPolicy(db: Executor, id: string | null): Promise<SlaPolicy | undefined> {
  const query = db.selectFrom("sla_policies").selectAll();
  const row = await (id === null ? query.where("is_default", "=", 1) : query.where("id", "=", id)).executeTakeFirst();
  return row && policyRowToPolicy(row);
}

/** Inserts or replaces a policy; making it the default clears the flag on the others. */
export async function saveSlaPolicy(db: Executor, policy: SlaPolicy, now: number): Promise<void> {
  if (policy.isDefault) await db.updateTable("sla_policies").set({ is_default: 0 }).where("id", "!=", policy.id).execute();
  const row = {
    name: policy.name,
    target_minutes: policy.targetMinutes,
    warning_share: policy.warningShare,
    clock: policy.clock,
    is_automated_response_enough: policy.isAutomatedResponseEnough ? 1 : 0,
    escalation: toJsonColumn(policy.escalation),
    is_default: policy.isDefault ? 1 : 0,
  };
  await db
    .insertInto("sla_policies")
    .values({ id: policy.id, ...row, created_at: now })
    .onConflict((oc) => oc.column("id").doUpdateSet(row))
    .execute();
}

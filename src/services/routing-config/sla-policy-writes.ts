import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import type { SlaPolicy } from "../../domain/sla/sla-policy.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { saveSlaPolicy } from "../../store/sla-policies.js";
import { changesBetween } from "./changes-between.js";

const POLICY_FIELDS = ["name", "targetMinutes", "warningShare", "clock", "isAutomatedResponseEnough", "escalation", "isDefault"] as const;

/** The error for an unknown policy id. */
export function slaPolicyNotFound(id: string): DomainError {
  return new DomainError("not_found", { field: "id", message: `id: no SLA policy ${id}` });
}

/** Saves a policy (making it the default clears the others) and appends `sla_policy_saved` with its changes. */
export async function writeSlaPolicy(trx: Executor, before: SlaPolicy | null, after: SlaPolicy, actor: Actor, now: number): Promise<void> {
  const changed = changesBetween(before, after, POLICY_FIELDS);
  if (Object.keys(changed).length === 0) return;
  await saveSlaPolicy(trx, after, now);
  await appendEvents(trx, [{ leadId: null, type: "sla_policy_saved", actor, at: now, data: { policyId: after.id, name: after.name, isNew: before === null, changed } }]);
}

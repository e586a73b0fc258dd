import type { SlaPolicy } from "../../../domain/sla/sla-policy.js";
import type { SlaPolicyDtoType } from "./sla-policies.schemas.js";

/** An SLA policy as the API shows it. */
export function presentSlaPolicy(policy: SlaPolicy): SlaPolicyDtoType {
  const { id, name, targetMinutes, warningShare, clock, isAutomatedResponseEnough, escalation, isDefault } = policy;
  return { id, name, targetMinutes, warningShare, clock, isAutomatedResponseEnough, escalation, isDefault };
}

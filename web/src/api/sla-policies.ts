import type { SlaPolicyDtoType } from "../../../src/http/routes/sla-policies/sla-policies.schemas.js";
import { apiRequest } from "./client.js";

/** A speed-to-lead policy, typed from the SLA route's schema. */
export type SlaPolicy = SlaPolicyDtoType;
export type EscalationStep = SlaPolicy["escalation"][number];

export type NewSlaPolicy = Omit<SlaPolicy, "id">;

const POLICIES = "/api/v1/sla-policies";

/** Every SLA policy; one is the default. */
export async function listSlaPolicies(signal?: AbortSignal): Promise<SlaPolicy[]> {
  const page = await apiRequest<{ items: SlaPolicy[] }>(POLICIES, { signal });
  return page.items;
}

/** Creates an SLA policy. */
export async function createSlaPolicy(policy: NewSlaPolicy): Promise<SlaPolicy> {
  return apiRequest<SlaPolicy>(POLICIES, { method: "POST", body: policy });
}

/** Changes an SLA policy; new clocks use it, running ones keep their deadline. */
export async function changeSlaPolicy(id: string, change: Partial<NewSlaPolicy>): Promise<SlaPolicy> {
  return apiRequest<SlaPolicy>(`${POLICIES}/${encodeURIComponent(id)}`, { method: "PATCH", body: change });
}

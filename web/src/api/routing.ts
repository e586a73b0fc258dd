import type { RoutingPreviewDtoType } from "../../../src/http/routes/routing/routing-preview.schemas.js";
import type { RoutingRuleDtoType } from "../../../src/http/routes/routing/routing-rules.schemas.js";
import { apiRequest } from "./client.js";

export type { RoutingCondition, RoutingStrategy } from "../../../src/domain/routing/routing-rule.js";

/** A routing rule, typed from the routing route's schema. */
export type RoutingRule = RoutingRuleDtoType;
export type NewRoutingRule = Omit<RoutingRule, "id" | "position">;

/** What routing would do with a lead right now, and why; nothing is written. */
export type RoutingPreview = RoutingPreviewDtoType;

const RULES = "/api/v1/routing/rules";

/** The routing rules in the order they are tried. */
export async function listRoutingRules(signal?: AbortSignal): Promise<RoutingRule[]> {
  const page = await apiRequest<{ items: RoutingRule[] }>(RULES, { signal });
  return page.items;
}

/** Adds a rule at the end of the list. */
export async function createRoutingRule(rule: NewRoutingRule): Promise<RoutingRule> {
  return apiRequest<RoutingRule>(RULES, { method: "POST", body: rule });
}

/** Changes a rule's name, conditions, pool, SLA policy or active flag. */
export async function changeRoutingRule(id: string, change: Partial<NewRoutingRule>): Promise<RoutingRule> {
  return apiRequest<RoutingRule>(`${RULES}/${encodeURIComponent(id)}`, { method: "PATCH", body: change });
}

/** Deletes a rule. */
export async function deleteRoutingRule(id: string): Promise<void> {
  await apiRequest<void>(`${RULES}/${encodeURIComponent(id)}`, { method: "DELETE" });
}

/** Puts the rules in this order (every rule id, first tried first). */
export async function reorderRoutingRules(ids: string[]): Promise<void> {
  await apiRequest<unknown>(`${RULES}:reorder`, { method: "POST", body: { ids } });
}

/** Runs routing on a made-up lead without saving anything: the rule, the owner, the reason and the SLA deadline. */
export async function previewRouting(lead: Record<string, unknown>): Promise<RoutingPreview> {
  return apiRequest<RoutingPreview>("/api/v1/routing/preview", { method: "POST", body: { lead } });
}

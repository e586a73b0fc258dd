import { normalizeLeadInput } from "../../domain/lead/normalize-lead-input.js";
import { chooseOwner } from "../../domain/routing/choose-owner.js";
import { leadFacts } from "../../domain/routing/lead-facts.js";
import type { RoutingStrategy } from "../../domain/routing/routing-rule.js";
import { slaDeadlines } from "../../domain/sla/sla-clock.js";
import type { SlaPolicy } from "../../domain/sla/sla-policy.js";
import type { ServiceContext } from "../context.js";
import { loadRoutingState } from "../routing/routing-state.js";
import { loadSlaPolicies } from "../routing/write-assignments.js";

/** What routing would do with a lead captured now, and why. */
export type RoutingPreview = {
  matchedRule: { id: string; name: string } | null;
  owner: { id: string; name: string } | null;
  strategy: RoutingStrategy | null;
  reason: string;
  /** The policy its SLA clock would run on; null only if the workspace has no default policy. */
  slaPolicy: SlaPolicy | null;
  dueAt: number | null;
};

/**
 * Routes a would-be lead exactly as capture does (same normaliser, same rules, same pool
 * cursors and availability) without writing anything: cursors are read unlocked and never
 * saved, and no lead, event or timer is created. `raw` errors name fields under `lead.`.
 */
export async function previewRouting(ctx: ServiceContext, raw: Record<string, unknown>): Promise<RoutingPreview> {
  const input = normalizeLeadInput(raw, { defaultPhoneRegion: ctx.defaultPhoneRegion, fieldPrefix: "lead." });
  const now = ctx.clock.now();
  const state = await loadRoutingState(ctx.db, now, { isLocking: false });
  const decision = chooseOwner({ ...state, facts: leadFacts({ ...input.fields, custom: input.custom }), now });
  const rule = state.rules.find((candidate) => candidate.id === decision.ruleId);
  const owner = decision.ownerId === null ? undefined : state.candidates.get(decision.ownerId);
  const policies = await loadSlaPolicies(ctx.db);
  const slaPolicy = policies.get(decision.slaPolicyId) ?? policies.get(null) ?? null;
  return {
    matchedRule: rule ? { id: rule.id, name: rule.name } : null,
    owner: owner ? { id: owner.userId, name: owner.name } : null,
    strategy: decision.strategy,
    reason: decision.reason,
    slaPolicy,
    dueAt: slaPolicy ? slaDeadlines(slaPolicy, state.calendar, now).dueAt : null,
  };
}
